import { describe, expect, it } from 'vitest';
import { chainOf, contract, dailyBars, optionsInput } from '../../testing';
import { ivVsRealizedScan } from './iv-vs-realized';

/**
 * Closes alternating 100, 101, 100...: 20 log returns of ±ln(1.01), mean 0, sample variance
 * 20·ln(1.01)²/19, so realised volatility = ln(1.01) × √(20/19) × √252 = 0.162060.
 */
const daily = dailyBars(21, (i) => ({ high: 101, low: 100, close: i % 2 ? 101 : 100 }));
const atm = (callIv: number, putIv: number) => chainOf([{ strike: 100, call: contract('call', 100, { iv: callIv }), put: contract('put', 100, { iv: putIv }) }]);

describe('iv_vs_realized', () => {
  it('fires at an ATM IV of 23 % (call 22 %, put 24 %) over 16.21 % realised: 1.419×, score 50 + 50 × 0.119/0.3 = 69.9', () => {
    const [finding] = ivVsRealizedScan.run(optionsInput(atm(0.22, 0.24), { daily }), { minRatio: 1.3, lookbackDays: 20 });
    expect(finding).toMatchObject({ direction: 'neutral', score: 69.9, metrics: { atmIv: 0.23, realizedVol: 0.1621, ratio: 1.4192, expiry: '2026-12-31', strike: 100 } });
    expect(finding!.reason).toBe("SPY's at-the-money IV 23.0 % (2026-12-31, 30 d) is 1.42× its 20-day realised volatility 16.2 %: options are priced rich.");
    expect(finding!.suggestion.action).toBeUndefined();
  });

  it('does not fire at an IV of 18 % (1.11×), nor without enough closes for the lookback', () => {
    expect(ivVsRealizedScan.run(optionsInput(atm(0.18, 0.18), { daily }), { minRatio: 1.3, lookbackDays: 20 })).toEqual([]);
    expect(ivVsRealizedScan.run(optionsInput(atm(0.4, 0.4), { daily: daily.slice(1) }), { minRatio: 1.3, lookbackDays: 20 })).toEqual([]);
  });
});
