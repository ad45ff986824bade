/** High, low and close of the prior regular session. */
export interface PriorDay {
  high: number;
  low: number;
  close: number;
}

/** A named pivot level, e.g. { name: 'R1', price: 512.3 }. */
export interface Pivot {
  name: string;
  price: number;
}

/** The floor-trader ladder around a pivot P: R1 = 2P−L, S1 = 2P−H, R2/S2 = P ± range, R3 = H + 2(P−L), S3 = L − 2(H−P). */
function floorLadder(p: number, high: number, low: number): Pivot[] {
  const range = high - low;
  return [
    { name: 'P', price: p },
    { name: 'R1', price: 2 * p - low },
    { name: 'R2', price: p + range },
    { name: 'R3', price: high + 2 * (p - low) },
    { name: 'S1', price: 2 * p - high },
    { name: 'S2', price: p - range },
    { name: 'S3', price: low - 2 * (high - p) },
  ];
}

/** Classic pivots: P = (H+L+C)/3 and the floor-trader ladder around it. */
export function classicPivots({ high, low, close }: PriorDay): Pivot[] {
  return floorLadder((high + low + close) / 3, high, low);
}

/** Fibonacci pivots: P = (H+L+C)/3, then P ± 0.382, 0.618 and 1.000 of the prior range. */
export function fibonacciPivots({ high, low, close }: PriorDay): Pivot[] {
  const p = (high + low + close) / 3;
  const range = high - low;
  const ratios = [0.382, 0.618, 1] as const;
  return [
    { name: 'P', price: p },
    ...ratios.map((ratio, i) => ({ name: `R${i + 1}`, price: p + ratio * range })),
    ...ratios.map((ratio, i) => ({ name: `S${i + 1}`, price: p - ratio * range })),
  ];
}

/** Camarilla pivots: C ± range × 1.1 / 12, / 6, / 4, / 2 for levels 1 to 4. */
export function camarillaPivots({ high, low, close }: PriorDay): Pivot[] {
  const range = high - low;
  const divisors = [12, 6, 4, 2] as const;
  return [
    ...divisors.map((d, i) => ({ name: `R${i + 1}`, price: close + (range * 1.1) / d })),
    ...divisors.map((d, i) => ({ name: `S${i + 1}`, price: close - (range * 1.1) / d })),
  ];
}

/** Woodie pivots: the close weighs double, P = (H+L+2C)/4, and the floor-trader ladder around it. */
export function woodiePivots({ high, low, close }: PriorDay): Pivot[] {
  return floorLadder((high + low + 2 * close) / 4, high, low);
}
