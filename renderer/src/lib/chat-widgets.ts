import type { KeyLevel } from '../../../shared/schemas/levels';

export interface LevelsAround {
  /** Levels above the last price, highest first, the nearest `perSide` of them. */
  above: KeyLevel[];
  /** Levels at or below the last price, highest first, the nearest `perSide` of them. */
  below: KeyLevel[];
  /** How many levels were left out. */
  hidden: number;
}

/**
 * The levels a card shows around the last price: the nearest `perSide` above and below, by price
 * (highest first, as on a chart's price axis). Without a last price, the highest `2 × perSide`.
 */
export function levelsAround(levels: readonly KeyLevel[], lastPrice: number | null, perSide: number): LevelsAround {
  const sorted = [...levels].sort((a, b) => b.price - a.price);
  if (lastPrice === null) {
    const shown = sorted.slice(0, perSide * 2);
    return { above: shown, below: [], hidden: sorted.length - shown.length };
  }
  const above = sorted.filter((l) => l.price > lastPrice).slice(-perSide);
  const below = sorted.filter((l) => l.price <= lastPrice).slice(0, perSide);
  return { above, below, hidden: sorted.length - above.length - below.length };
}

/**
 * An SVG path through `values`, spread evenly over `width` and scaled to fill `height` (inset by
 * `pad`): the highest value at the top. A flat series draws a line across the middle.
 */
export function sparklinePath(values: readonly number[], width: number, height: number, pad = 2): string {
  if (values.length === 0) return '';
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = (i: number) => pad + (values.length === 1 ? 0 : (i / (values.length - 1)) * (width - 2 * pad));
  const y = (v: number) => (max === min ? height / 2 : pad + ((max - v) / (max - min)) * (height - 2 * pad));
  return values.map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
}

/** The strike nearest the spot: the at-the-money row of a chain card (the lower one on a tie). */
export function atTheMoneyStrike(strikes: readonly number[], spot: number): number | undefined {
  let best: number | undefined;
  for (const strike of strikes) {
    if (best === undefined || Math.abs(strike - spot) < Math.abs(best - spot) || (Math.abs(strike - spot) === Math.abs(best - spot) && strike < best)) best = strike;
  }
  return best;
}
