import { describe, expect, it } from 'vitest';
import type { KeyLevel } from '../../../shared/schemas/levels';
import { atTheMoneyStrike, levelsAround, sparklinePath } from './chat-widgets';

const level = (name: string, price: number): KeyLevel => ({ name, price, group: 'prior-day', distance: null });
const ladder = [level('R2', 6060), level('PDL', 5950), level('R1', 6030), level('PDH', 6020), level('S1', 5990), level('PDC', 6000), level('S2', 5970)];

describe('levels around the last price', () => {
  it('takes the nearest above and below, highest first', () => {
    const { above, below, hidden } = levelsAround(ladder, 6005, 2);
    expect(above.map((l) => l.name)).toEqual(['R1', 'PDH']);
    expect(below.map((l) => l.name)).toEqual(['PDC', 'S1']);
    expect(hidden).toBe(3);
  });

  it('puts a level at the last price below it, and shows the top ones without a price', () => {
    expect(levelsAround(ladder, 6000, 1).below.map((l) => l.name)).toEqual(['PDC']);
    expect(levelsAround(ladder, null, 1)).toEqual({ above: [level('R2', 6060), level('R1', 6030)], below: [], hidden: 5 });
  });
});

describe('sparkline', () => {
  it('spreads points over the width with the highest at the top', () => {
    // Width 104, pad 2 → x at 2, 52, 102; height 44 → top 2, bottom 42; 50 is halfway: 22.
    expect(sparklinePath([0, 100, 50], 104, 44)).toBe('M2.0,42.0 L52.0,2.0 L102.0,22.0');
  });

  it('draws a flat series across the middle', () => {
    expect(sparklinePath([5, 5], 104, 44)).toBe('M2.0,22.0 L102.0,22.0');
    expect(sparklinePath([], 10, 10)).toBe('');
  });
});

it('finds the at-the-money strike, the lower one on a tie', () => {
  expect(atTheMoneyStrike([5990, 6000, 6010], 6003.2)).toBe(6000);
  expect(atTheMoneyStrike([5995, 6005], 6000)).toBe(5995);
  expect(atTheMoneyStrike([], 6000)).toBeUndefined();
});
