import { describe, expect, it } from 'vitest';
import { technicalInput } from '../../testing';
import { nearLevelScan } from './near-level';

const params = { maxAtr: 0.1 };
const levels = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('near_level', () => {
  it('fires on resistance 0.30 above the price with ATR 4 and a 0.1 ATR reach (0.40): score 50 + 50 × (1 − 0.30/0.40) = 62.5', () => {
    const input = technicalInput({ last: 600.7, dailyAtr: 4, levels: levels({ PDH: 601, PDL: 590, VWAP: 599.5, 'P (classic)': 595 }) });
    const [finding, ...rest] = nearLevelScan.run(input, params);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ direction: 'bearish', score: 62.5, metrics: { level: 'PDH', levelPrice: 601, distance: -0.3, distanceAtr: -0.075, atr: 4 } });
    expect(finding!.reason).toBe('SPY 600.70 is 0.30 (0.075 ATR) below PDH 601.00: testing it as resistance.');
    expect(finding!.suggestion).toEqual({
      text: 'Set an alert at PDH 601.00 (crosses above): resistance breaks',
      action: { type: 'set_alert', symbol: 'SPY', condition: 'crosses_above', price: 601, levelName: 'PDH' },
    });
  });

  it('reports the nearest level on each side: VWAP 0.20 under (support, 75) and PDH 0.30 over (resistance, 62.5), not R1 further up', () => {
    const input = technicalInput({ last: 600, dailyAtr: 4, levels: levels({ VWAP: 599.8, PDH: 600.3, 'R1 (classic)': 600.35 }) });
    const findings = nearLevelScan.run(input, params);
    expect(findings.map((f) => [f.direction, f.metrics.level, f.score, f.suggestion.action?.condition])).toEqual([
      ['bullish', 'VWAP', 75, 'crosses_below'],
      ['bearish', 'PDH', 62.5, 'crosses_above'],
    ]);
  });

  it('does not fire when every level is beyond the reach (0.41 > 0.40), ignores levels it does not watch, and needs an ATR', () => {
    const far = levels({ PDH: 600.41, PDL: 599.59, PMH: 600.01, 'ORH 15m': 600 });
    expect(nearLevelScan.run(technicalInput({ last: 600, dailyAtr: 4, levels: far }), params)).toEqual([]);
    expect(nearLevelScan.run(technicalInput({ last: 600, dailyAtr: null, levels: levels({ PDH: 600 }) }), params)).toEqual([]);
  });

  it('a wider reach (0.2 ATR = 0.80) catches what 0.1 ATR did not', () => {
    const input = technicalInput({ last: 600, dailyAtr: 4, levels: levels({ PDL: 599.5 }) });
    expect(nearLevelScan.run(input, params)).toEqual([]);
    // 50 + 50 × (1 − 0.5/0.8) = 68.75, scores are kept to one decimal.
    expect(nearLevelScan.run(input, { maxAtr: 0.2 })[0]).toMatchObject({ direction: 'bullish', score: 68.8 });
  });
});
