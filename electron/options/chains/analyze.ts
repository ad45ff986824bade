import type { ChainContract } from '../../../shared/schemas/chains';
import type { ExerciseStyle, OptionRight } from '../../../shared/schemas/options';
import { impliedVolatilities } from '../pricing/implied-vol';
import { chainGreeks } from '../pricing/price-option';

/** One contract as quoted (by the simulated market or Massive), before the analysis adds IV and greeks. */
export interface QuotedContract {
  symbol: string;
  right: OptionRight;
  strike: number;
  expiry: string;
  /** Years from the quote's instant to the expiry's settlement. */
  years: number;
  bid: number;
  ask: number;
  last: number | null;
  volume: number;
  openInterest: number;
}

export interface ChainMarket {
  spot: number;
  rate: number;
  dividendYield: number;
  style: ExerciseStyle;
}

/**
 * IV from each mid price and every greek at that IV, for a whole chain at once (the pricing module's
 * column functions: one pass, no allocation per contract). A mid outside the no-arbitrage bounds (a
 * stale deep in-the-money quote, a 0-bid wing below intrinsic) has no IV, and then no greeks.
 */
export function analyzeChain(market: ChainMarket, quoted: readonly QuotedContract[]): ChainContract[] {
  const length = quoted.length;
  const right = new Uint8Array(length);
  const strike = new Float64Array(length);
  const years = new Float64Array(length);
  const price = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const contract = quoted[i]!;
    right[i] = contract.right === 'put' ? 1 : 0;
    strike[i] = contract.strike;
    years[i] = contract.years;
    price[i] = (contract.bid + contract.ask) / 2;
  }
  const batch = { spot: market.spot, rate: market.rate, dividendYield: market.dividendYield, right, strike, years };
  const vol = impliedVolatilities({ ...batch, price }, market.style);
  // Greeks where there is no IV are computed at a placeholder and thrown away below.
  const solved = vol.map((v) => (Number.isNaN(v) ? 0.2 : v));
  const greeks = chainGreeks({ ...batch, vol: solved }, market.style);
  return quoted.map((contract, i): ChainContract => {
    const iv = Number.isNaN(vol[i]!) ? null : vol[i]!;
    const greek = (column: Float64Array) => (iv === null ? null : column[i]!);
    return {
      symbol: contract.symbol,
      right: contract.right,
      strike: contract.strike,
      expiry: contract.expiry,
      bid: contract.bid,
      ask: contract.ask,
      mid: price[i]!,
      last: contract.last,
      volume: contract.volume,
      openInterest: contract.openInterest,
      iv,
      delta: greek(greeks.delta),
      gamma: greek(greeks.gamma),
      theta: greek(greeks.theta),
      vega: greek(greeks.vega),
      rho: greek(greeks.rho),
      inTheMoney: contract.right === 'call' ? contract.strike < market.spot : contract.strike > market.spot,
    };
  });
}
