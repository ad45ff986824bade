import type { Session } from '../../shared/schemas/market';
import { nextSession, sessionFor, sessionPhase } from '../market/calendar';

/** Time between ticks in the regular session and in pre-market / after-hours. */
export const REGULAR_TICK_MS = 30_000;
export const EXTENDED_TICK_MS = 120_000;

export interface TickPlan {
  /** Where the market is at `now` (NYSE calendar, New York time). */
  phase: Session;
  /** Whether the worker ticks now: only in pre-market, regular or after-hours (or always with a fixed interval). */
  ticks: boolean;
  /** When the next tick is due: one interval on, never past the next change of phase; the next pre-market open when closed. */
  nextTickAt: number;
}

/**
 * The worker's cadence at `now`: every 30 s in regular hours, every 2 min before and after, none
 * while the exchange is closed (nights, weekends, holidays) until the next 04:00 ET pre-market.
 * `fixedIntervalMs` (ALERT_TICK_MS) replaces all of that with one interval at every hour.
 */
export function planTick(now: number, fixedIntervalMs?: number): TickPlan {
  const today = sessionFor(now);
  const phase = sessionPhase(today, now);
  if (fixedIntervalMs !== undefined) return { phase, ticks: true, nextTickAt: now + fixedIntervalMs };
  if (phase === 'closed') {
    const upcoming = today && now < today.preOpen ? today : nextSession(now);
    return { phase, ticks: false, nextTickAt: upcoming.preOpen };
  }
  const session = today!;
  const interval = phase === 'open' ? REGULAR_TICK_MS : EXTENDED_TICK_MS;
  const phaseEnds = phase === 'pre' ? session.open : phase === 'open' ? session.close : session.afterClose;
  return { phase, ticks: true, nextTickAt: Math.min(now + interval, phaseEnds) };
}
