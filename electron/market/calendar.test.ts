import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  EARLY_CLOSES,
  getMarketStatus,
  HOLIDAYS,
  isTradingDay,
  lastSessions,
  marketDate,
  previousSession,
  sessionFor,
  sessionsBetween,
} from './calendar';

const utc = (iso: string) => Date.parse(iso);

// Transcribed by hand from NYSE Group's releases, checked again against them:
// - "NYSE Group Announces 2025, 2026 and 2027 Holiday and Early Closings Calendar" (2024-11-08),
//   https://mondovisione.com/media-and-resources/news/nyse-group-announces-2025-2026-and-2027-holiday-and-early-closings-calendar/
// - "NYSE Group Announces 2026, 2027 and 2028 Holiday and Early Closings Calendar" (2025-12-23),
//   https://mondovisione.com/media-and-resources/news/nyse-group-announces-2026-2027-and-2028-holiday-and-early-closings-calendar-20251223/
//   (footnote *: Saturday 2028-01-01 is not observed, so Friday 2027-12-31 trades; the only July early
//   close it lists is 2028-07-03, none on 2026-07-02 or 2027-07-02)
// plus the closure of 2025-01-09 (National Day of Mourning for President Carter).
const PUBLISHED_HOLIDAYS = [
  '2025-01-01', '2025-01-09', '2025-01-20', '2025-02-17', '2025-04-18', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-11-27', '2025-12-25',
  '2026-01-01', '2026-01-19', '2026-02-16', '2026-04-03', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25',
  '2027-01-01', '2027-01-18', '2027-02-15', '2027-03-26', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-11-25', '2027-12-24',
];
const PUBLISHED_EARLY_CLOSES = ['2025-07-03', '2025-11-28', '2025-12-24', '2026-11-27', '2026-12-24', '2027-11-26'];

describe('trading calendar: holidays and early closes 2025–2027', () => {
  it('lists exactly the published full closures, every one a weekday', () => {
    expect(Object.keys(HOLIDAYS).sort()).toEqual(PUBLISHED_HOLIDAYS);
    for (const date of PUBLISHED_HOLIDAYS) {
      expect(isTradingDay(date), date).toBe(false);
      expect(sessionFor(date), date).toBeUndefined();
      expect(new Date(`${date}T12:00:00Z`).getUTCDay(), date).not.toBe(0);
      expect(new Date(`${date}T12:00:00Z`).getUTCDay(), date).not.toBe(6);
    }
  });

  it('names holidays, observed days included', () => {
    expect(getMarketStatus(utc('2027-06-18T15:00:00Z')).reason).toBe('Holiday: Juneteenth National Independence Day (observed)');
    expect(getMarketStatus(utc('2026-07-03T15:00:00Z')).reason).toBe('Holiday: Independence Day (observed)');
    expect(getMarketStatus(utc('2027-07-05T15:00:00Z')).reason).toBe('Holiday: Independence Day (observed)');
    expect(getMarketStatus(utc('2027-12-24T15:00:00Z')).reason).toBe('Holiday: Christmas Day (observed)');
    expect(getMarketStatus(utc('2025-01-09T15:00:00Z')).reason).toBe('Holiday: National Day of Mourning for President Carter');
    expect(getMarketStatus(utc('2027-03-26T15:00:00Z')).reason).toBe('Holiday: Good Friday');
  });

  it('has exactly the published 13:00 closes, with after-hours ending at 17:00', () => {
    expect(Object.keys(EARLY_CLOSES).sort()).toEqual(PUBLISHED_EARLY_CLOSES);
    // 2025-07-03 is summer time (UTC-4): close 17:00Z, after-hours end 21:00Z.
    expect(sessionFor('2025-07-03')).toEqual({
      date: '2025-07-03',
      preOpen: utc('2025-07-03T08:00:00Z'),
      open: utc('2025-07-03T13:30:00Z'),
      close: utc('2025-07-03T17:00:00Z'),
      afterClose: utc('2025-07-03T21:00:00Z'),
      earlyClose: true,
    });
    // 2026-12-24 is winter time (UTC-5).
    expect(sessionFor('2026-12-24')).toMatchObject({ close: utc('2026-12-24T18:00:00Z'), afterClose: utc('2026-12-24T22:00:00Z'), earlyClose: true });
    // No early close where the day before the holiday is itself a holiday or a weekend.
    expect(sessionFor('2026-07-02')?.earlyClose).toBe(false);
    expect(sessionFor('2027-07-02')?.earlyClose).toBe(false);
    expect(sessionFor('2027-12-23')?.earlyClose).toBe(false);
    // New Year's Day 2028 falls on a Saturday and is not observed: the last day of 2027 is a full session.
    expect(sessionFor('2027-12-31')).toMatchObject({ close: utc('2027-12-31T21:00:00Z'), earlyClose: false });
    expect(getMarketStatus(utc('2027-11-26T16:00:00Z')).reason).toBe('Regular session (early close 13:00 ET: Day after Thanksgiving)');
  });

  it('counts the trading days of each year (weekdays minus closures, counted by hand)', () => {
    // Weekdays 2025: 261, minus 11 closures = 250; 2026: 261 − 10 = 251; 2027: 261 − 10 = 251.
    expect(sessionsBetween('2025-01-01', '2025-12-31')).toHaveLength(250);
    expect(sessionsBetween('2026-01-01', '2026-12-31')).toHaveLength(251);
    expect(sessionsBetween('2027-01-01', '2027-12-31')).toHaveLength(251);
  });
});

