import { describe, expect, it } from 'vitest';
import { chainOf, contract, optionsInput } from '../../testing';
import { creditSpreadScan, creditSpreads } from './credit-spread';

/**
 * Spot 100, r = 4 %, q = 0, 30 days. Probability of profit = N(d2) at the breakeven B with the
 * short leg's IV σ: d2 = [ln(100/B) + (0.04 − σ²/2)·T] / (σ√T), computed apart with erf:
 *   put 97/96: credit 0.30, B 96.70, σ 25 %  → P(S > B) = 0.68376
 *   put 96/95: credit 0.25, B 95.75, σ 26 %  → 0.72223
 *   put 95/94: credit 0.17, B 94.83, σ 27 %  → 0.75476
 *   call 103/104: credit 0.28, B 103.28, σ 20 %   → P(S < B) = 0.70340
 *   call 104/105: credit 0.22, B 104.22, σ 19.5 % → 0.76068
 *   call 105/106: credit 0.16, B 105.16, σ 19 %   → 0.81341
 */
const puts: [number, number, number][] = [[94, 0.38, 0.28], [95, 0.55, 0.27], [96, 0.8, 0.26], [97, 1.1, 0.25]];
const calls: [number, number, number][] = [[103, 1.0, 0.2], [104, 0.72, 0.195], [105, 0.5, 0.19], [106, 0.34, 0.19]];
const chain = chainOf([
  ...puts.map(([strike, mid, iv]) => ({ strike, call: null, put: contract('put', strike, { mid, iv }) })),
  { strike: 100, call: contract('call', 100, { mid: 2.5 }), put: contract('put', 100, { mid: 2.2 }) },
  ...calls.map(([strike, mid, iv]) => ({ strike, call: contract('call', strike, { mid, iv }), put: null })),
]);

describe('creditSpreads', () => {
  it('prices every out-of-the-money vertical one strike wide with its probability of profit', () => {
    const spreads = creditSpreads(optionsInput(chain), 1).map((s) => [s.right, s.short.strike, s.long.strike, Math.round(s.credit * 100) / 100, Math.round(s.breakeven * 100) / 100, s.pop]);
    const expected = [
      ['put', 95, 94, 0.17, 94.83, 0.754763],
      ['put', 96, 95, 0.25, 95.75, 0.722228],
      ['put', 97, 96, 0.3, 96.7, 0.683756],
      ['call', 103, 104, 0.28, 103.28, 0.703396],
      ['call', 104, 105, 0.22, 104.22, 0.760684],
      ['call', 105, 106, 0.16, 105.16, 0.813411],
    ];
    expect(spreads).toHaveLength(expected.length);
    for (const [i, row] of expected.entries()) {
      expect(spreads[i]!.slice(0, 5)).toEqual(row.slice(0, 5));
      expect(spreads[i]![5]).toBeCloseTo(row[5] as number, 5);
    }
  });
});

describe('credit_spread', () => {
  it('with 70 % and 20 % of the width: the 96/95 put spread (the 97/96 misses on probability, the 95/94 on credit) and the 103/104 call spread', () => {
    const [put, call] = creditSpreadScan.run(optionsInput(chain), { minPop: 0.7, minCreditPct: 20, widthSteps: 1 });
    expect(put).toMatchObject({ direction: 'bullish', score: 62.5, metrics: { shortStrike: 96, longStrike: 95, credit: 0.25, creditPct: 0.25, pop: 0.7222, breakeven: 95.75, maxProfit: 25, maxLoss: 75 } });
    expect(put!.reason).toBe('Sell the SPY 2026-12-31 96.00/95.00 put spread for 0.25 at the mids (25 % of the 1.00 width): 72 % probability of profit, breakeven 95.75, short-strike IV 26.0 %.');
    expect(put!.suggestion.action).toEqual({ type: 'set_alert', symbol: 'SPY', condition: 'crosses_below', price: 96 });
    expect(call).toMatchObject({ direction: 'bearish', score: 70, metrics: { shortStrike: 103, longStrike: 104, credit: 0.28, pop: 0.7034, maxLoss: 72 }, suggestion: { action: { condition: 'crosses_above', price: 103 } } });
  });

  it('does not fire when no spread reaches the probability (90 %) or the credit (40 % of the width)', () => {
    expect(creditSpreadScan.run(optionsInput(chain), { minPop: 0.9, minCreditPct: 20, widthSteps: 1 })).toEqual([]);
    expect(creditSpreadScan.run(optionsInput(chain), { minPop: 0.7, minCreditPct: 40, widthSteps: 1 })).toEqual([]);
  });

  it('two strikes wide: the 97/95 put spread takes 0.55 on 2.00 (27.5 %)', () => {
    const [put] = creditSpreadScan.run(optionsInput(chain), { minPop: 0.65, minCreditPct: 20, widthSteps: 2 });
    expect(put).toMatchObject({ metrics: { shortStrike: 97, longStrike: 95, width: 2, credit: 0.55 } });
  });
});
