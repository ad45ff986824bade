import type { Expiration } from '../../../shared/schemas/chains';
import type { SymbolKind } from '../../../shared/schemas/market';
import type { ExerciseStyle, OptionRight } from '../../../shared/schemas/options';
import { priceOption } from '../pricing/price-option';
import type { QuotedContract } from './analyze';
import { occSymbol } from './contract-symbol';
import { contractActivity, lastTrade, quoteAround } from './quotes';
import { atmVol, smileVol, type SmileParams } from './smile';
import { strikeGrid } from './strikes';

export interface SimulatedExpiryInput {
  underlying: string;
  kind: SymbolKind;
  spot: number;
  rate: number;
  dividendYield: number;
  style: ExerciseStyle;
  smile: SmileParams;
  expiry: Expiration;
  years: number;
  /** The session whose volume and open interest are shown, and how far through it the clock is. */
  activityDate: string;
  sessionProgress: number;
  /** Contracts an at-the-money strike of the shortest tenor trades in a day. */
  baseVolume: number;
}

const RIGHTS: readonly OptionRight[] = ['call', 'put'];

/**
 * The simulated quotes of one expiration: strikes around the spot, each contract priced by the
 * pricing module (Black-Scholes-Merton for European index options, Bjerksund–Stensland for American
 * ones) at the smile's volatility for its strike, quoted around that fair price with a spread, and
 * given a day's volume, open interest and last trade. Call and put of a strike share one volatility,
 * so their fair prices satisfy put–call parity; the quotes keep it to within their spreads.
 */
export function simulateExpiry(input: SimulatedExpiryInput): QuotedContract[] {
  const { spot, rate, dividendYield, years, expiry, smile } = input;
  const forward = spot * Math.exp((rate - dividendYield) * years);
  const strikes = strikeGrid({ kind: input.kind, spot, atmVol: atmVol(smile, years), years });
  const quoted: QuotedContract[] = [];
  for (const strike of strikes) {
    const vol = smileVol(smile, strike, forward, years);
    const moneyness = Math.log(strike / forward) / (vol * Math.sqrt(Math.max(years, 1 / 365 / 24)));
    for (const right of RIGHTS) {
      const theo = priceOption({ right, spot, strike, years, rate, dividendYield, vol }, input.style).price;
      const { bid, ask } = quoteAround({ kind: input.kind, theo, moneyness, years });
      const activity = contractActivity({
        underlying: input.underlying,
        date: input.activityDate,
        expiry: expiry.date,
        right,
        strike,
        kind: input.kind,
        moneyness,
        years,
        monthly: expiry.kind === 'monthly' || expiry.kind === 'leaps',
        sessionProgress: input.sessionProgress,
        baseVolume: input.baseVolume,
      });
      quoted.push({
        symbol: occSymbol(input.underlying, expiry.date, right, strike, expiry.settlement),
        right,
        strike,
        expiry: expiry.date,
        years,
        bid,
        ask,
        last: lastTrade(bid, ask, activity.volume, activity.tradeDraw, input.kind),
        volume: activity.volume,
        openInterest: activity.openInterest,
      });
    }
  }
  return quoted;
}
