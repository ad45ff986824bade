import { describe, expect, it } from 'vitest';
import type { Leg } from '../../../shared/schemas/options';
import { analyzePosition } from './analyzer';
import { aggregatePortfolio } from './portfolio';
import { stock } from './testing';

const NOW = Date.parse('2026-03-02T15:00:00Z');
const analyse = (id: string, legs: Leg[], spot: number, beta: number | null) => ({
  id,
  analysis: analyzePosition(
    { positionId: id, name: id, legs, grid: { points: 2 } },
    { nowMs: NOW, spot, rate: 0.04, dividendYield: 0, quotes: legs.map(() => null), beta, spxPrice: 6100, events: { earnings: null, exDividend: null } },
  ),
});

describe('aggregatePortfolio', () => {
  const portfolio = aggregatePortfolio(new Date(NOW).toISOString(), [
    analyse('a', [stock(100, 600, 'SPY')], 610, 1),
    analyse('b', [stock(-50, 500, 'QQQ')], 490, 1.2),
    analyse('c', [stock(10, 20, 'XYZ')], 25, null),
  ], [{ positionId: 'd', message: 'No data for ZZZ' }]);

  it('adds money and greeks by hand', () => {
    // Cost 100 × 600 − 50 × 500 + 10 × 20 = 60 000 − 25 000 + 200 = 35 200; value 61 000 − 24 500 + 250 = 36 750; P&L 1 550.
    expect(portfolio).toMatchObject({ costBasis: 35_200, marketValue: 36_750, unrealizedPnl: 1550 });
    // Delta in shares 100 − 50 + 10 = 60.
    expect(portfolio.totals.delta).toBe(60);
  });

  it('weights delta by beta into SPX units and leaves out the unknown beta', () => {
    // SPY: 100 × 610 × 1 / 6 100 = 10; QQQ: −50 × 490 × 1.2 / 6 100 = −29 400 / 6 100 = −4.81967; XYZ has no beta.
    expect(portfolio.byUnderlying.map((u) => [u.underlying, u.betaWeighted.delta])).toEqual([
      ['QQQ', expect.closeTo(-4.81967, 5)],
      ['SPY', expect.closeTo(10, 9)],
      ['XYZ', null],
    ]);
    expect(portfolio.betaWeightedDelta).toBeCloseTo(5.18033, 5);
    expect(portfolio.flags).toContainEqual(expect.objectContaining({ code: 'beta_unknown', positionId: 'c' }));
    expect(portfolio.errors).toEqual([{ positionId: 'd', message: 'No data for ZZZ' }]);
  });
});
