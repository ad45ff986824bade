import { describe, expect, it } from 'vitest';
import type { ProjectionCell } from '../../../shared/schemas/leaps';
import { blankIssues, defaultLeapsExpiry, formatDaysUntil, formatDollars, formatMove, heatColor, heatmapRows, januaryLeapsExpiry, numberOrText, parseNumberList } from './leaps';

const cell = (date: string, priceMove: number, ivShift: number, pnl: number): ProjectionCell => ({ date, priceMove, ivShift, pnl, value: pnl, underlying: 100, delta: 0, gamma: 0, theta: 0, vega: 0 });

describe('LEAPS view helpers', () => {
  it('lays one IV shift out as dates × price moves', () => {
    const cells = [cell('d1', -10, 0, -5), cell('d1', -10, 5, -4), cell('d1', 10, 0, 7), cell('d1', 10, 5, 8), cell('d2', -10, 0, -9), cell('d2', 10, 0, 3)];
    const rows = heatmapRows({ dates: ['d1', 'd2'], priceMoves: [-10, 10], cells }, 0);
    expect(rows.map((r) => [r.date, r.cells.map((c) => c.pnl)])).toEqual([['d1', [-5, 7]], ['d2', [-9, 3]]]);
  });

  it('colours gains green and losses red, stronger with size', () => {
    // alpha = 0.06 + 0.64 · |pnl| / max: 50 of 100 → 0.38; the largest → 0.70.
    expect(heatColor(50, 100)).toBe('rgb(34 197 94 / 0.380)');
    expect(heatColor(-100, 100)).toBe('rgb(240 82 79 / 0.700)');
    expect(heatColor(0, 100)).toBeUndefined();
    expect(heatColor(5, 0)).toBeUndefined();
  });

  it('formats moves, dollars and days', () => {
    expect([formatMove(-30), formatMove(0), formatMove(5)]).toEqual(['−30 %', '0 %', '+5 %']);
    expect([formatDollars(1250.4), formatDollars(-80.6), formatDollars(0.3)]).toEqual(['+1,250', '−81', '0']);
    expect([formatDaysUntil(0), formatDaysUntil(1), formatDaysUntil(12)]).toEqual(['today', 'tomorrow', 'in 12 days']);
  });

  it('reads number lists and number fields', () => {
    expect(parseNumberList('1.30, -0.45, −2')).toEqual({ values: [1.3, -0.45, -2] });
    expect(parseNumberList('')).toEqual({ values: [] });
    expect(parseNumberList('1, abc')).toEqual({ error: '"abc" is not a number' });
    expect([numberOrText(' 12.5 '), numberOrText(''), numberOrText('12,5')]).toEqual([12.5, undefined, '12,5']);
  });

  it('offers a January LEAPS at least nine months out', () => {
    // 2027-01-01 is a Friday → third Friday the 15th; 2028-01-01 a Saturday → the 21st.
    expect(januaryLeapsExpiry(2027)).toBe('2027-01-15');
    expect(januaryLeapsExpiry(2028)).toBe('2028-01-21');
    expect(defaultLeapsExpiry('2026-12-02')).toBe('2028-01-21');
    expect(defaultLeapsExpiry('2026-03-31')).toBe('2027-01-15');
  });

  it('names the blank required fields', () => {
    expect(blankIssues([['legs.0.strike', ' ', 'the strike'], ['stepDays', '14', 'the step']])).toEqual([{ path: ['legs', 0, 'strike'], message: 'Enter the strike', code: 'custom' }]);
  });
});
