import { levelMeaning, TERMS } from './compose/glossary';

/**
 * "What is gamma?", "explain VWAP", "what does contango mean": the coach answers these from its
 * glossary, with a way to see the thing live in the app.
 */

export interface Topic {
  /** The term as the answer names it. */
  name: string;
  text: string;
  /** A request that shows it on real numbers. */
  example: string;
}

const TOPICS: { words: string[]; topic: Topic }[] = [
  { words: ['delta'], topic: { name: 'Delta', text: TERMS.delta, example: 'greeks on SPX 6000c 0dte' } },
  { words: ['gamma'], topic: { name: 'Gamma', text: TERMS.gamma, example: 'greeks on SPY 600c' } },
  { words: ['theta', 'time decay'], topic: { name: 'Theta', text: TERMS.theta, example: 'greeks on SPY 600c' } },
  { words: ['vega'], topic: { name: 'Vega', text: TERMS.vega, example: 'greeks on SPY 600c' } },
  { words: ['iv', 'implied volatility', 'implied vol', 'volatility'], topic: { name: 'Implied volatility', text: TERMS.iv, example: 'SPX 0DTE chain' } },
  { words: ['greeks', 'the greeks'], topic: { name: 'The greeks', text: `${TERMS.delta} ${TERMS.gamma} ${TERMS.theta} ${TERMS.vega}`, example: 'greeks on SPX 6000c 0DTE' } },
  { words: ['support', 'resistance', 'support and resistance'], topic: { name: 'Support and resistance', text: TERMS.support, example: 'key levels for SPX' } },
  { words: ['atr', 'average true range'], topic: { name: 'ATR', text: `${TERMS.atr} The app's expected move is the prior close plus or minus one ATR.`, example: 'key levels for SPX' } },
  { words: ['0dte', 'zero dte'], topic: { name: '0DTE', text: TERMS.zeroDte, example: 'SPX 0DTE chain' } },
  { words: ['straddle'], topic: { name: 'Straddle', text: TERMS.straddle, example: 'SPX 0DTE chain' } },
  { words: ['open interest', 'oi'], topic: { name: 'Open interest', text: TERMS.openInterest, example: 'SPY chain' } },
  { words: ['bid', 'ask', 'bid ask', 'bid and ask', 'spread', 'mid'], topic: { name: 'Bid and ask', text: TERMS.bidAsk, example: 'SPY chain' } },
  { words: ['win rate'], topic: { name: 'Win rate', text: TERMS.winRate, example: "what's my win rate" } },
  { words: ['profit factor'], topic: { name: 'Profit factor', text: TERMS.profitFactor, example: 'how am I doing this month' } },
  { words: ['expectancy'], topic: { name: 'Expectancy', text: TERMS.expectancy, example: 'how am I doing this month' } },
  { words: ['drawdown', 'max drawdown'], topic: { name: 'Max drawdown', text: TERMS.drawdown, example: 'how am I doing this year' } },
  { words: ['breakeven', 'break even'], topic: { name: 'Breakeven', text: TERMS.breakeven, example: 'analyze long SPY 600c Dec 19' } },
  { words: ['beta weighted delta', 'beta-weighted delta', 'beta weighting'], topic: { name: 'Beta-weighted delta', text: TERMS.betaWeighted, example: "what's my portfolio delta" } },
  { words: ['roll', 'rolling', 'a roll'], topic: { name: 'Rolling', text: TERMS.roll, example: 'roll my SPY 600c Dec 19 to Jan 15 2027' } },
  { words: ['leaps', 'a leap'], topic: { name: 'LEAPS', text: TERMS.leaps, example: 'project a SPY 650 call Jan 2028' } },
  {
    words: ['pivot', 'pivots', 'pivot point', 'pivot points'],
    topic: { name: 'Pivot points', text: "The pivot point is the average of the prior session's high, low and close; R1–R3 above it and S1–S3 below it are resistance and support levels derived from the same three prices.", example: 'key levels for SPX' },
  },
  { words: ['contango', 'backwardation'], topic: { name: 'VIX term structure', text: `${TERMS.contango} ${TERMS.vixRatio}`, example: "what's the VIX term structure" } },
];

const LEVEL_WORDS: Record<string, string> = { pdh: 'PDH', pdl: 'PDL', pdc: 'PDC', pmh: 'PMH', pml: 'PML', vwap: 'VWAP', hod: 'HOD', lod: 'LOD', pwh: 'PWH', pwl: 'PWL' };

const QUESTION = /^(?:what(?:'s|\s+is|\s+are)\s+(?:a\s+|an\s+|the\s+)?|explain\s+(?:what\s+)?(?:a\s+|an\s+|the\s+)?|define\s+|meaning\s+of\s+|what\s+does\s+(?:a\s+|an\s+|the\s+)?)(.+?)(?:\s+mean)?\s*\??$/;

/** The term a "what is X" question asks about, or null (a question about a symbol is a request, not a definition). */
export function findTopic(text: string, symbols: readonly string[]): Topic | null {
  if (symbols.length) return null;
  const term = QUESTION.exec(text.trim())?.[1]?.replace(/\s+/g, ' ');
  if (!term) return null;
  const known = TOPICS.find((t) => t.words.includes(term));
  if (known) return known.topic;
  const level = LEVEL_WORDS[term];
  const meaning = level ? levelMeaning(level) : null;
  return level && meaning ? { name: level, text: `${level} is the ${meaning}.`, example: `key levels for SPX` } : null;
}
