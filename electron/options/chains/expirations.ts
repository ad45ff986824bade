import type { Expiration, ExpirationKind } from '../../../shared/schemas/chains';
import { addDays, daysBetween, isTradingDay, marketDate } from '../../market/calendar';
import { settlementInstant } from '../pricing/expiry';
import { optionUnderlying, settlementFor, standardMonthlyExpiry } from '../pricing/underlyings';

/** Trading days of daily expirations listed ahead (today included): about two weeks. */
const DAILY_TRADING_DAYS = 10;
/** Weekly (Friday) expirations listed ahead, in calendar days: about two months. */
const WEEKLY_HORIZON_DAYS = 63;
/** Monthly (third Friday) expirations listed ahead: a year. */
const MONTHLY_HORIZON_DAYS = 366;
/** January LEAPS listed out to this many days (so there are always two beyond the first year). */
const LEAPS_HORIZON_DAYS = 3 * 365;

/**
 * The expirations of `underlying` listed at `nowMs` on the NYSE calendar, nearest first: dailies for
 * the next two weeks of trading days (SPX, SPY, QQQ... per `optionUnderlying`), weeklies on the Fridays of the next two
 * months, monthlies on the third Friday of the next twelve months, and January LEAPS beyond. An
 * expiration that falls on a holiday moves to the trading day before (Good Friday 2026-04-03 → 2026-04-02).
 * One already settled (after 16:00 ET, 13:00 on an early close, or 09:30 for an AM settlement) is gone.
 * Settlement is AM for the SPX/NDX/RUT standard monthlies, PM otherwise (`settlementFor`).
 */
export function listExpirations(underlying: string, nowMs: number): Expiration[] {
  const today = marketDate(nowMs);
  const kinds = new Map<string, Exclude<ExpirationKind, '0dte'>>();
  const add = (date: string, kind: Exclude<ExpirationKind, '0dte'>) => {
    const known = kinds.get(date);
    if (!known || RANK[kind] > RANK[known]) kinds.set(date, kind);
  };

  if (optionUnderlying(underlying).dailyExpirations) {
    let date = today;
    for (let listed = 0; listed < DAILY_TRADING_DAYS; date = addDays(date, 1)) {
      if (!isTradingDay(date)) continue;
      add(date, 'daily');
      listed += 1;
    }
  }
  for (let friday = nextFriday(today); daysBetween(today, friday) <= WEEKLY_HORIZON_DAYS; friday = addDays(friday, 7)) {
    add(lastTradingDayOnOrBefore(friday), 'weekly');
  }
  const [year, month] = today.split('-').map(Number) as [number, number];
  for (let offset = 0; ; offset += 1) {
    const monthIndex = month - 1 + offset;
    const expiry = standardMonthlyExpiry(year + Math.floor(monthIndex / 12), (monthIndex % 12) + 1);
    const days = daysBetween(today, expiry);
    if (days > LEAPS_HORIZON_DAYS) break;
    if (days < 0) continue;
    if (days <= MONTHLY_HORIZON_DAYS) add(expiry, 'monthly');
    else if (expiry.slice(5, 7) === '01') add(expiry, 'leaps');
  }

  const listed: Expiration[] = [];
  for (const [date, kind] of [...kinds].sort(([a], [b]) => a.localeCompare(b))) {
    const settlement = settlementFor(underlying, date);
    if (nowMs >= settlementInstant(date, settlement)) continue;
    listed.push({ date, daysToExpiry: daysBetween(today, date), settlement, kind: date === today ? '0dte' : kind });
  }
  return listed;
}

/** When several rules list the same date, the rarer contract names it. */
const RANK: Record<Exclude<ExpirationKind, '0dte'>, number> = { daily: 0, weekly: 1, monthly: 2, leaps: 3 };

/** `date` itself when the exchange trades, else the trading day before it. */
function lastTradingDayOnOrBefore(date: string): string {
  let day = date;
  while (!isTradingDay(day)) day = addDays(day, -1);
  return day;
}

/** The Friday of the week of `date` (`date` itself on a Friday; the next one on a weekend). */
function nextFriday(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, (5 - weekday + 7) % 7);
}
