import type { AlertCondition } from '../../shared/schemas/alerts';

/** What the evaluation needs of an alert: plain data, times in epoch ms. */
export interface AlertWatch {
  condition: AlertCondition;
  /** The price compared with; null while a key level is not resolved yet. */
  targetPrice: number | null;
  /** The price seen at the previous observation (null before the first: crossings need two). */
  lastPrice: number | null;
  /** An every_time alert cooling down cannot fire before this instant. */
  rearmAt: number | null;
}

/**
 * Whether `price` meets the condition against `target`, `previous` being the price seen the tick
 * before. above/below (and the percent moves, whose target is already the moved price) hold while
 * the price is at or beyond the target; a crossing needs the previous price strictly on the other
 * side and the new one at or past the target, so a gap over the target counts and the first
 * observation (no previous price) never fires.
 */
export function conditionMet(condition: AlertCondition, target: number, previous: number | null, price: number): boolean {
  const crossedUp = previous !== null && previous < target && price >= target;
  const crossedDown = previous !== null && previous > target && price <= target;
  switch (condition) {
    case 'above':
    case 'pct_move_up':
      return price >= target;
    case 'below':
    case 'pct_move_down':
      return price <= target;
    case 'crosses_above':
      return crossedUp;
    case 'crosses_below':
      return crossedDown;
    case 'crosses':
      return crossedUp || crossedDown;
  }
}

/**
 * Whether an active alert fires on seeing `price` at `now`: not while its key level is unresolved
 * or while it cools down after firing, else when its condition is met. (Expiry is the worker's:
 * it marks expired alerts before evaluating the others.)
 */
export function evaluateAlert(alert: AlertWatch, price: number, now: number): boolean {
  if (alert.targetPrice === null) return false;
  if (alert.rearmAt !== null && now < alert.rearmAt) return false;
  return conditionMet(alert.condition, alert.targetPrice, alert.lastPrice, price);
}

/**
 * The price a percent move reaches: reference × (100 ± percent) / 100. Multiplying by the whole
 * percentage first keeps round cases exact (500 and 2 % give 510, not 510.00000000000006).
 */
export function percentTarget(condition: 'pct_move_up' | 'pct_move_down', reference: number, percent: number): number {
  return (reference * (condition === 'pct_move_up' ? 100 + percent : 100 - percent)) / 100;
}
