import { wordMatches } from './fuzzy';
import { namesScanTopic, readScanRequest } from './scan-request';

/**
 * What a message asks for, read from its words: a decision list from the most specific request
 * (cancel an alert) to the vaguest (a price). Typos in keywords are forgiven (see fuzzy.ts);
 * symbols, numbers and dates are entities.ts's business.
 */

export type IntentKind =
  | 'levels'
  | 'status'
  | 'price'
  | 'chart'
  | 'chain'
  | 'greeks'
  | 'position'
  | 'portfolio'
  | 'set_alert'
  | 'list_alerts'
  | 'cancel_alert'
  | 'trades'
  | 'journal_stats'
  | 'leaps'
  | 'roll'
  | 'macro'
  | 'scan';

/** Answers that need no function: small talk, help, and what the coach will not do. */
export type ReplyKind = 'greeting' | 'thanks' | 'help' | 'unknown' | 'orders' | 'prediction' | 'news';

export interface Classification {
  intent: IntentKind;
  /** What to lead the answer with: 'support', 'PDH', 'delta', 'fomc', 'winRate', a scan's 'bullish' side... */
  focus: string | null;
}

/** The words of a message, with helpers that forgive typos. */
class Words {
  readonly tokens: string[];

  constructor(
    readonly text: string,
    symbols: readonly string[],
  ) {
    const tickers = new Set(symbols.map((s) => s.toLowerCase()));
    this.tokens = text.split(/[^a-z0-9&']+/).filter((t) => t && !tickers.has(t));
  }

  /** Any of the keywords, typed with the usual slips. */
  has(...keywords: string[]): boolean {
    return this.tokens.some((token) => keywords.some((keyword) => wordMatches(token, keyword)));
  }

  /** Any of the words exactly as written (where a near miss means something else: trade/trades). */
  exact(...words: string[]): boolean {
    return this.tokens.some((token) => words.includes(token));
  }

  test(pattern: RegExp): boolean {
    return pattern.test(this.text);
  }
}

const GREEKS = ['delta', 'gamma', 'theta', 'vega', 'rho'];

function greekFocus(w: Words): string | null {
  const greek = GREEKS.find((g) => w.has(g));
  if (greek) return greek;
  if (w.exact('iv') || w.test(/\bimplied\s+vol/)) return 'iv';
  return null;
}

function alertIntent(w: Words): IntentKind | null {
  const alertAt = w.tokens.findIndex((token) => ['alert', 'alerts', 'alarm', 'alarms'].some((keyword) => wordMatches(token, keyword)));
  // "cancel my alerts", not "alert me when spy clears 600": the verb comes first.
  const cancelAt = w.tokens.findIndex((token) => ['cancel', 'delete', 'remove', 'clear', 'kill', 'disable', 'stop'].some((verb) => wordMatches(token, verb)));
  if (alertAt >= 0 && cancelAt >= 0 && cancelAt < alertAt) return 'cancel_alert';
  if (w.test(/\b(?:notify|ping|text|warn|tell|remind|wake)\s+me\b|\blet\s+me\s+know\b|\bgive\s+me\s+a\s+(?:heads\s+up|shout)\b/)) return 'set_alert';
  if (alertAt < 0) return null;
  const asking = w.test(/\b(?:show|list|what|which|any|my|active|triggered|fired|all|see|view)\b/) && !w.test(/\b(?:when|if|at)\b/);
  return !asking && (w.has('create') || w.exact('set', 'add', 'new', 'make', 'put', 'place', 'me', 'when', 'if', 'at', 'on')) ? 'set_alert' : 'list_alerts';
}

function journalIntent(w: Words): Classification | null {
  if (w.test(/\bwin\s*(?:rate|%|percent(?:age)?)\b|\bhit\s+rate\b/)) return { intent: 'journal_stats', focus: 'winRate' };
  if (w.test(/\bprofit\s+factor\b/)) return { intent: 'journal_stats', focus: 'profitFactor' };
  if (w.has('expectancy')) return { intent: 'journal_stats', focus: 'expectancy' };
  if (w.has('drawdown')) return { intent: 'journal_stats', focus: 'drawdown' };
  if (w.test(/\bhow\s+(?:am|have)\s+i\s+(?:been\s+)?(?:doing|trading|performing)\b|\bhow\s+did\s+i\s+do\b|\bmy\s+(?:performance|stats|results|statistics)\b/)) {
    return { intent: 'journal_stats', focus: null };
  }
  if (w.test(/\b(?:best|worst)\s+(?:performing\s+)?(?:symbols?|tickers?|strateg(?:y|ies)|setups?|days?|hours?|times?)\b/)) return { intent: 'journal_stats', focus: null };
  if (w.has('performance', 'statistics', 'analytics') || (w.exact('stats') && w.has('journal', 'trading', 'trade', 'trades'))) return { intent: 'journal_stats', focus: null };
  if (w.exact('trades', 'fills') || w.test(/\btrade\s+(?:history|log)\b|\bmy\s+(?:last|recent|latest)?\s*trade\b/) || w.has('journal')) return { intent: 'trades', focus: null };
  return null;
}

function macroIntent(w: Words): Classification | null {
  if (w.exact('fomc', 'fed', 'powell') || w.has('fomc') || w.test(/\brate\s+(?:decision|cut|hike)s?\b|\bfed\s+meeting/)) return { intent: 'macro', focus: 'fomc' };
  if (w.exact('cpi') || w.has('inflation')) return { intent: 'macro', focus: 'cpi' };
  if (w.exact('nfp') || w.has('payrolls', 'payroll') || w.test(/\bjobs?\s+(?:report|data|number)/)) return { intent: 'macro', focus: 'nfp' };
  if (w.test(/\bterm\s+structure\b|\bvix\s+(?:curve|futures)\b/) || w.has('contango', 'backwardation')) return { intent: 'macro', focus: 'vix' };
  if (w.has('macro', 'economic', 'economy') || w.test(/\b(?:event|econ)\s+calendar\b|\binterest\s+rates?\b|\bsectors?\b/)) return { intent: 'macro', focus: null };
  return null;
}

function refusal(w: Words): ReplyKind | null {
  if (w.test(/^(?:please\s+)?(?:buy|sell|short|place|execute|submit|cover)\b|\bplace\s+an?\s+order\b|\b(?:buy|sell)\s+(?:it|them|for\s+me)\b/)) return 'orders';
  if (w.test(/\b(?:predict|prediction|forecast)\b|\bwill\s+\S+\s+(?:go|be|do|close|hit|rally|drop|crash|dump|pump|bounce)\b|\bwhere\s+will\b|\bshould\s+i\s+(?:buy|sell|short|enter|exit|take|get\s+in|get\s+out)\b|\bprice\s+target\b/)) {
    return 'prediction';
  }
  if (w.test(/\btrade\s+for\s+me\b|\bexecute\b/)) return 'orders';
  if (w.exact('news', 'headlines', 'headline', 'earnings')) return 'news';
  return null;
}

/** The request a message makes, or the reply that needs no function; null when it names only entities. */
export function classify(text: string, symbols: readonly string[], cues: { contract: boolean; level: string | null }): Classification | ReplyKind | null {
  const hasContract = cues.contract;
  const w = new Words(text, symbols);
  const alert = alertIntent(w);
  if (alert) return { intent: alert, focus: null };
  if (w.has('roll', 'rolling')) return { intent: 'roll', focus: null };
  const mine = w.test(/\b(?:my|our|i|i'm|net|total|overall|portfolio)\b/);
  if (w.has('leaps') || w.exact('leap', 'project', 'projection', 'projections', 'projected') || w.test(/\bwhat\s+if\b/)) {
    // "how are my leaps": the positions, not a projection of a contract not named.
    return { intent: mine && !hasContract && !w.exact('project', 'projection') ? 'portfolio' : 'leaps', focus: null };
  }
  const journal = journalIntent(w);
  if (journal) return journal;
  const macro = macroIntent(w);
  if (macro) return macro;
  const scanFocus = () => readScanRequest(text).direction;
  if (w.has('scan', 'scanner', 'screener', 'setups', 'opportunities')) return { intent: 'scan', focus: scanFocus() };
  const refuse = refusal(w);
  if (refuse) return refuse;
  // "find gap ups", "what's moving": a setup the scanner looks for, named without the word scan.
  if (namesScanTopic(text)) return { intent: 'scan', focus: scanFocus() };

  const greek = greekFocus(w);
  const greekWord = greek !== null || w.has('greeks', 'greek');
  const pnl = w.test(/\bp\s*&\s*l\b|\bpnl\b|\bp\/l\b/) || (mine && w.has('losers', 'winners', 'loser', 'winner'));
  const book = pnl || w.exact('positions', 'holdings') || w.has('portfolio', 'exposure') || w.test(/\bmy\s+book\b|\bnet\s+(?:long|short)\b/);
  if (w.test(/\bnet\s+(?:long|short)\b/)) return { intent: 'portfolio', focus: 'delta' };
  if (greekWord && !hasContract && (mine || book)) return { intent: 'portfolio', focus: greek };
  // "IV on QQQ": the chain shows the implied volatility around the money.
  if (greek === 'iv' && !hasContract && symbols.length) return { intent: 'chain', focus: null };
  if (greekWord) return { intent: 'greeks', focus: greek };
  if (w.exact('position') || (!book && w.has('analyze', 'analyse', 'analysis'))) return { intent: 'position', focus: null };
  if (book) return { intent: 'portfolio', focus: pnl ? 'pnl' : null };
  if (w.has('chain', 'chains', 'options', 'strikes', 'expirations', 'straddle', 'straddles') || w.exact('option')) return { intent: 'chain', focus: null };
  if (w.has('market', 'markets', 'overview', 'holiday')) return { intent: 'status', focus: w.test(/\b(?:close|closes|closing)\b/) ? 'close' : null };

  const levelFocus = w.has('support') ? 'support' : w.has('resistance') ? 'resistance' : null;
  if (levelFocus || cues.level || w.has('levels', 'level', 'pivots', 'pivot') || w.exact('pdh', 'pdl', 'pdc', 'pmh', 'pml', 'orh', 'orl', 'vwap', 'atr', 'pwh', 'pwl', 's/r') || w.test(/\bopening\s+range\b|\bexpected\s+move\b/)) {
    return { intent: 'levels', focus: levelFocus ?? cues.level };
  }
  if (w.has('bars', 'candles', 'candlesticks', 'ohlc', 'volume', 'intraday', 'range') || w.exact('chart', 'charts', 'hod', 'lod', 'traded') || w.test(/\bhow\s+(?:did|does|is|was)\s+\S+\s+(?:trade|trading|do|doing)\b|\b(?:high|low)\s+of\s+(?:the\s+)?day\b/)) {
    return { intent: 'chart', focus: null };
  }
  if (w.has('price', 'quote', 'trading', 'worth') || w.test(/\bwhat(?:'s|\s+is)\s+\S+\s+at\b|\bhow\s+much\s+(?:is|are)\b|\bwhere(?:'s|\s+is)\s+\S+/)) {
    return { intent: hasContract ? 'greeks' : 'price', focus: null };
  }
  return null;
}

/** Small talk and help, when a message asks for nothing else. */
export function socialReply(text: string): ReplyKind | null {
  if (/\b(?:help|commands|menu|capabilities)\b|\bwhat\s+(?:can|do)\s+(?:you|i)\s+(?:do|ask)\b|\bhow\s+do\s+(?:i|you)\s+use\b|\bwho\s+are\s+you\b/.test(text)) return 'help';
  if (/^(?:hi|hello|hey|hiya|howdy|yo|gm|sup|good\s+(?:morning|afternoon|evening))\b/.test(text)) return 'greeting';
  if (/^(?:thanks|thank\s+you|thx|ty|cheers|great|ok|okay|cool|nice|got\s+it|perfect|awesome)\b/.test(text)) return 'thanks';
  return null;
}
