import { describe, expect, it } from 'vitest';
import { bar, minutes, technicalInput } from '../../testing';
import { intradayExtremeScan } from './intraday-extreme';

const params = { lookbackMinutes: 5, afterMinutes: 30 };

/** `count` minutes from 09:30 between 99 and 100, a low of 98 at 09:35, and `high` at minute `at`. */
function day(count: number, high?: { at: number; price: number }) {
  return minutes(count, (i, time) => bar(time, 99.5, 99.5, { high: high?.at === i ? high.price : 100, low: i === 5 ? 98 : 99 }));
}

describe('new_intraday_extreme', () => {
  it('fires on a new high 101 at 10:07 in the last 5 minutes (10:05–10:09), over the earlier 100; range 3 over ATR 4 scores 50 + 50 × 0.75 = 87.5', () => {
    const [finding, ...rest] = intradayExtremeScan.run(technicalInput({ last: 100.5, regular: day(40, { at: 37, price: 101 }), dailyAtr: 4 }), params);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ direction: 'bullish', score: 87.5, metrics: { high: 101, low: 98, range: 3, rangeAtr: 0.75, previous: 100, extreme: 101 } });
    expect(finding!.reason).toBe("SPY made a new high of the day 101.00 at 10:07 ET, above the earlier high 100.00; the day's range 3.00 is 0.75 ATR.");
    expect(finding!.suggestion.action).toEqual({ type: 'set_alert', symbol: 'SPY', condition: 'crosses_above', price: 101 });
  });

  it('fires on a new low too (bearish), and scores 50 without an ATR', () => {
    const regular = minutes(40, (i, time) => bar(time, 99.5, 99.5, { high: 100, low: i === 38 ? 97.5 : 99 }));
    expect(intradayExtremeScan.run(technicalInput({ last: 98, regular }), params)).toMatchObject([{ direction: 'bearish', score: 50, metrics: { previous: 99, extreme: 97.5 } }]);
  });

  it('does not fire on a high that only equals the earlier one, on an old high (10:02), or in the first 30 minutes', () => {
    expect(intradayExtremeScan.run(technicalInput({ last: 100, regular: day(40, { at: 37, price: 100 }), dailyAtr: 4 }), params)).toEqual([]);
    expect(intradayExtremeScan.run(technicalInput({ last: 100, regular: day(40, { at: 32, price: 101 }), dailyAtr: 4 }), params)).toEqual([]);
    // The last bar 10:03 puts the window at 09:59, before 10:00.
    expect(intradayExtremeScan.run(technicalInput({ last: 100, regular: day(34, { at: 33, price: 101 }), dailyAtr: 4 }), params)).toEqual([]);
  });
});
