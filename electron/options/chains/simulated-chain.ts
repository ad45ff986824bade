import type { Expiration } from '../../../shared/schemas/chains';
import type { SymbolKind } from '../../../shared/schemas/market';
import type { ExerciseStyle, OptionRight } from '../../../shared/schemas/options';
import { blackScholesPrice } from '../pricing/black-scholes';
import { bjerksundStenslandPrice } from '../pricing/bjerksund-stensland';
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
  /** The previous regular close: the day's trading clusters around where it opened, not where the spot is now. */
  previousClose: number;
  /**
   * The session whose volume and open interest are shown, how far through it the clock is, and the
   * tenor at its open (so that open interest stays put through the day).
   */
  activity: { date: string; progress: number; years: number };
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
  const atm = atmVol(smile, years);
  const strikes = strikeGrid({ kind: input.kind, spot, atmVol: atm, years });
  // Distances from the money in at-the-money standard deviations (the wings' own high volatility would hide how far out they are).
  const stdDev = atm * Math.sqrt(Math.max(years, 1 / 365 / 24));
  const activityStdDev = atmVol(smile, input.activity.years) * Math.sqrt(Math.max(input.activity.years, 1 / 365));
  const quoted: QuotedContract[] = [];
  for (const strike of strikes) {
    const vol = smileVol(smile, strike, forward, years);
    const moneyness = Math.log(strike / forward) / stdDev;
    const volumeMoneyness = Math.log(strike / forward) / activityStdDev;
    const settledMoneyness = Math.log(strike / (input.previousClose * Math.exp((rate - dividendYield) * input.activity.years))) / activityStdDev;
    for (const right of RIGHTS) {
      const params = { right, spot, strike, years, rate, dividendYield, vol };
      // The price alone: the greeks come later, at the IV of the quoted mid.
      const theo = input.style === 'american' ? bjerksundStenslandPrice(params) : blackScholesPrice(params);
      const { bid, ask } = quoteAround({ kind: input.kind, theo, moneyness, years });
      const activity = contractActivity({
        underlying: input.underlying,
        date: input.activity.date,
        expiry: expiry.date,
        right,
        strike,
        kind: input.kind,
        moneyness: volumeMoneyness,
        settledMoneyness,
        years: input.activity.years,
        monthly: expiry.kind === 'monthly' || expiry.kind === 'leaps',
        sessionProgress: input.activity.progress,
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
