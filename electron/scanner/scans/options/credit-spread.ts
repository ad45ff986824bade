import type { ChainContract, StrikeRow } from '../../../../shared/schemas/chains';
import { probabilityAbove } from '../../../options/positions/probability';
import type { OptionsInput } from '../../inputs';
import { alertSuggestion, formatPrice, points, percent, round2, round4, scoreBeyond, type Finding, type Scan } from '../finding';

export interface CreditSpread {
  right: 'call' | 'put';
  short: ChainContract;
  long: ChainContract;
  width: number;
  /** Per share, at the mids. */
  credit: number;
  breakeven: number;
  /** Probability the underlying settles past the breakeven on the profitable side (lognormal at the short leg's IV). */
  pop: number;
}

/**
 * Vertical credit spreads of one expiry, out of the money: sell a put under the spot and buy the
 * one `widthSteps` listed strikes lower (bullish), or sell a call over the spot and buy the one
 * `widthSteps` higher (bearish). Credit = short mid − long mid; breakeven = short strike ∓ credit;
 * probability of profit = P(S_T beyond the breakeven) under a lognormal price at the short leg's IV
 * with drift r − q (the position analyzer's model).
 */
export function creditSpreads(input: OptionsInput, widthSteps: number): CreditSpread[] {
  const { chain } = input;
  const spreads: CreditSpread[] = [];
  const rows: readonly StrikeRow[] = chain.strikes;
  for (let i = 0; i < rows.length; i++) {
    for (const right of ['put', 'call'] as const) {
      const put = right === 'put';
      const short = rows[i]![right];
      const long = rows[put ? i - widthSteps : i + widthSteps]?.[right];
      if (!short || !long || short.iv === null || (put ? short.strike >= chain.spot : short.strike <= chain.spot)) continue;
      const credit = short.mid - long.mid;
      if (!(credit > 0)) continue;
      const width = Math.abs(short.strike - long.strike);
      const breakeven = put ? short.strike - credit : short.strike + credit;
      const terms = { spot: chain.spot, rate: chain.rate, dividendYield: chain.dividendYield, vol: short.iv, years: chain.yearsToExpiry };
      const above = probabilityAbove(breakeven, terms);
      spreads.push({ right, short, long, width, credit, breakeven, pop: put ? above : 1 - above });
    }
  }
  return spreads;
}

/**
 * The best put credit spread (bullish) and call credit spread (bearish) of the expiry whose
 * probability of profit is at least `minPop` and whose credit is at least `minCreditPct` % of the
 * width: the one collecting the most credit (nearest the money). Score: 50 at `minCreditPct`, 100
 * at twice it.
 */
export const creditSpreadScan: Scan<OptionsInput> = {
  definition: {
    id: 'credit_spread',
    name: 'Credit spread candidates',
    kind: 'options',
    description: 'Out-of-the-money put and call credit spreads of the nearest expiry with a probability of profit above a threshold and a fair credit.',
    params: [
      { key: 'minPop', label: 'Probability of profit at least', default: 0.7, min: 0.5, max: 0.99, step: 0.01, unit: 'prob' },
      { key: 'minCreditPct', label: 'Credit at least', default: 20, min: 1, max: 50, step: 1, unit: '% of width' },
      { key: 'widthSteps', label: 'Width', default: 1, min: 1, max: 10, step: 1, unit: 'strikes' },
    ],
  },
  run(input, { minPop, minCreditPct, widthSteps }) {
    const minCredit = minCreditPct! / 100;
    const candidates = creditSpreads(input, widthSteps!).filter((s) => s.pop >= minPop! && s.credit / s.width >= minCredit);
    return (['put', 'call'] as const).flatMap((right): Finding[] => {
      const best = candidates.filter((s) => s.right === right).sort((a, b) => b.credit - a.credit)[0];
      if (!best) return [];
      const put = right === 'put';
      const strikes = `${formatPrice(best.short.strike)}/${formatPrice(best.long.strike)}`;
      const { multiplier } = input.chain;
      return [
        {
          direction: put ? 'bullish' : 'bearish',
          score: scoreBeyond(best.credit / best.width, minCredit, minCredit),
          reason:
            `Sell the ${input.symbol} ${best.short.expiry} ${strikes} ${right} spread for ${points(best.credit)} at the mids (${percent(best.credit / best.width, 0)} of the ${points(best.width)} width): ` +
            `${percent(best.pop, 0)} probability of profit, breakeven ${formatPrice(best.breakeven)}, short-strike IV ${percent(best.short.iv!)}.`,
          metrics: {
            right,
            shortStrike: best.short.strike,
            longStrike: best.long.strike,
            expiry: best.short.expiry,
            width: best.width,
            credit: round2(best.credit),
            creditPct: round4(best.credit / best.width),
            pop: round4(best.pop),
            breakeven: round2(best.breakeven),
            maxProfit: Math.round(best.credit * multiplier),
            maxLoss: Math.round((best.width - best.credit) * multiplier),
            shortIv: round4(best.short.iv!),
            spot: round2(input.chain.spot),
          },
          suggestion: alertSuggestion(input.symbol, put ? 'crosses_below' : 'crosses_above', best.short.strike, `the short ${formatPrice(best.short.strike)} ${right} is threatened; manage the spread`),
        },
      ];
    });
  },
};
