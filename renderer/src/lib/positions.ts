import type { Bound } from '../../../shared/schemas/positions';
import { formatMoney } from './journal';

/** "+12.5" / "−3.25" / "0": a greek or a move, always with its sign so the direction reads at a glance. */
export function formatSigned(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return '—';
  const text = Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: digits });
  if (text === '0') return '0';
  return `${value < 0 ? '−' : '+'}${text}`;
}

/** A max profit or loss: dollars, or "Unlimited". */
export function formatBound(value: Bound): string {
  return value === 'unlimited' ? 'Unlimited' : formatMoney(value);
}
