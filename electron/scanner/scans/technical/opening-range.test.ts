import { describe, expect, it } from 'vitest';
import { atMinute, bar, minutes, technicalInput } from '../../testing';
import { openingRangeScan } from './opening-range';

/** 15 minutes between 599 and 601 (09:30–09:44), then `after` minutes near 600. */
function session(after: number) {
  return minutes(15 + after, (i, time) => (i < 15 ? bar(time, 600, 600, { high: i === 3 ? 601 : 600.5, low: i === 7 ? 599 : 599.5 }) : bar(time, 600, 600)));
}

describe('opening_range_breakout', () => {
  it('fires above the 15-minute high 601 at 602: 1.00 beyond a 2.00 range is half a range, score 75', () => {
    const [finding] = openingRangeScan.run(technicalInput({ last: 602, regular: session(5) }), { minutes: 15 });
    expect(finding).toMatchObject({ direction: 'bullish', score: 75, metrics: { rangeHigh: 601, rangeLow: 599, rangeHeight: 2, beyond: 1, beyondRanges: 0.5 } });
    expect(finding!.reason).toBe('SPY 602.00 broke above the 15-minute opening range high 601.00 by 1.00 (0.50 of the 599.00–601.00 range).');
    expect(finding!.suggestion.action).toEqual({ type: 'set_alert', symbol: 'SPY', condition: 'crosses_below', price: 601, levelName: 'ORH 15m' });
  });

  it('fires below the low 599 at 598.50 (a quarter range: 62.5), with the ORL as the alert', () => {
    const [finding] = openingRangeScan.run(technicalInput({ last: 598.5, regular: session(5) }), { minutes: 15 });
    expect(finding).toMatchObject({ direction: 'bearish', score: 62.5, suggestion: { action: { condition: 'crosses_above', price: 599, levelName: 'ORL 15m' } } });
  });

  it('does not fire inside the range, nor before the range is complete (09:44 not printed yet)', () => {
    expect(openingRangeScan.run(technicalInput({ last: 600.9, regular: session(5) }), { minutes: 15 })).toEqual([]);
    const forming = session(0).slice(0, 14);
    expect(forming.at(-1)!.time).toBe(atMinute(13));
    expect(openingRangeScan.run(technicalInput({ last: 605, regular: forming }), { minutes: 15 })).toEqual([]);
  });

  it('a range the alerts cannot name (10 minutes) is alerted at its price', () => {
    const [finding] = openingRangeScan.run(technicalInput({ last: 602, regular: session(5) }), { minutes: 10 });
    expect(finding!.suggestion.action).toEqual({ type: 'set_alert', symbol: 'SPY', condition: 'crosses_below', price: 601 });
  });
});
