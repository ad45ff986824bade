import { vwapPoint, type VwapPoint } from '../../shared/schemas/levels';
import type { Bar } from '../../shared/schemas/market';

/** Session VWAP and σ as columns (one entry per bar that has a value); `length` entries are filled. */
export interface VwapSeries {
  length: number;
  time: Float64Array;
  vwap: Float64Array;
  sigma: Float64Array;
}

/**
 * Session VWAP of the given bars (one session's regular hours: the caller starts them at 09:30, which
 * is the reset), cumulative from the first bar. Price = typical price (H+L+C)/3, as in
 * `technicalindicators`' VWAP. σ is the volume-weighted standard deviation of the typical prices
 * around the VWAP so far, √(Σv(tp−vwap)²/Σv), updated with West's weighted incremental algorithm
 * (no Σv·tp² − vwap² cancellation). Bars before any volume has traded produce no entry.
 * Columns rather than objects: a year of sessions is computed without allocating per bar.
 */
export function sessionVwap(bars: readonly Bar[]): VwapSeries {
  const n = bars.length;
  // One buffer for the three columns: allocating typed arrays, not the arithmetic, dominates a year's run.
  const buffer = new Float64Array(3 * n);
  const time = buffer.subarray(0, n);
  const vwap = buffer.subarray(n, 2 * n);
  const sigma = buffer.subarray(2 * n);
  let volume = 0;
  let priceVolume = 0;
  let mean = 0;
  let squares = 0;
  let filled = 0;
  for (let i = 0; i < n; i++) {
    const bar = bars[i]!;
    const weight = bar.volume;
    const typical = (bar.high + bar.low + bar.close) / 3;
    if (weight > 0) {
      volume += weight;
      priceVolume += weight * typical;
      const delta = typical - mean;
      mean += (weight / volume) * delta;
      squares += weight * delta * (typical - mean);
    } else if (volume === 0) continue;
    time[filled] = bar.time;
    vwap[filled] = priceVolume / volume;
    sigma[filled] = squares > 0 ? Math.sqrt(squares / volume) : 0;
    filled++;
  }
  return { length: filled, time, vwap, sigma };
}

/** The series as points with their ±1/±2/±3 σ bands (the shape the contract and the chart use). */
export function vwapPoints(series: VwapSeries): VwapPoint[] {
  const points: VwapPoint[] = [];
  for (let i = 0; i < series.length; i++) points.push(vwapPoint(series.time[i]!, series.vwap[i]!, series.sigma[i]!));
  return points;
}
