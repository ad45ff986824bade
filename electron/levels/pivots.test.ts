import { describe, expect, it } from 'vitest';
import { camarillaPivots, classicPivots, fibonacciPivots, woodiePivots, type Pivot } from './pivots';

// Prior day = SPY 2025-07-03 (early close), daily row: High 626.28, Low 622.43, Close 625.34.
// Range = 3.85. Every expected number below was worked out by hand from these three.
const priorDay = { high: 626.28, low: 622.43, close: 625.34 };

function byName(pivots: Pivot[]): Record<string, number> {
  return Object.fromEntries(pivots.map((p) => [p.name, p.price]));
}

function expectLevels(pivots: Pivot[], expected: Record<string, number>): void {
  const actual = byName(pivots);
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [name, price] of Object.entries(expected)) expect(actual[name], name).toBeCloseTo(price, 6);
}

describe('pivots from the prior day', () => {
  it('classic: P = 1874.05 / 3, R1 = 2P − L, S1 = 2P − H, R2/S2 = P ± 3.85, R3 = H + 2(P − L), S3 = L − 2(H − P)', () => {
    expectLevels(classicPivots(priorDay), {
      P: 624.683333,
      R1: 626.936667,
      R2: 628.533333,
      R3: 630.786667,
      S1: 623.086667,
      S2: 620.833333,
      S3: 619.236667,
    });
  });

  it('fibonacci: P ± 0.382 × 3.85 (1.4707), 0.618 × 3.85 (2.3793), 3.85', () => {
    expectLevels(fibonacciPivots(priorDay), {
      P: 624.683333,
      R1: 626.154033,
      R2: 627.062633,
      R3: 628.533333,
      S1: 623.212633,
      S2: 622.304033,
      S3: 620.833333,
    });
  });

  it('camarilla: C ± 4.235 / 12, / 6, / 4, / 2', () => {
    expectLevels(camarillaPivots(priorDay), {
      R1: 625.692917,
      R2: 626.045833,
      R3: 626.39875,
      R4: 627.4575,
      S1: 624.987083,
      S2: 624.634167,
      S3: 624.28125,
      S4: 623.2225,
    });
  });

  it('woodie: P = (626.28 + 622.43 + 2 × 625.34) / 4 = 624.8475 and the floor ladder around it', () => {
    expectLevels(woodiePivots(priorDay), {
      P: 624.8475,
      R1: 627.265,
      R2: 628.6975,
      R3: 631.115,
      S1: 623.415,
      S2: 620.9975,
      S3: 619.565,
    });
  });
});
