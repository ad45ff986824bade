import { describe, expect, it } from 'vitest';
import { CPI_RELEASES, FOMC_DECISIONS, NFP_RELEASES } from './event-calendar';
import { calendarSources, MACRO_CALENDAR, nextEvents, upcomingEvents } from './events';

const find = (kind: string, date: string) => MACRO_CALENDAR.find((e) => e.kind === kind && e.date === date);
/** A New York wall time as epoch ms (the offset written out: EST −05:00, EDT −04:00). */
const ny = (iso: string) => Date.parse(iso);

describe('macro calendar data (Federal Reserve and BLS schedules)', () => {
  it('holds the FOMC decisions of the Fed calendar, 2 p.m. Eastern', () => {
    // federalreserve.gov: December 9–10, 2025 and January 27–28, 2026 meetings; statement at 14:00 ET.
    expect(find('fomc', '2025-12-10')).toMatchObject({ title: 'FOMC decision (Dec 9–10 meeting)', at: ny('2025-12-10T14:00:00-05:00'), tentative: false });
    expect(find('fomc', '2026-01-28')).toMatchObject({ at: ny('2026-01-28T14:00:00-05:00'), tentative: false });
    // The 2027 schedule announced 2025-09-05 is tentative: June 8–9 (not the usual mid-June).
    expect(find('fomc', '2027-06-09')).toMatchObject({ tentative: true });
    expect(FOMC_DECISIONS.filter((d) => d.date.startsWith('2025'))).toHaveLength(8);
    expect(FOMC_DECISIONS.filter((d) => d.date.startsWith('2026'))).toHaveLength(8);
    expect(FOMC_DECISIONS.filter((d) => d.date.startsWith('2027'))).toHaveLength(8);
    // Every statement day is a Wednesday.
    for (const d of FOMC_DECISIONS) expect(new Date(`${d.date}T12:00:00Z`).getUTCDay(), d.date).toBe(3);
  });

  it('carries the releases as BLS actually published them around the 2025 and 2026 shutdowns', () => {
    // September 2025 CPI: moved from 10-15 to Friday 10-24 (BLS notice of 2025-10-10).
    expect(find('cpi', '2025-10-24')).toMatchObject({ referencePeriod: '2025-09', rescheduledFrom: '2025-10-15', at: ny('2025-10-24T08:30:00-04:00') });
    // November 2025 CPI on 12-18 (was 12-10); October 2025 CPI cancelled.
    expect(find('cpi', '2025-12-18')).toMatchObject({ title: 'CPI for November 2025', rescheduledFrom: '2025-12-10' });
    expect(CPI_RELEASES.some((r) => r.period === '2025-10')).toBe(false);
    // September 2025 payrolls on 11-20 (was 10-03); no October report; November's on 12-16 (was 12-05).
    expect(find('nfp', '2025-11-20')).toMatchObject({ referencePeriod: '2025-09', rescheduledFrom: '2025-10-03' });
    expect(find('nfp', '2025-12-16')).toMatchObject({ referencePeriod: '2025-11', rescheduledFrom: '2025-12-05' });
    expect(NFP_RELEASES.some((r) => r.period === '2025-10')).toBe(false);
    // January 2026: payrolls 02-06 → 02-11, CPI 02-11 → 02-13 (partial shutdown ending 2026-02-03).
    expect(find('nfp', '2026-02-11')).toMatchObject({ referencePeriod: '2026-01', rescheduledFrom: '2026-02-06' });
    expect(find('cpi', '2026-02-13')).toMatchObject({ referencePeriod: '2026-01', rescheduledFrom: '2026-02-11' });
    // Regular dates: December 2025 payrolls 2026-01-09, CPI 2026-01-13; June 2026 payrolls Thursday 07-02.
    expect(find('nfp', '2026-01-09')?.referencePeriod).toBe('2025-12');
    expect(find('cpi', '2026-01-13')?.referencePeriod).toBe('2025-12');
    expect(find('nfp', '2026-07-02')?.referencePeriod).toBe('2026-06');
    expect(find('nfp', '2026-04-03')?.referencePeriod).toBe('2026-03'); // Good Friday: markets shut, BLS publishes
  });

  it('has one release per month from December 2024 to November 2026 except the cancelled October 2025, on weekdays after the month', () => {
    for (const list of [CPI_RELEASES, NFP_RELEASES]) {
      const periods = list.map((r) => r.period);
      // 24 months from 2024-12: index i is month 12 + i counted from January 2024.
      const months = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor((11 + i) / 12)}-${String(((11 + i) % 12) + 1).padStart(2, '0')}`);
      expect(periods).toEqual(months.filter((p) => p !== '2025-10'));
      for (const r of list) {
        // Weekdays, not NYSE trading days: BLS publishes on Good Friday (March 2026 payrolls, 2026-04-03).
        expect([1, 2, 3, 4, 5], r.date).toContain(new Date(`${r.date}T12:00:00Z`).getUTCDay());
        expect(r.date > `${r.period}-31`, r.date).toBe(true);
      }
    }
  });

  it('says where each list stops instead of inventing 2027 BLS dates', () => {
    const sources = calendarSources();
    expect(sources.find((s) => s.kind === 'fomc')).toMatchObject({ coveredThrough: '2027-12-08', urls: ['https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm'] });
    expect(sources.find((s) => s.kind === 'cpi')).toMatchObject({ coveredThrough: '2026-12-10' });
    expect(sources.find((s) => s.kind === 'nfp')).toMatchObject({ coveredThrough: '2026-12-04' });
    expect(sources.find((s) => s.kind === 'cpi')!.note).toContain('2027');
  });
});

describe('next events at fixed clocks', () => {
  it('keeps a decision "today" until its 14:00 statement, then moves to the next meeting', () => {
    const before = nextEvents(ny('2025-12-10T13:59:59-05:00'));
    expect(before.fomc).toMatchObject({ date: '2025-12-10', daysUntil: 0 });
    const after = nextEvents(ny('2025-12-10T14:00:01-05:00'));
    // 2025-12-10 → 2026-01-28: 21 days to Dec 31, + 28 = 49.
    expect(after.fomc).toMatchObject({ date: '2026-01-28', daysUntil: 49 });
    // The same clock: payrolls 12-16 (6 days), CPI 12-18 (8 days).
    expect(after.nfp).toMatchObject({ date: '2025-12-16', daysUntil: 6 });
    expect(after.cpi).toMatchObject({ date: '2025-12-18', daysUntil: 8 });
  });

  it('counts New York days, not UTC days (23:24 ET on 2026-12-01 is already 12-02 in UTC)', () => {
    const next = nextEvents(Date.parse('2026-12-02T04:24:00Z'));
    // Today in New York is 2026-12-01: payrolls Fri 12-04 in 3 days, FOMC Wed 12-09 in 8, CPI Thu 12-10 in 9.
    expect(next.nfp).toMatchObject({ date: '2026-12-04', daysUntil: 3 });
    expect(next.fomc).toMatchObject({ date: '2026-12-09', daysUntil: 8 });
    expect(next.cpi).toMatchObject({ date: '2026-12-10', daysUntil: 9 });
  });

  it('answers null past the last published BLS date and flags the tentative 2027 FOMC meeting', () => {
    const next = nextEvents(ny('2026-12-10T08:31:00-05:00'));
    expect(next.cpi).toBeNull();
    expect(next.nfp).toBeNull();
    expect(next.fomc).toMatchObject({ date: '2027-01-27', tentative: true, daysUntil: 48 }); // 21 + 27
  });

  it('lists upcoming events in time order, a CPI at 08:30 before an FOMC at 14:00, up to the limit', () => {
    const list = upcomingEvents(ny('2026-03-10T09:00:00-04:00'), 4);
    expect(list.map((e) => `${e.kind} ${e.date}`)).toEqual(['cpi 2026-03-11', 'fomc 2026-03-18', 'nfp 2026-04-03', 'cpi 2026-04-10']);
    expect(list[0]).toMatchObject({ daysUntil: 1, at: ny('2026-03-11T08:30:00-04:00') }); // EDT since 03-08
    expect(upcomingEvents(ny('2026-03-10T09:00:00-04:00'), 60).every((e, i, all) => i === 0 || all[i - 1]!.at <= e.at)).toBe(true);
  });
});
