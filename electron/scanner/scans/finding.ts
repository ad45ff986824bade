import type { ScanDefinition, ScanDirection, ScanResult, ScanSuggestion } from '../../../shared/schemas/scanner';
import { formatPrice } from '../../alerts/message';
import { MARKET_ZONE } from '../../market/calendar';

/** What a scan reports about one symbol; the engine adds the id, symbol, scan name and time. */
export interface Finding {
  direction: ScanDirection;
  score: number;
  reason: string;
  metrics: ScanResult['metrics'];
  suggestion: ScanSuggestion;
}

/** A scan's tunable numbers, resolved (defaults with the caller's overrides). */
export type ScanParams = Readonly<Record<string, number>>;

/** A scan: its catalog entry and the pure function that reads one symbol's data. */
export interface Scan<Input> {
  definition: ScanDefinition;
  run(input: Input, params: ScanParams): Finding[];
}

/**
 * The common score scale: 50 when the measure just meets its threshold, rising linearly to 100
 * when it is `span` past it (and never below 0). Every scan states its threshold and span.
 */
export function scoreBeyond(value: number, threshold: number, span: number): number {
  const score = 50 + (50 * (value - threshold)) / span;
  return Math.round(Math.min(100, Math.max(0, score)) * 10) / 10;
}

/** Rounds for metrics: prices to the cent, ratios to four decimals (the reason shows fewer). */
export const round2 = (x: number): number => Math.round(x * 100) / 100;
export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export { formatPrice };
const TWO_DECIMALS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** A distance or amount in price units, to the cent: "0.45", "1,250.00". */
export const points = (x: number): string => TWO_DECIMALS.format(x);
/** 0.1234 → "12.3 %" */
export const percent = (fraction: number, digits = 1): string => `${(fraction * 100).toFixed(digits)} %`;
/** 1.234 → "1.23×" */
export const times = (ratio: number): string => `${ratio.toFixed(2)}×`;

const timeFormat = new Intl.DateTimeFormat('en-US', { timeZone: MARKET_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
/** An instant as New York wall time, "10:42". */
export const clockTime = (at: number): string => timeFormat.format(at);

/** Shares and contracts: 12 345 678 → "12.3M", 45 600 → "45.6K". */
export function quantity(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}K`;
  return Math.round(n).toLocaleString('en-US');
}

/** A suggestion to watch `level` with an alert, e.g. "Set an alert at PDH 6,012.50 (crosses above): a breakout". */
export function alertSuggestion(
  symbol: string,
  condition: 'above' | 'below' | 'crosses_above' | 'crosses_below',
  at: number,
  why: string,
  levelName?: string,
): ScanSuggestion {
  const label = levelName ? `${levelName} ${formatPrice(at)}` : formatPrice(at);
  const how = condition.replace('_', ' ');
  return {
    text: `Set an alert at ${label} (${how}): ${why}`,
    action: { type: 'set_alert', symbol, condition, price: round2(at), ...(levelName ? { levelName } : {}) },
  };
}