describe('trading calendar: daylight saving time', () => {
  // [Sunday of the change, Friday before, Monday after, UTC offset before, after]
  const changes = [
    ['2025-03-09', '2025-03-07', '2025-03-10', 5, 4],
    ['2025-11-02', '2025-10-31', '2025-11-03', 4, 5],
    ['2026-03-08', '2026-03-06', '2026-03-09', 5, 4],
    ['2026-11-01', '2026-10-30', '2026-11-02', 4, 5],
    ['2027-03-14', '2027-03-12', '2027-03-15', 5, 4],
    ['2027-11-07', '2027-11-05', '2027-11-08', 4, 5],
  ] as const;

  it.each(changes)('%s: the open stays 09:30 New York time across the change', (sunday, friday, monday, before, after) => {
    expect(sessionFor(sunday)).toBeUndefined();
    const pad = (h: number) => String(h).padStart(2, '0');
    expect(sessionFor(friday)).toMatchObject({
      preOpen: utc(`${friday}T${pad(4 + before)}:00:00Z`),
      open: utc(`${friday}T${pad(9 + before)}:30:00Z`),
      close: utc(`${friday}T${pad(16 + before)}:00:00Z`),
    });
    expect(sessionFor(monday)).toMatchObject({
      preOpen: utc(`${monday}T${pad(4 + after)}:00:00Z`),
      open: utc(`${monday}T${pad(9 + after)}:30:00Z`),
      afterClose: utc(`${monday}T00:00:00Z`) + (20 + after) * 3_600_000,
    });
    // On the Sunday itself the market is closed and opens on Monday at 09:30 in the new offset.
    const status = getMarketStatus(utc(`${sunday}T18:00:00Z`));
    expect(status).toMatchObject({ status: 'closed', reason: 'Weekend', session: null, nextOpen: utc(`${monday}T${pad(9 + after)}:30:00Z`) });
  });

  it('reads the New York date of instants near midnight in both offsets', () => {
    expect(marketDate(utc('2025-03-10T03:59:00Z'))).toBe('2025-03-09'); // 23:59 EDT
    expect(marketDate(utc('2025-03-10T04:00:00Z'))).toBe('2025-03-10');
    expect(marketDate(utc('2025-11-03T04:59:00Z'))).toBe('2025-11-02'); // 23:59 EST
    expect(marketDate(utc('2025-11-03T05:00:00Z'))).toBe('2025-11-03');
  });
});

