import type { VwapPoint } from '../../shared/schemas/levels';
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
  const series: VwapSeries = { length: 0, time: new Float64Array(n), vwap: new Float64Array(n), sigma: new Float64Array(n) };
  let volume = 0;
  let priceVolume = 0;
  let mean = 0;
  let squares = 0;
  let filled = 0;
  for (let i = 0; i < n; i++) {
    const bar = bars[i]!;
    const typical = (bar.high + bar.low + bar.close) / 3;
    if (bar.volume > 0) {
      volume += bar.volume;
      priceVolume += bar.volume * typical;
      const delta = typical - mean;
      mean += (bar.volume / volume) * delta;
      squares += bar.volume * delta * (typical - mean);
    }
    if (volume === 0) continue;
    series.time[filled] = bar.time;
    series.vwap[filled] = priceVolume / volume;
    series.sigma[filled] = Math.sqrt(squares > 0 ? squares / volume : 0);
    filled++;
  }
  series.length = filled;
  return series;
}

/** The series as points with their ±1/±2/±3 σ bands (the shape the contract and the chart use). */
export function vwapPoints(series: VwapSeries): VwapPoint[] {
  const points: VwapPoint[] = [];
  for (let i = 0; i < series.length; i++) {
    const vwap = series.vwap[i]!;
    const sigma = series.sigma[i]!;
    points.push({
      time: series.time[i]!,
      vwap,
      sigma,
      upper1: vwap + sigma,
      lower1: vwap - sigma,
      upper2: vwap + 2 * sigma,
      lower2: vwap - 2 * sigma,
      upper3: vwap + 3 * sigma,
      lower3: vwap - 3 * sigma,
    });
  }
  return points;
}
