import { describe, expect, it } from 'vitest';
import { bar, dailyBars, minutes, technicalInput } from '../../testing';
import { atrExpansionScan } from './atr-expansion';

const prior = (close: number) => dailyBars(1, () => ({ high: close + 1, low: close - 1, close }));
/** Opens at 100.50 and trades between `low` and `high`; the last bar closes at `last`. */
const day = (low: number, high: number, last: number) =>
  minutes(30, (i, time) => bar(time, i === 0 ? 100.5 : 101, i === 29 ? last : 101, { high: i === 10 ? high : 101.5, low: i === 20 ? low : 100.5 }));

describe('atr_expansion', () => {
  it('fires at a true range of 4.50 (104 − 99.50) against ATR 3: 1.5×, score 50 + 50 × 0.5 = 75, up from the open so the alert is back under VWAP', () => {
    const [finding] = atrExpansionScan.run(technicalInput({ last: 103.5, regular: day(99.5, 104, 103.5), daily: prior(100), dailyAtr: 3, levels: new Map([['VWAP', 102]]) }), { minRatio: 1 });
    expect(finding).toMatchObject({ direction: 'bullish', score: 75, metrics: { trueRange: 4.5, atr: 3, ratio: 1.5, high: 104, low: 99.5, prevClose: 100, open: 100.5 } });
    expect(finding!.reason).toBe("SPY's true range today 4.50 is 1.50× its 14-day ATR 3.00, up 3.00 from the open 100.50.");
    expect(finding!.suggestion.action).toEqual({ type: 'set_alert', symbol: 'SPY', condition: 'crosses_below', price: 102, levelName: 'VWAP' });
  });

  it('counts the gap: after a close at 95 the range 100–104 is a true range of 9 (3×, score 100); with no VWAP (an index) the alert is at the open', () => {
    const [finding] = atrExpansionScan.run(technicalInput({ last: 103.5, regular: day(100, 104, 103.5), daily: prior(95), dailyAtr: 3 }), { minRatio: 1 });
    expect(finding).toMatchObject({ score: 100, metrics: { trueRange: 9, ratio: 3 }, suggestion: { action: { price: 100.5, levelName: 'Open' } } });
  });

  it('does not fire at a true range of 2.50 (0.83 ATR), and is bearish below the open', () => {
    expect(atrExpansionScan.run(technicalInput({ last: 101, regular: day(100, 102.5, 101), daily: prior(100), dailyAtr: 3 }), { minRatio: 1 })).toEqual([]);
    const [down] = atrExpansionScan.run(technicalInput({ last: 97, regular: day(96.5, 101.5, 97), daily: prior(100), dailyAtr: 3 }), { minRatio: 1 });
    expect(down).toMatchObject({ direction: 'bearish', metrics: { trueRange: 5 }, suggestion: { action: { condition: 'crosses_above' } } });
  });
});
