import { describe, expect, it } from 'vitest';
import { bar, dailyBars, minutes, technicalInput } from '../../testing';
import { gapScan } from './gap';

const daily = dailyBars(2, () => ({ high: 101, low: 99, close: 100 }));
const params = { minGapPct: 1 };

describe('gap', () => {
  it('fires on a 1.5 % gap up (open 101.50 over the close 100.00) still open: score 50 + 50 × 0.5 = 75, alert at PDC for the fill', () => {
    const regular = minutes(10, (i, time) => bar(time, 101.5 + i * 0.05, 101.55 + i * 0.05, { low: 100.5 }));
    const [finding] = gapScan.run(technicalInput({ last: 101.8, regular, daily }), params);
    expect(finding).toMatchObject({ direction: 'bullish', score: 75, metrics: { gapPct: 1.5, open: 101.5, prevClose: 100, toFill: 1.8, opened: 'yes' } });
    expect(finding!.reason).toBe('SPY opened 1.50 % above the prior close (101.50 vs 100.00); the gap is open, 1.80 from a fill.');
    expect(finding!.suggestion.action).toEqual({ type: 'set_alert', symbol: 'SPY', condition: 'crosses_below', price: 100, levelName: 'PDC' });
  });

  it('fires before the open on the pre-market price: 98.50 is a 1.5 % gap down', () => {
    const [finding] = gapScan.run(technicalInput({ last: 98.5, daily }), params);
    expect(finding).toMatchObject({ direction: 'bearish', score: 75, metrics: { gapPct: -1.5, opened: 'no' }, suggestion: { action: { condition: 'crosses_above' } } });
    expect(finding!.reason).toBe('SPY trades 1.50 % below the prior close (98.50 vs 100.00) before the open.');
  });

  it('does not fire on a 0.8 % gap, on a gap that has filled (a low at 99.90), or without a prior close', () => {
    const small = minutes(3, (_i, time) => bar(time, 100.8, 100.9));
    expect(gapScan.run(technicalInput({ last: 100.9, regular: small, daily }), params)).toEqual([]);
    const filled = minutes(3, (i, time) => bar(time, 102, 101.5, { low: i === 2 ? 99.9 : 101 }));
    expect(gapScan.run(technicalInput({ last: 101.5, regular: filled, daily }), params)).toEqual([]);
    expect(gapScan.run(technicalInput({ last: 105 }), params)).toEqual([]);
  });
});
