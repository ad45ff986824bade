import { DateTime } from 'luxon';
import type { MarketStatus, Session, TradingSession } from '../../shared/schemas/market';

/** Trading sessions in a year: annualises daily volatility (levels, simulated market, scanner). */
export const TRADING_DAYS_PER_YEAR = 252;

/** The exchange's time zone: every session time is wall-clock time there (luxon applies DST). */
export const MARKET_ZONE = 'America/New_York';

/**
 * NYSE full-day closures, as published by NYSE Group ("NYSE Group Announces 2025, 2026 and 2027
 * Holiday and Early Closings Calendar", 2024-11-08, and the 2026–2028 release of 2025-12-23),
 * plus the unscheduled closure of 2025-01-09 (National Day of Mourning for President Carter).
 */
export const HOLIDAYS: Readonly<Record<string, string>> = {
  '2025-01-01': "New Year's Day",
  '2025-01-09': 'National Day of Mourning for President Carter',
  '2025-01-20': 'Martin Luther King, Jr. Day',
  '2025-02-17': "Washington's Birthday",
  '2025-04-18': 'Good Friday',
  '2025-05-26': 'Memorial Day',
  '2025-06-19': 'Juneteenth National Independence Day',
  '2025-07-04': 'Independence Day',
  '2025-09-01': 'Labor Day',
  '2025-11-27': 'Thanksgiving Day',
  '2025-12-25': 'Christmas Day',
  '2026-01-01': "New Year's Day",
  '2026-01-19': 'Martin Luther King, Jr. Day',
  '2026-02-16': "Washington's Birthday",
  '2026-04-03': 'Good Friday',
  '2026-05-25': 'Memorial Day',
  '2026-06-19': 'Juneteenth National Independence Day',
  '2026-07-03': 'Independence Day (observed)',
  '2026-09-07': 'Labor Day',
  '2026-11-26': 'Thanksgiving Day',
  '2026-12-25': 'Christmas Day',
  '2027-01-01': "New Year's Day",
  '2027-01-18': 'Martin Luther King, Jr. Day',
  '2027-02-15': "Washington's Birthday",
  '2027-03-26': 'Good Friday',
  '2027-05-31': 'Memorial Day',
  '2027-06-18': 'Juneteenth National Independence Day (observed)',
  '2027-07-05': 'Independence Day (observed)',
  '2027-09-06': 'Labor Day',
  '2027-11-25': 'Thanksgiving Day',
  '2027-12-24': 'Christmas Day (observed)',
};

/** 13:00 ET closes (after-hours end at 17:00), from the same NYSE releases. */
export const EARLY_CLOSES: Readonly<Record<string, string>> = {
  '2025-07-03': 'Day before Independence Day',
  '2025-11-28': 'Day after Thanksgiving',
  '2025-12-24': 'Christmas Eve',
  '2026-11-27': 'Day after Thanksgiving',
  '2026-12-24': 'Christmas Eve',
  '2027-11-26': 'Day after Thanksgiving',
};

/** The years whose holidays are listed; outside them only weekends are known closures. */
export const CALENDAR_YEARS = { first: 2025, last: 2027 } as const;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** How far `nextOpen`/`previousSession` look before giving up (longer than any real closure). */
const MAX_SEARCH_DAYS = 14;

type DateInput = string | number | Date;

/** New York calendar date of an instant; Intl is much faster than building a zoned DateTime. */
const NEW_YORK_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: MARKET_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The America/New_York calendar date (YYYY-MM-DD) of an instant, or the date itself. */
export function marketDate(input: DateInput): string {
  if (typeof input === 'string') {
    if (!DATE_PATTERN.test(input) || utcNoon(input).toISOString().slice(0, 10) !== input) throw new Error(`Not a date: ${input}`);
    return input;
  }
  return NEW_YORK_DATE.format(input instanceof Date ? input : new Date(input));
}

/** Calendar arithmetic needs no time zone: noon UTC of the date stands for the whole day. */
function utcNoon(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = utcNoon(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier), both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcNoon(to).getTime() - utcNoon(from).getTime()) / 86_400_000);
}

/** Why the exchange is shut all day on `date` (weekend or holiday name), or undefined on a trading day. */
export function closureReason(input: DateInput): string | undefined {
  const date = marketDate(input);
  const weekday = utcNoon(date).getUTCDay();
  if (weekday === 0 || weekday === 6) return 'weekend';
  return HOLIDAYS[date];
}

