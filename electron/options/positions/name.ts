// The name a position gets when the user gives none: underlying, strikes, shape, expiries
// ("SPY 600/605 call debit spread Dec 19"), as a trader would say it.
import type { Leg } from '../../../shared/schemas/options';
import type { Strategy, StrategyKind } from '../../../shared/schemas/positions';
import { netLegs } from './strategy';

const PHRASES: Record<Exclude<StrategyKind, 'long_stock' | 'short_stock' | 'ratio_spread'>, string> = {
  long_call: 'call',
  short_call: 'short call',
  long_put: 'put',
  short_put: 'short put',
  covered_call: 'covered call',
  protective_put: 'protective put',
  collar: 'collar',
  bull_call_spread: 'call debit spread',
  bear_call_spread: 'call credit spread',
  bull_put_spread: 'put credit spread',
  bear_put_spread: 'put debit spread',
  long_straddle: 'long straddle',
  short_straddle: 'short straddle',
  long_strangle: 'long strangle',
  short_strangle: 'short strangle',
  short_iron_condor: 'iron condor',
  long_iron_condor: 'long iron condor',
  short_iron_butterfly: 'iron butterfly',
  long_iron_butterfly: 'long iron butterfly',
  long_call_butterfly: 'call butterfly',
  short_call_butterfly: 'short call butterfly',
  long_put_butterfly: 'put butterfly',
  short_put_butterfly: 'short put butterfly',
  long_call_calendar: 'call calendar',
  short_call_calendar: 'short call calendar',
  long_put_calendar: 'put calendar',
  short_put_calendar: 'short put calendar',
  long_call_diagonal: 'call diagonal',
  short_call_diagonal: 'short call diagonal',
  long_put_diagonal: 'put diagonal',
  short_put_diagonal: 'short put diagonal',
  custom: 'custom',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Dec 19", with the year ("Jan 15 '27") when it is not `referenceYear`. */
export function shortExpiry(expiry: string, referenceYear: number): string {
  const [year, month, day] = expiry.split('-').map(Number) as [number, number, number];
  const date = `${MONTHS[month - 1]} ${day}`;
  return year === referenceYear ? date : `${date} '${String(year).slice(2)}`;
}

/** 600 → "600", 602.5 → "602.5". */
export function formatStrike(strike: number): string {
  return String(Math.round(strike * 100) / 100);
}

/** At most 120 characters (the stored limit): a custom shape with many strikes leaves the strikes out. */
export function positionName(legs: readonly Leg[], strategy: Strategy, referenceYear: number): string {
  const symbol = legs[0]!.symbol;
  const { options, shares } = netLegs(legs);
  if (strategy.kind === 'long_stock' || strategy.kind === 'short_stock') {
    return `${symbol} ${shares < 0 ? 'short ' : ''}${Math.abs(shares)} shares`;
  }
  const phrase = strategy.kind === 'ratio_spread' ? `${options[0]!.right} ratio spread` : PHRASES[strategy.kind];
  const strikes = [...new Set(options.map((leg) => leg.strike))].sort((a, b) => a - b).map(formatStrike);
  const expiries = [...new Set(options.map((leg) => leg.expiry))].sort().map((expiry) => shortExpiry(expiry, referenceYear));
  const name = `${symbol} ${strikes.join('/')} ${phrase} ${expiries.join('/')}`;
  return name.length <= 120 ? name : `${symbol} ${phrase} (${options.length} legs) ${expiries[0]}`;
}
