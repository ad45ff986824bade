import { describe, expect, it } from 'vitest';
import { atTheMoney, strikeGrid, strikeSpacing } from './strikes';

const steps = (strikes: number[]) => strikes.slice(1).map((s, i) => Math.round((s - strikes[i]!) * 100) / 100);

describe('strike grids', () => {
  it('spaces strikes as listed: SPX 5/25, NDX 10/50, SPY 1/5, stocks by price band', () => {
    expect(strikeSpacing('index', 6000)).toEqual({ near: 5, far: 25 });
    expect(strikeSpacing('index', 21_000)).toEqual({ near: 10, far: 50 });
    expect(strikeSpacing('etf', 600)).toEqual({ near: 1, far: 5 });
    expect(strikeSpacing('stock', 20)).toEqual({ near: 0.5, far: 1 });
    expect(strikeSpacing('stock', 130)).toEqual({ near: 1, far: 5 });
    expect(strikeSpacing('stock', 230)).toEqual({ near: 2.5, far: 5 });
    expect(strikeSpacing('stock', 600)).toEqual({ near: 5, far: 10 });
    expect(strikeSpacing('stock', 1200)).toEqual({ near: 10, far: 50 });
  });

  it('an SPX 0DTE: 5-point strikes within ±5 % of spot, 25-point ones beyond, ±15 % around spot', () => {
    // σ√T = 0.14 × √(1/365) = 0.0073: the near zone is its ±5 % floor (ln: 5708–6309), the range its ±15 % floor.
    const grid = strikeGrid({ kind: 'index', spot: 6001.3, atmVol: 0.14, years: 1 / 365 });
    // The range is 0.85 × 6001.3 = 5101.1 to 1.15 × 6001.3 = 6901.5: first 25-multiple 5125, last 6900.
    expect(grid[0]).toBe(5125);
    expect(grid.at(-1)).toBe(6900);
    expect(grid).toContain(6000);
    expect(grid).toContain(6005);
    expect(grid).not.toContain(5705); // ln(5705 / 6001.3) = −0.0506: only multiples of 25 out there
    expect(grid).toContain(5700);
    expect(grid.every((s) => s % 5 === 0)).toBe(true);
    const near = grid.filter((s) => Math.abs(Math.log(s / 6001.3)) <= 0.05);
    expect(new Set(steps(near))).toEqual(new Set([5]));
  });

  it('widens with tenor and coarsens: a two-year SPY LEAPS spans far more, in 10s and 20s', () => {
    const week = strikeGrid({ kind: 'etf', spot: 600, atmVol: 0.15, years: 7 / 365 });
    const leaps = strikeGrid({ kind: 'etf', spot: 600, atmVol: 0.18, years: 2 });
    expect(leaps[0]!).toBeLessThan(week[0]!);
    expect(leaps.at(-1)!).toBeGreaterThan(week.at(-1)!);
    expect(leaps.every((s) => s % 10 === 0)).toBe(true);
    expect(new Set(steps(leaps))).toEqual(new Set([10, 20]));
    // Four standard deviations down: 600 × e^(−4 × 0.18 × √2) = 600 × e^(−1.018) = 216.8 → first strike 220.
    expect(leaps[0]).toBe(220);
    // Cap: never below 20 % nor above 250 % of spot, whatever the volatility.
    const wild = strikeGrid({ kind: 'stock', spot: 100, atmVol: 1.5, years: 2.5 });
    expect(wild[0]!).toBeGreaterThanOrEqual(20);
    expect(wild.at(-1)!).toBeLessThanOrEqual(250);
  });

  it('keeps fractional strikes exact (AAPL 2.50s) and finds the strike nearest the money', () => {
    const grid = strikeGrid({ kind: 'stock', spot: 231.4, atmVol: 0.27, years: 10 / 365 });
    expect(grid).toContain(230);
    expect(grid).toContain(232.5);
    expect(grid.every((s) => Number.isInteger(s * 2))).toBe(true);
    expect(atTheMoney(grid, 231.4)).toBe(232.5); // |232.5 − 231.4| = 1.1 < |230 − 231.4| = 1.4
    expect(atTheMoney([5995, 6000, 6005], 6002.5)).toBe(6000); // a tie goes to the lower strike
  });
});
