/** The fields the true range needs. */
export interface HighLowClose {
  high: number;
  low: number;
  close: number;
}

/** Wilder's true range: the largest of today's range and the gaps to the previous close. */
export function trueRange(bar: HighLowClose, previousClose: number): number {
  const range = bar.high - bar.low;
  const up = Math.abs(bar.high - previousClose);
  const down = Math.abs(bar.low - previousClose);
  return range > up ? (range > down ? range : down) : up > down ? up : down;
}

/**
 * Wilder's average true range. The first true range needs a previous close, so it starts at the
 * second bar; the ATR is seeded with the plain mean of the first `period` true ranges and then
 * smoothed as ATR = (ATR_prev × (period − 1) + TR) / period — the same definition as
 * `technicalindicators`' ATR. Result i is the ATR at bars[i + period] (a Float64Array: a year of minutes without boxing); empty when there are fewer
 * than period + 1 bars.
 */
export function wilderAtr(bars: readonly HighLowClose[], period = 14): Float64Array {
  if (!Number.isInteger(period) || period < 1) throw new Error(`ATR period must be a positive integer, got ${period}`);
  if (bars.length <= period) return new Float64Array(0);
  const out = new Float64Array(bars.length - period);
  let sum = 0;
  for (let i = 1; i <= period; i++) sum += trueRange(bars[i]!, bars[i - 1]!.close);
  let atr = sum / period;
  out[0] = atr;
  let previousClose = bars[period]!.close;
  for (let i = period + 1; i < bars.length; i++) {
    const bar = bars[i]!;
    atr = (atr * (period - 1) + trueRange(bar, previousClose)) / period;
    previousClose = bar.close;
    out[i - period] = atr;
  }
  return out;
}

/** The ATR at the last bar, or null when there is not enough history. */
export function lastAtr(bars: readonly HighLowClose[], period = 14): number | null {
  return wilderAtr(bars, period).at(-1) ?? null;
}
