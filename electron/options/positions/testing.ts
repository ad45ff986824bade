// Leg builders for the positions tests: `call(+1, 600, 5)` = long one 600 call bought at 5.00.
import type { Leg, OptionLeg, StockLeg } from '../../../shared/schemas/options';

export const DEC = '2025-12-19';
export const JAN = '2026-01-16';

export function call(quantity: number, strike: number, price: number, expiry = DEC, symbol = 'SPY'): OptionLeg {
  return { kind: 'option', symbol, right: 'call', strike, expiry, quantity, price, multiplier: 100 };
}

export function put(quantity: number, strike: number, price: number, expiry = DEC, symbol = 'SPY'): OptionLeg {
  return { kind: 'option', symbol, right: 'put', strike, expiry, quantity, price, multiplier: 100 };
}

export function stock(quantity: number, price: number, symbol = 'SPY'): StockLeg {
  return { kind: 'stock', symbol, quantity, price };
}

/** Every order of the legs (for order independence; fine up to 5 legs). */
export function permutations(legs: readonly Leg[]): Leg[][] {
  if (legs.length <= 1) return [[...legs]];
  return legs.flatMap((leg, i) => permutations([...legs.slice(0, i), ...legs.slice(i + 1)]).map((rest) => [leg, ...rest]));
}