export function isTradingDay(input: DateInput): boolean {
  return closureReason(input) === undefined;
}


/** Sessions are pure functions of the date and asked for again and again (bars, chains): keep them. */
const sessionCache = new Map<string, TradingSession | null>();

/** The session of `date` (a YYYY-MM-DD date, or the New York date of an instant); undefined when closed. */
export function sessionFor(input: DateInput): TradingSession | undefined {
  const date = marketDate(input);
  let session = sessionCache.get(date);
  if (session === undefined) {
    session = isTradingDay(date) ? makeSession(date) : null;
    sessionCache.set(date, session);
  }
  return session ?? undefined;
}

function makeSession(date: string): TradingSession {
  const earlyClose = date in EARLY_CLOSES;
  const midnight = DateTime.fromISO(date, { zone: MARKET_ZONE });
  // Wall-clock times in New York on that date; luxon resolves the UTC offset (DST) of each.
  const at = (hour: number, minute = 0) => midnight.set({ hour, minute }).toMillis();
  return {
    date,
    preOpen: at(4),
    open: at(9, 30),
    close: at(earlyClose ? 13 : 16),
    afterClose: at(earlyClose ? 17 : 20),
    earlyClose,
  };
}

/** The last session strictly before the date of `input`. */
export function previousSession(input: DateInput): TradingSession {
  return step(marketDate(input), -1);
}

/** The first session strictly after the date of `input`. */
export function nextSession(input: DateInput): TradingSession {
  return step(marketDate(input), 1);
}

function step(from: string, direction: 1 | -1): TradingSession {
  let date = from;
  for (let i = 0; i < MAX_SEARCH_DAYS; i += 1) {
    date = addDays(date, direction);
    const session = sessionFor(date);
    if (session) return session;
  }
  throw new Error(`No trading session within ${MAX_SEARCH_DAYS} days of ${from}`);
}

/** Every session from `from` to `to` inclusive (dates or instants), oldest first. */
export function sessionsBetween(from: DateInput, to: DateInput): TradingSession[] {
  const last = marketDate(to);
  const sessions: TradingSession[] = [];
  for (let date = marketDate(from); date <= last; date = addDays(date, 1)) {
    const session = sessionFor(date);
    if (session) sessions.push(session);
  }
  return sessions;
}

/** The last `count` sessions up to and including the date of `input` (today counts when it trades). */
export function lastSessions(input: DateInput, count: number): TradingSession[] {
  const sessions: TradingSession[] = [];
  let session = sessionFor(input) ?? previousSession(input);
  while (sessions.length < count) {
    sessions.unshift(session);
    session = previousSession(session.date);
  }
  return sessions;
}

/** Which part of its day `session` is in at `now` (pre-market starts at 04:00, after-hours ends at 20:00/17:00). */
export function sessionPhase(session: TradingSession | undefined, now: number): Session {
  if (!session || now < session.preOpen || now >= session.afterClose) return 'closed';
  if (now < session.open) return 'pre';
  if (now < session.close) return 'open';
  return 'after';
}

/** Where the market stands at `now`, why, and when the regular session next opens and closes. */
export function getMarketStatus(now: number = Date.now()): MarketStatus {
  const today = marketDate(now);
  const session = sessionFor(today);
  const status = sessionPhase(session, now);
  // The next regular open/close still ahead of `now`.
  const upcoming = session && now < session.open ? session : nextSession(today);
  const nextClose = session && now < session.close ? session.close : upcoming.close;
  return {
    status,
    reason: describeReason(today, session, status),
    session: session ?? null,
    nextOpen: upcoming.open,
    nextClose,
    checkedAt: now,
  };
}

function describeReason(date: string, session: TradingSession | undefined, status: Session): string {
  if (!session) {
    const reason = closureReason(date)!;
    return reason === 'weekend' ? 'Weekend' : `Holiday: ${reason}`;
  }
  const early = session.earlyClose ? ` (early close 13:00 ET: ${EARLY_CLOSES[date]})` : '';
  const phase = { pre: 'Pre-market', open: 'Regular session', after: 'After-hours', closed: 'Overnight, outside extended hours' }[status];
  return `${phase}${early}`;
}
