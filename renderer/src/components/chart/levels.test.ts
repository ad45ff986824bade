import { describe, expect, it } from 'vitest';
import { vwapPoint, type LevelsResponse } from '../../../../shared/schemas/levels';
import type { Bar } from '../../../../shared/schemas/market';
import { DEFAULT_HIDDEN_GROUPS, levelNearY, mergeCoincidentLevels, missingVwapNote, priceLineLevels, type PriceLevel } from './levels';

const level = (name: string, price: number, group = 'Opening range'): PriceLevel => ({ name, price, group });

describe('mergeCoincidentLevels', () => {
  it('draws levels at the same cent as one line, their common first word written once', () => {
    const merged = mergeCoincidentLevels([level('ORH 5m', 569.18), level('ORH 15m', 569.32), level('ORH 30m', 569.324), level('ORL 5m', 567.36), level('ORL 15m', 567.36), level('ORL 30m', 567.36)]);
    expect(merged).toEqual([level('ORH 5m', 569.18), level('ORH 15m/30m', 569.32), level('ORL 5m/15m/30m', 567.36)]);
  });

  it('keeps the first level’s group, and joins unrelated names side by side', () => {
    const merged = mergeCoincidentLevels([level('PDL', 575.88, 'Prior day'), level('VWAP', 570, 'VWAP'), level('PWL', 575.88, 'Prior week'), level('S2 (classic)', 575.881, 'Pivots (classic)')]);
    expect(merged).toEqual([level('PDL · PWL · S2 (classic)', 575.88, 'Prior day'), level('VWAP', 570, 'VWAP')]);
  });

  it('compacts the names that share a first word among others', () => {
    const merged = mergeCoincidentLevels([level('HOD', 484.19, 'Today'), level('ORH 5m', 484.19), level('ORH 15m', 484.19), level('VWAP', 484.19, 'VWAP')]);
    expect(merged.map((l) => l.name)).toEqual(['HOD · ORH 5m/15m · VWAP']);
  });

  it('leaves levels a cent apart alone', () => {
    expect(mergeCoincidentLevels([level('PDH', 583.04), level('R1 (classic)', 583.05)])).toHaveLength(2);
  });
});

describe('default groups', () => {
  it('shows the main intraday groups and hides pivots, expected moves and prior week/month', () => {
    for (const shown of ['Prior day', 'Pre-market', 'Today', 'Opening range', 'VWAP']) expect(DEFAULT_HIDDEN_GROUPS.has(shown), shown).toBe(false);
    for (const hidden of ['Pivots (classic)', 'Pivots (Fibonacci)', 'Pivots (Camarilla)', 'Pivots (Woodie)', 'ATR move', 'IV move', 'Prior week', 'Prior month']) {
      expect(DEFAULT_HIDDEN_GROUPS.has(hidden), hidden).toBe(true);
    }
  });
});

describe('missingVwapNote', () => {
  const result = (points: number) => ({ symbol: 'SPX', vwap: { series: Array.from({ length: points }, (_, i) => vwapPoint(i, 100, 1)) } }) as unknown as LevelsResponse;
  const bars = (volume: number): Bar[] => [{ time: 0, open: 1, high: 1, low: 1, close: 1, volume }];

  it('says an index has no volume to weight by, and that the VWAP begins at the open otherwise', () => {
    expect(missingVwapNote(result(0), bars(0))).toBe('No VWAP: SPX prints no volume (an index), so there is nothing to weight its prices by.');
    expect(missingVwapNote(result(0), bars(1200))).toBe('No VWAP yet: it starts with the regular session at 09:30.');
    expect(missingVwapNote(result(0), [])).toBe('No VWAP yet: it starts with the regular session at 09:30.');
    expect(missingVwapNote(result(2), bars(0))).toBeUndefined();
  });
});

describe('priceLineLevels', () => {
  const levels = [level('PDH', 583, 'Prior day'), level('PMH', 577, 'Pre-market'), level('HOD', 574, 'Today'), level('ORH 5m', 569), level('VWAP', 569.4, 'VWAP'), level('PWH', 598, 'Prior week')];
  const names = (daily: boolean, hidden: string[] = []) => priceLineLevels(levels, new Set(hidden), daily).map((l) => l.name);

  it('draws the groups switched on, never the VWAP (a curve on intraday charts)', () => {
    expect(names(false)).toEqual(['PDH', 'PMH', 'HOD', 'ORH 5m', 'PWH']);
    expect(names(false, ['Prior week', 'Today'])).toEqual(['PDH', 'PMH', 'ORH 5m']);
  });

  it('leaves pre-market and opening-range levels off a daily chart', () => {
    expect(names(true)).toEqual(['PDH', 'HOD', 'PWH']);
  });
});

describe('levelNearY', () => {
  // A scale of 10 px per point with 600.00 at y = 100 (prices go up as y goes down): PDH 601.25 is
  // drawn at y = 100 − 12.5 = 87.5, PDL 598.40 at y = 100 + 16 = 116, R1 650 off the scale.
  const priceToY = (price: number) => (price > 640 ? null : 100 - (price - 600) * 10);
  const lines = [
    { name: 'PDH', price: 601.25 },
    { name: 'PDL', price: 598.4 },
    { name: 'R1', price: 650 },
  ];

  it('picks the line under the click, within 6 px', () => {
    expect(levelNearY(lines, 87.5, priceToY)?.name).toBe('PDH');
    expect(levelNearY(lines, 93.5, priceToY)?.name).toBe('PDH'); // 6 px below it
    expect(levelNearY(lines, 111, priceToY)?.name).toBe('PDL'); // 5 px above it
  });

  it('is none between lines, and never a line off the scale', () => {
    expect(levelNearY(lines, 100, priceToY)).toBeUndefined(); // 12.5 px from PDH, 16 from PDL
    expect(levelNearY(lines, 0, priceToY)).toBeUndefined();
  });

  it('takes the nearer of two lines within reach', () => {
    const close = [
      { name: 'A', price: 600.4 }, // y = 96
      { name: 'B', price: 599.8 }, // y = 102
    ];
    expect(levelNearY(close, 100.5, priceToY)?.name).toBe('B');
    expect(levelNearY(close, 98.5, priceToY)?.name).toBe('A');
  });
});
