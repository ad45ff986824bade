import type { Alert, AlertCondition } from '../../../shared/schemas/alerts';
import type { Notification } from '../../../shared/schemas/notifications';
import { formatPrice } from './format';

/** How each condition reads in the form and the list. */
export const CONDITION_LABELS: Record<AlertCondition, string> = {
  above: 'at or above',
  below: 'at or below',
  crosses_above: 'crosses above',
  crosses_below: 'crosses below',
  crosses: 'crosses',
  pct_move_up: 'rises by',
  pct_move_down: 'falls by',
};

/**
 * What the alert watches, in words: "crosses above 601.25", "crosses PDH (601.25 today)",
 * "rises by 2 % from 598.00 (to 609.96)". A key level not resolved yet shows its name alone.
 */
export function describeCondition(alert: Pick<Alert, 'condition' | 'targetPrice' | 'level' | 'percent' | 'referencePrice'>): string {
  const verb = CONDITION_LABELS[alert.condition];
  if (alert.condition === 'pct_move_up' || alert.condition === 'pct_move_down') {
    const target = alert.targetPrice === null ? '' : ` (to ${formatPrice(alert.targetPrice)})`;
    return `${verb} ${alert.percent ?? '?'} % from ${formatPrice(alert.referencePrice)}${target}`;
  }
  if (alert.level) return `${verb} ${alert.level}${alert.targetPrice === null ? '' : ` (${formatPrice(alert.targetPrice)} today)`}`;
  return `${verb} ${formatPrice(alert.targetPrice)}`;
}

/** "once", or "every time, 15 min apart". */
export function describeTriggerMode(alert: Pick<Alert, 'triggerMode' | 'cooldownSeconds'>): string {
  if (alert.triggerMode === 'once') return 'once';
  const minutes = alert.cooldownSeconds / 60;
  return `every time, ${Number.isInteger(minutes) ? `${minutes} min` : `${alert.cooldownSeconds} s`} apart`;
}

/** Unread first, then newest first (ISO times sort as text). */
export function unreadFirst(notifications: readonly Notification[]): Notification[] {
  return [...notifications].sort((a, b) => Number(a.read) - Number(b.read) || b.createdAt.localeCompare(a.createdAt));
}
