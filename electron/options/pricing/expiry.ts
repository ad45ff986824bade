// Time to expiry measured to the settlement instant, not to a calendar date, so that a 0DTE option
// keeps a time value during its last session. Years are 365-day years of elapsed clock time, the
// convention in which a calendar-day theta is one 365th of the annual theta.
import { DateTime } from 'luxon';
import type { SettlementTime } from '../../../shared/schemas/options';
import { MARKET_ZONE, sessionFor } from '../../market/calendar';

export const MS_PER_YEAR = 365 * 24 * 60 * 60 * 1000;

/** Settlement instants are asked for once per contract of every chain: keep them. */
const instantCache = new Map<string, number>();

/**
 * When the settlement value of an option expiring on `expiry` (a New York date) is fixed, in epoch ms:
 * PM = the close of the expiry session, 16:00 ET, or 13:00 ET on an NYSE early-close day
 * (electron/market/calendar.ts); AM = the 09:30 ET opening of the expiry session.
 * A date the exchange is shut (never a listed expiry) falls back to the usual wall-clock time.
 */
export function settlementInstant(expiry: string, settlement: SettlementTime): number {
  const key = `${expiry}|${settlement}`;
  let instant = instantCache.get(key);
  if (instant === undefined) {
    const session = sessionFor(expiry);
    if (session) instant = settlement === 'AM' ? session.open : session.close;
    else {
      const midnight = DateTime.fromISO(expiry, { zone: MARKET_ZONE });
      instant = (settlement === 'AM' ? midnight.set({ hour: 9, minute: 30 }) : midnight.set({ hour: 16 })).toMillis();
    }
    instantCache.set(key, instant);
  }
  return instant;
}

/** Years from `nowMs` to settlement, floored at 0 (an option past its settlement has no time left). */
export function yearsToExpiry(nowMs: number, expiry: string, settlement: SettlementTime): number {
  return Math.max(0, (settlementInstant(expiry, settlement) - nowMs) / MS_PER_YEAR);
}
