import type { MarketStatus } from '../../shared/schemas/market';
import type { UserProfile } from '../../shared/schemas/profile';
import type { Dispatch } from '../contract/dispatcher';
import type { Logger } from '../observability/logger';
import { MARKET_ZONE } from '../market/calendar';

/** Everything the system prompt of one conversation is made from. */
export interface PromptFacts {
  profile: UserProfile;
  /** Undefined when the market status could not be read (the prompt says so). */
  market: MarketStatus | undefined;
  now: number;
  /** The context the session carries (its `system` messages: positions from a screenshot...), oldest first. */
  context: string[];
}

const LEVEL_GUIDANCE: Record<UserProfile['experienceLevel'], string> = {
  beginner: 'The trader is a beginner: explain each term the first time (delta, theta, VWAP, pivots), keep to one idea at a time, and stress risk and position size.',
  intermediate: 'The trader is intermediate: use the usual terms without defining them, explain the reasoning behind a level or a greek in a sentence.',
  advanced: 'The trader is advanced: be terse and technical; numbers first, no basic explanations.',
};

const STYLE: Record<UserProfile['tradingStyle'], string> = {
  day: 'day trader (intraday, 0DTE and weekly options)',
  swing: 'swing trader (days to weeks)',
  leaps: 'LEAPS trader (long-dated options)',
  mixed: 'trader of several horizons (intraday to LEAPS)',
};

const SESSION_WORDS: Record<MarketStatus['status'], string> = {
  pre: 'pre-market',
  open: 'open (regular session)',
  after: 'after-hours',
  closed: 'closed',
};

const nyFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: MARKET_ZONE,
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const nyTime = new Intl.DateTimeFormat('en-US', { timeZone: MARKET_ZONE, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The named parts of a formatted instant (assembled by hand: ICU versions join them differently). */
const parts = (format: Intl.DateTimeFormat, at: number): Record<string, string> => Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));

/** "Tuesday, December 1, 2026 at 10:00 ET". */
export function newYorkNow(now: number): string {
  const p = parts(nyFormat, now);
  return `${p.weekday}, ${p.month} ${p.day}, ${p.year} at ${p.hour}:${p.minute} ET`;
}

/** "Tue 16:00 ET". */
function newYorkClock(at: number): string {
  const p = parts(nyTime, at);
  return `${p.weekday} ${p.hour}:${p.minute} ET`;
}

function marketLine(market: MarketStatus | undefined): string {
  if (!market) return 'Market status: unavailable right now; call get_market_status before relying on it.';
  const next = market.status === 'open' ? `closes ${newYorkClock(market.nextClose)}` : `next open ${newYorkClock(market.nextOpen)}`;
  return `Market status: ${SESSION_WORDS[market.status]} — ${market.reason}; ${next}.`;
}

/**
 * The system prompt of a conversation, built at each turn from the profile, the market status, the
 * date in New York and the context the session carries. Pure: the same facts give the same text.
 */
export function buildSystemPrompt(facts: PromptFacts): string {
  const { profile } = facts;
  const symbols = profile.preferredSymbols.length ? profile.preferredSymbols.join(', ') : 'no particular symbols';
  const lines = [
    'You are the TITM AI Coach, a trading coach for options and index day-traders (SPX, NDX, SPY, QQQ and single stocks).',
    `Now: ${newYorkNow(facts.now)}.`,
    marketLine(facts.market),
    `The trader: ${profile.displayName}, ${profile.experienceLevel}, ${STYLE[profile.tradingStyle]}; watches ${symbols}; default chart timeframe ${profile.defaultTimeframe}.`,
    LEVEL_GUIDANCE[profile.experienceLevel],
    '',
    'How to answer:',
    '- Take every price, level, greek, P&L and date from the functions; never make numbers up. Call a function whenever the question needs market or account data.',
    "- When the trader names no symbol, use the first of their symbols; when no timeframe, their default. Use the functions' argument names exactly.",
    "- Positions from the trader's broker screenshot (a context block below, with a JSON list): analyse them with analyze_position, one call per underlying with its legs (right = assetType, quantity negative when short, price = avgPrice), and answer follow-ups (total delta, the losers, what to close) from those results; a later screenshot's list replaces an earlier one; analyze_portfolio covers the positions stored in the app. The functions price at this app's market data (simulated unless a data provider is set up): show the broker's mark and P&L beside them, and when they differ by more than 5 % say so once, plainly.",
    '- When a function returns an error, say what failed in a sentence and what the trader can do instead; do not guess the missing numbers.',
    '- Lead with the answer, then the supporting numbers; short paragraphs or bullet lists in Markdown. The cards the functions draw are shown beside your text, so do not copy whole tables.',
    '- You explain and analyse; you do not place trades or give personal financial advice. The trader decides and manages their risk.',
  ];
  if (facts.context.length) {
    lines.push('', 'Context the trader shared in this conversation (most recent last):', ...facts.context.map((text) => `<context>\n${text.trim()}\n</context>`));
  }
  return lines.join('\n');
}

/** The market status for the prompt through the contract; a failure leaves it unknown instead of failing the turn. */
export async function readMarketStatus(dispatch: Dispatch, requestId: string, log: Logger, now: number): Promise<MarketStatus | undefined> {
  const result = await dispatch('market:status', { at: now }, { requestId, log, transport: 'internal' });
  if (result.ok) return result.value as MarketStatus;
  log.info('system prompt without market status', { code: result.error.code, message: result.error.message });
  return undefined;
}
