import { DateTime } from 'luxon';
import { MARKET_ZONE } from '../../../market/calendar';

/** Numbers and times as the model reads them: enough digits to act on, no float noise. */

/** `value` rounded to `digits` decimals (−0 becomes 0). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** Like `round`, keeping null as null (IVs and greeks the chain could not compute). */
export function roundOrNull(value: number | null, digits = 2): number | null {
  return value === null ? null : round(value, digits);
}

/** An epoch-ms instant as New York wall time, e.g. "2026-03-02 09:35 ET". */
export function newYorkTime(epochMs: number): string {
  return DateTime.fromMillis(epochMs, { zone: MARKET_ZONE }).toFormat("yyyy-LL-dd HH:mm 'ET'");
}

/** `value` to `digits` significant digits: greeks span 1e-5 (an index's gamma) to 1. */
export function significant(value: number | null, digits = 4): number | null {
  if (value === null) return null;
  const rounded = Number(value.toPrecision(digits));
  return rounded === 0 ? 0 : rounded;
}
