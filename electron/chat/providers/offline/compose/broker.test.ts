import { describe, expect, it } from 'vitest';
import { compareWithBroker } from './broker';

/** An analyze_position result as the function returns it, reduced to what the comparison reads. */
const result = (legs: { leg: string; mark: number }[], unrealizedPnl: number, costBasis: number) => ({
  name: 'X', underlying: 'SPY', strategy: 'Custom', spot: 600, costBasis, marketValue: costBasis + unrealizedPnl, unrealizedPnl,
  greeks: { delta: 0, gamma: 0, theta: 0, vega: 0 }, breakevens: [], maxProfit: 'unlimited', maxLoss: costBasis, probabilityOfProfit: null, flags: [], legs,
});

describe('compareWithBroker', () => {
  it('marks: apart when more than 5 % of the broker\'s mark (5.10 vs 5.40 is 5.9 %; vs 5.30 is 3.9 %)', () => {
    const held = { underlying: 'SPY', legs: [{}], brokerMarks: [5.1], brokerPnl: 180 };
    expect(compareWithBroker(held, result([{ leg: '+2 SPY 600 call Jun 20', mark: 5.4 }], 240, 840))).toEqual({
      line: "Your broker's screenshot: +2 SPY 600 call Jun 20 mark 5.10 (here 5.40); P&L +$180.00 (here +$240.00).",
      differs: true,
    });
    expect(compareWithBroker(held, result([{ leg: '+2 SPY 600 call Jun 20', mark: 5.3 }], 220, 840))?.differs).toBe(false);
  });

  it('no marks: the P&L gap against the cost (|240 − 180| = 60 > 5 % of 840 = 42; 210 − 180 = 30 is not)', () => {
    const held = { underlying: 'SPY', legs: [{}], brokerMarks: [null], brokerPnl: 180 };
    expect(compareWithBroker(held, result([{ leg: 'a', mark: 5.4 }], 240, 840))).toEqual({ line: "Your broker's screenshot: P&L +$180.00 (here +$240.00).", differs: true });
    expect(compareWithBroker(held, result([{ leg: 'a', mark: 5.25 }], 210, 840))?.differs).toBe(false);
  });

  it('nothing shown by the broker: no line, no warning; an unreadable result: null', () => {
    expect(compareWithBroker({ underlying: 'SPY', legs: [{}], brokerMarks: [null] }, result([{ leg: 'a', mark: 1 }], 0, 100))).toEqual({ line: null, differs: false });
    expect(compareWithBroker({ underlying: 'SPY', legs: [{}], brokerMarks: [1] }, { nope: true })).toBeNull();
  });
});
