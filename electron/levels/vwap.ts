import type { VwapPoint } from '../../shared/schemas/levels';
import type { Bar } from '../../shared/schemas/market';

/**
 * Session VWAP of the given bars (one session's regular hours: the caller starts them at 09:30, which
 * is the reset), one point per bar, cumulative from the first. Price = typical price (H+L+C)/3, as
 * in `technicalindicators`' VWAP. σ is the volume-weighted standard deviation of the typical prices
 * around the VWAP so far, √(Σv(tp−vwap)²/Σv), updated with West's weighted incremental algorithm
 * (no Σv·tp² − vwap² cancellation). Bars before any volume has traded produce no point.
 */
export function sessionVwap(bars: readonly Bar[]): VwapPoint[] {
  const points: VwapPoint[] = [];
  let volume = 0;
  let priceVolume = 0;
  let mean = 0;
  let squares = 0;
  for (const bar of bars) {
    const typical = (bar.high + bar.low + bar.close) / 3;
    if (bar.volume > 0) {
      volume += bar.volume;
      priceVolume += bar.volume * typical;
      const delta = typical - mean;
      mean += (bar.volume / volume) * delta;
      squares += bar.volume * delta * (typical - mean);
    }
    if (volume === 0) continue;
    const vwap = priceVolume / volume;
    const sigma = Math.sqrt(Math.max(squares / volume, 0));
    points.push({
      time: bar.time,
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
