import type { ScanId } from '../../../../../shared/schemas/scanner';

/**
 * One-line explanations the coach adds for beginners, in plain words. Level names follow the
 * levels engine ("PDH", "ORH 15m", "R1 (classic)", "VWAP +1σ").
 */

const LEVELS: Record<string, string> = {
  PDH: "previous day's high",
  PDL: "previous day's low",
  PDC: "previous day's close",
  PMH: 'pre-market high',
  PML: 'pre-market low',
  HOD: "the session's high so far",
  LOD: "the session's low so far",
  Open: "the session's opening price",
  VWAP: 'volume-weighted average price of the session, where the average share traded today',
  'ATR high': 'prior close plus one average daily range',
  'ATR low': 'prior close minus one average daily range',
  'IV move high': 'prior close plus the move the options market implies',
  'IV move low': 'prior close minus the move the options market implies',
  PWH: "last week's high",
  PWL: "last week's low",
  PMoH: "last month's high",
  PMoL: "last month's low",
};

/** "previous day's high" for "PDH", "15-minute opening range high" for "ORH 15m"; null for unknown names. */
export function levelMeaning(name: string): string | null {
  if (LEVELS[name]) return LEVELS[name];
  const range = /^OR([HL]) (\d+)m$/.exec(name);
  if (range) return `${range[2]}-minute opening range ${range[1] === 'H' ? 'high' : 'low'}`;
  const band = /^VWAP ([+−])(\d)σ$/.exec(name);
  if (band) return `${band[2]} standard deviation${band[2] === '1' ? '' : 's'} ${band[1] === '+' ? 'above' : 'below'} VWAP`;
  const pivot = /^([PRS])(\d)? \((\w+)\)$/.exec(name);
  if (pivot) {
    const kind = pivot[1] === 'P' ? 'pivot point' : `${pivot[1] === 'R' ? 'resistance' : 'support'} ${pivot[2]}`;
    return `${pivot[3]} ${kind}, computed from the prior session's high, low and close`;
  }
  return null;
}

/** Terms the answers use, explained once for beginners. */
export const TERMS = {
  support: 'Support is a price where buyers have stepped in before; resistance is where sellers have. Price often pauses or turns there, and a clean break through one often runs to the next.',
  atr: 'ATR (average true range) is how far the price usually travels in a day.',
  bidAsk: 'The bid is what buyers pay and the ask what sellers want; you usually trade near the mid, between the two.',
  delta: 'Delta is how much the option moves for a 1-point move in the underlying (per share; one contract is usually 100 shares).',
  gamma: 'Gamma is how fast delta changes as the underlying moves; it is largest at the money and near expiry.',
  theta: 'Theta is the value the option loses per day as time passes, everything else equal.',
  vega: 'Vega is how much the option gains if implied volatility rises by one point.',
  iv: 'Implied volatility (IV) is the yearly move the option price implies; higher IV means pricier options.',
  zeroDte: '0DTE options expire today: cheap, fast-moving, and they can lose all their value within hours.',
  straddle: 'The at-the-money call plus put (the straddle) is the move the market prices by expiry.',
  openInterest: 'Open interest is how many contracts are open; high open interest strikes are watched by many traders.',
  winRate: 'Win rate alone says little: a 40% win rate pays well when the average win is much larger than the average loss.',
  profitFactor: 'Profit factor is gross profit divided by gross loss: above 1 you make money, above 1.5 is solid.',
  expectancy: 'Expectancy is what an average trade made you, wins and losses together.',
  drawdown: 'Max drawdown is the deepest fall of your account from a peak: it is the pain you have to sit through.',
  dollarDelta: 'Position delta is in shares: a delta of 50 gains about $50 when the underlying rises $1.',
  breakeven: 'The breakeven is the price of the underlying at expiry where the position neither makes nor loses money.',
  betaWeighted: 'Beta-weighted delta restates every position as SPX exposure, so different underlyings add up.',
  roll: 'Rolling closes the contract you hold and opens another (later expiry and/or another strike) in one move.',
  leaps: 'LEAPS are options with a year or more left: time decay is slow at first and speeds up in the last months.',
  contango: 'Contango (longer-dated VIX above spot VIX) is the usual calm shape; backwardation (spot above) signals stress.',
  vixRatio: 'VIX/VIX3M below 1 means calm; above 1 the market pays up for near-term protection.',
  alertCross: '"Crosses" fires when the price moves through the target either way; "above"/"below" fire as soon as the price is beyond it.',
  session: 'Regular hours are 09:30–16:00 New York time; pre-market runs from 04:00 and after-hours to 20:00, on thinner volume.',
  scanScore: "Scores run from 0 to 100: 50 means the scan's measure just met its threshold, 100 that it is well past it. A setup is a place to look, not a signal to trade: check the levels and your plan before acting.",
} as const;

/** What each scan of the scanner looks for, in plain words (a new scan needs its line here). */
export const SCAN_MEANINGS: Record<ScanId, string> = {
  near_level: 'the price is close to a key level (prior day high or low, pivot, VWAP), where it often pauses or turns',
  opening_range_breakout: 'the price has left the range of the first minutes of the session, which often sets the direction of the day',
  gap: 'the day opened well away from the prior close and has not filled the gap back yet',
  vwap_cross: "the price crossed the day's VWAP and held the new side: buyers (above) or sellers (below) have taken over",
  new_intraday_extreme: 'the price just made a new high or low of the day',
  atr_expansion: "today's range is already larger than a usual day's (the ATR): a day with momentum",
  relative_volume: 'the stock is trading much more volume than usual for this time of day: something is drawing traders in',
  iv_vs_realized: 'options are priced for bigger moves than the stock has been making, so premium is rich',
  unusual_volume: 'an option contract is trading far more than its open interest, a sign of new positioning',
  skew_extreme: 'puts are much dearer than calls (fear) or calls dearer than puts (chasing upside)',
  straddle_vs_atr: 'the at-the-money straddle is cheap or dear against the move the ATR says is normal',
  credit_spread: 'an out-of-the-money spread that pays a fair credit with a high probability of expiring worthless',
};
