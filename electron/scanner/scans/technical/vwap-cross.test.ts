import { describe, expect, it } from 'vitest';
import { atMinute, flat, technicalInput } from '../../testing';
import { vwapCrossScan } from './vwap-cross';

/**
 * Flat bars (typical price = close). VWAP after each: 100; (100 + 98)/2 = 99; (100 + 98 + 97)/3 =
 * 98.33; (295 + 101 × 3)/6 = 99.67 with the 300-share bar; (598 + 102)/7 = 100; (700 + 102)/8 = 100.25.
 * Closes against it: at, below, below, above (the reclaim, 09:33), above, above.
 */
const reclaim = [flat(atMinute(0), 100, 100), flat(atMinute(1), 98, 100), flat(atMinute(2), 97, 100), flat(atMinute(3), 101, 300), flat(atMinute(4), 102, 100), flat(atMinute(5), 102, 100)];

describe('vwap_cross', () => {
  it('fires on the reclaim at 09:33: the last close 102 holds 1.75 over VWAP 100.25; with ATR 20 that is 0.0875 ATR, score 50 + 50 × 0.875 = 93.8', () => {
    const [finding, ...rest] = vwapCrossScan.run(technicalInput({ last: 102, regular: reclaim, dailyAtr: 20 }), { lookbackMinutes: 10 });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ direction: 'bullish', score: 93.8, metrics: { vwap: 100.25, close: 102, distance: 1.75, distanceAtr: 0.0875, crossedAt: '09:33' } });
    expect(finding!.reason).toBe('SPY reclaimed VWAP at 09:33 ET and holds 1.75 above it (102.00 vs VWAP 100.25).');
    expect(finding!.suggestion.action).toEqual({ type: 'set_alert', symbol: 'SPY', condition: 'crosses_below', price: 100.25, levelName: 'VWAP' });
  });

  it('fires on the cross bar itself (101 over 99.67 = 1.33, 0.0667 ATR: 83.3)', () => {
    const [finding] = vwapCrossScan.run(technicalInput({ last: 101, regular: reclaim.slice(0, 4), dailyAtr: 20 }), { lookbackMinutes: 1 });
    expect(finding).toMatchObject({ direction: 'bullish', score: 83.3 });
  });

  it('does not fire once the cross is older than the lookback (09:33 → 09:35 is 2 minutes), nor when the price never crossed', () => {
    expect(vwapCrossScan.run(technicalInput({ last: 102, regular: reclaim, dailyAtr: 20 }), { lookbackMinutes: 2 })).toEqual([]);
    expect(vwapCrossScan.run(technicalInput({ last: 102, regular: reclaim, dailyAtr: 20 }), { lookbackMinutes: 3 })).toHaveLength(1);
    const above = [flat(atMinute(0), 100), flat(atMinute(1), 101), flat(atMinute(2), 102)];
    expect(vwapCrossScan.run(technicalInput({ last: 102, regular: above, dailyAtr: 20 }), { lookbackMinutes: 10 })).toEqual([]);
  });

  it('fires on a loss (the mirror image), bearish, with the alert above VWAP', () => {
    const mirrored = reclaim.map((b) => flat(b.time, 200 - b.close, b.volume));
    const [finding] = vwapCrossScan.run(technicalInput({ last: 98, regular: mirrored, dailyAtr: 20 }), { lookbackMinutes: 10 });
    expect(finding).toMatchObject({ direction: 'bearish', score: 93.8, metrics: { vwap: 99.75, distance: -1.75 }, suggestion: { action: { condition: 'crosses_above', price: 99.75 } } });
  });
});
