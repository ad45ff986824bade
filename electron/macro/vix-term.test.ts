import { describe, expect, it } from 'vitest';
import { modelVixLevel, termShape } from './vix-term';

describe('VIX term structure', () => {
  it('models the other tenors by mean reversion towards 19.5 (values worked by hand)', () => {
    // L(τ) = 19.5 + (VIX − 19.5)·e^(−3(τ − 30)/365)
    // VIX 15, 9 days:   e^(+3·21/365)  = e^0.172603 = 1.188402 → 19.5 − 4.5·1.188402 = 14.1522
    // VIX 15, 93 days:  e^(−3·63/365)  = e^−0.517808 = 0.595825 → 19.5 − 4.5·0.595825 = 16.8188
    // VIX 15, 183 days: e^(−3·153/365) = e^−1.257534 = 0.284354 → 19.5 − 4.5·0.284354 = 18.2204
    // VIX 30, 183 days: 19.5 + 10.5·0.284354 = 22.4857
    expect(modelVixLevel(15, 9)).toBeCloseTo(14.1522, 4);
    expect(modelVixLevel(15, 93)).toBeCloseTo(16.8188, 4);
    expect(modelVixLevel(15, 183)).toBeCloseTo(18.2204, 4);
    expect(modelVixLevel(30, 183)).toBeCloseTo(22.4857, 4);
    // The 30-day point is VIX itself; a VIX at the long-run level gives a flat curve.
    expect(modelVixLevel(22.7, 30)).toBe(22.7);
    expect(modelVixLevel(19.5, 183)).toBe(19.5);
  });

  it('labels the curve from VIX ÷ VIX3M', () => {
    // 15 / 16.8188 = 0.8919 → contango (the calm-market shape).
    expect(termShape(15, 16.8188)).toEqual({ shape: 'contango', ratio: expect.closeTo(0.8919, 4) });
    // 30 / 25.7562 = 1.1648 → backwardation (stress: near-term fear above the 3-month).
    expect(termShape(30, 25.7562).shape).toBe('backwardation');
    // Within ±1 %: flat.
    expect(termShape(20, 20.15).shape).toBe('flat');
    expect(termShape(20, 19.85).shape).toBe('flat');
    expect(termShape(20, 20.3).shape).toBe('contango'); // 0.9852
  });
});