describe('getMarketStatus at the edge minutes', () => {
  // Tuesday 2025-06-10 in summer time (New York = UTC-4) and Tuesday 2025-12-09 in winter time (UTC-5).
  const days = [
    ['2025-06-10', 4],
    ['2025-12-09', 5],
  ] as const;
  const cases = [
    ['03:59', 'closed'],
    ['04:00', 'pre'],
    ['09:29', 'pre'],
    ['09:30', 'open'],
    ['15:59', 'open'],
    ['16:00', 'after'],
    ['19:59', 'after'],
    ['20:00', 'closed'],
  ] as const;

  it.each(days.flatMap(([date, offset]) => cases.map(([local, expected]) => [date, local, expected, offset] as const)))(
    '%s %s New York is %s',
    (date, local, expected, offset) => {
      const [hour, minute] = local.split(':').map(Number) as [number, number];
      const instant = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8)), hour + offset, minute);
      expect(getMarketStatus(instant).status).toBe(expected);
    },
  );

  it('gives the next open and close from each phase', () => {
    const tuesdayOpen = utc('2025-06-10T13:30:00Z');
    const tuesdayClose = utc('2025-06-10T20:00:00Z');
    const wednesdayOpen = utc('2025-06-11T13:30:00Z');
    const wednesdayClose = utc('2025-06-11T20:00:00Z');
    expect(getMarketStatus(utc('2025-06-10T08:00:00Z'))).toMatchObject({ reason: 'Pre-market', nextOpen: tuesdayOpen, nextClose: tuesdayClose });
    expect(getMarketStatus(utc('2025-06-10T15:00:00Z'))).toMatchObject({ reason: 'Regular session', nextOpen: wednesdayOpen, nextClose: tuesdayClose });
    expect(getMarketStatus(utc('2025-06-10T21:00:00Z'))).toMatchObject({ reason: 'After-hours', nextOpen: wednesdayOpen, nextClose: wednesdayClose });
    expect(getMarketStatus(utc('2025-06-11T02:00:00Z'))).toMatchObject({ status: 'closed', nextOpen: wednesdayOpen, nextClose: wednesdayClose });
  });

  it('on an early close: 12:59 open, 13:00 after-hours, 17:00 closed', () => {
    // Friday 2025-11-28, winter time: New York = UTC-5.
    expect(getMarketStatus(utc('2025-11-28T17:59:00Z')).status).toBe('open');
    expect(getMarketStatus(utc('2025-11-28T18:00:00Z')).status).toBe('after');
    expect(getMarketStatus(utc('2025-11-28T21:59:00Z')).status).toBe('after');
    expect(getMarketStatus(utc('2025-11-28T22:00:00Z')).status).toBe('closed');
  });

  it('skips a long weekend to the next open (Good Friday 2026 → Monday 2026-04-06)', () => {
    const status = getMarketStatus(utc('2026-04-02T22:00:00Z')); // Thursday 18:00 EDT, after-hours
    expect(status.status).toBe('after');
    expect(status.nextOpen).toBe(utc('2026-04-06T13:30:00Z'));
    expect(getMarketStatus(utc('2026-04-04T15:00:00Z')).nextOpen).toBe(utc('2026-04-06T13:30:00Z'));
  });
});

describe('session helpers', () => {
  it('previousSession skips weekends and holidays', () => {
    expect(previousSession('2025-01-10').date).toBe('2025-01-08'); // over the Carter closure
    expect(previousSession('2026-04-06').date).toBe('2026-04-02'); // over Good Friday and the weekend
    expect(previousSession(utc('2025-06-10T15:00:00Z')).date).toBe('2025-06-09');
  });

  it('sessionsBetween lists the sessions of a range inclusive', () => {
    expect(sessionsBetween('2025-12-22', '2025-12-29').map((s) => s.date)).toEqual(['2025-12-22', '2025-12-23', '2025-12-24', '2025-12-26', '2025-12-29']);
    expect(sessionsBetween('2025-12-25', '2025-12-25')).toEqual([]);
  });

  it('lastSessions counts back from a closed day', () => {
    expect(lastSessions('2025-07-06', 3).map((s) => s.date)).toEqual(['2025-07-01', '2025-07-02', '2025-07-03']);
    expect(lastSessions('2025-07-07', 2).map((s) => s.date)).toEqual(['2025-07-03', '2025-07-07']);
  });

  it('refuses what is not a date', () => {
    expect(() => sessionFor('2025-02-30')).toThrow('Not a date');
    expect(() => sessionFor('tomorrow')).toThrow('Not a date');
  });
});

describe('daysBetween', () => {
  it('counts calendar days across DST and year ends, negative backwards', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2); // over the 03-08 spring-forward
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2); // over the 11-01 fall-back
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-01-28', '2026-01-27')).toBe(-1);
    expect(daysBetween('2026-12-02', '2028-01-21')).toBe(415); // 29 + 365 + 21 to the Jan 2028 LEAPS
  });
});
