// One entry point for pricing by exercise style, for single contracts and for whole chains.
import type { ExerciseStyle } from '../../../shared/schemas/options';
import { blackScholesGreeks, europeanInto, greekColumns, type GreekColumns, type OptionParams, type PricedOption } from './black-scholes';
import { americanGreeks } from './bjerksund-stensland';
import type { ChainBatch } from './implied-vol';

/** European: Black-Scholes-Merton, analytic greeks. American: Bjerksund–Stensland 2002, finite-difference greeks. */
export function priceOption(p: OptionParams, style: ExerciseStyle): PricedOption {
  return style === 'american' ? americanGreeks(p) : blackScholesGreeks(p);
}

/**
 * Price and greeks of every contract of a chain (columns in, columns out). `into` reuses the columns of
 * an earlier call (a live chain re-priced every tick): fresh 10 MB columns for 200 000 contracts cost
 * more in page faults than the pricing itself.
 */
export function chainGreeks(batch: ChainBatch & { vol: Float64Array }, style: ExerciseStyle = 'european', into?: GreekColumns): GreekColumns {
  const length = batch.strike.length;
  if (into && into.price.length < length) throw new Error(`chainGreeks: ${length} contracts do not fit columns of ${into.price.length}`);
  const out = into ?? greekColumns(length);
  const { spot, rate, dividendYield, right, strike, years, vol } = batch;
  if (style === 'european') {
    for (let i = 0; i < length; i++) europeanInto(right[i] === 1, spot, strike[i]!, years[i]!, rate, dividendYield, vol[i]!, out, i);
    return out;
  }
  for (let i = 0; i < length; i++) {
    const priced = americanGreeks({ right: right[i] === 1 ? 'put' : 'call', spot, strike: strike[i]!, years: years[i]!, rate, dividendYield, vol: vol[i]! });
    out.price[i] = priced.price;
    out.delta[i] = priced.delta;
    out.gamma[i] = priced.gamma;
    out.theta[i] = priced.theta;
    out.vega[i] = priced.vega;
    out.rho[i] = priced.rho;
  }
  return out;
}
