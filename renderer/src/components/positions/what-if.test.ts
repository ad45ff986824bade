import { describe, expect, it } from 'vitest';
import type { PositionAnalysis } from '../../../../shared/schemas/positions';
import { NO_SCENARIO, scenarioLimits, toWhatIf } from './what-if';

type LegRow = PositionAnalysis['legs'][number];
const option = (daysToExpiry: number, iv: number) =>
  ({ leg: { kind: 'option', symbol: 'SPY', right: 'call', strike: 600, expiry: '2026-12-18', quantity: 1, price: 5, multiplier: 100 }, daysToExpiry, iv }) as LegRow;
const stock = { leg: { kind: 'stock', symbol: 'SPY', quantity: 100, price: 600 }, daysToExpiry: null, iv: null } as LegRow;
const grid = (low: number, high: number) => [
  { price: low, expiry: 0, today: 0 },
  { price: high, expiry: 0, today: 0 },
];

describe('scenarioLimits', () => {
  it('reaches the edges of the payoff grid, the first expiry, and leaves 1 vol point to the lowest IV', () => {
    // Grid 540..672 around 600: −10% and +12%, so ±12. First expiry in 9 days (the other leg 37).
    // Lowest IV 14.6%: floor(14.6) = 14 points, minus the 1 kept, so −13.
    const limits = scenarioLimits({ spot: 600, curve: grid(540, 672), legs: [option(9, 0.146), option(37, 0.2)] });
    expect(limits).toEqual({ pricePct: 12, days: 9, ivMin: -13, ivMax: 50, hasOptions: true });
  });

  it('keeps a 0DTE position at zero days and bounds the price move to 1..50%', () => {
    expect(scenarioLimits({ spot: 100, curve: grid(99.5, 100.4), legs: [option(0, 0.3)] })).toMatchObject({ pricePct: 1, days: 0 });
    expect(scenarioLimits({ spot: 100, curve: grid(1, 400), legs: [option(3, 0.3)] }).pricePct).toBe(50);
  });

  it('has no time or volatility for stock only', () => {
    expect(scenarioLimits({ spot: 100, curve: grid(80, 120), legs: [stock] })).toEqual({ pricePct: 20, days: 0, ivMin: 0, ivMax: 50, hasOptions: false });
  });
});

describe('toWhatIf', () => {
  const limits = { pricePct: 10, days: 9, ivMin: -13, ivMax: 50, hasOptions: true };

  it('sends nothing when every slider is at zero', () => {
    expect(toWhatIf(NO_SCENARIO, limits)).toBeUndefined();
  });

  it('sends only the sliders that moved', () => {
    expect(toWhatIf({ pricePct: -2.5, days: 0, ivPoints: 0 }, limits)).toEqual({ priceShiftPct: -2.5 });
    expect(toWhatIf({ pricePct: 0, days: 4, ivPoints: 5 }, limits)).toEqual({ daysForward: 4, ivShift: 5 });
  });

  it('holds sliders left beyond the limits of a refreshed analysis inside them', () => {
    expect(toWhatIf({ pricePct: 15, days: 30, ivPoints: -20 }, limits)).toEqual({ priceShiftPct: 10, daysForward: 9, ivShift: -13 });
  });
});
