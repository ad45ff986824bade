import type { ScanDefinition, ScanKind, ScanResult } from '../../../shared/schemas/scanner';
import type { AlertPrefill } from './alert-draft';
import { formatNumber } from './journal';

/** The columns the results table sorts by. */
export type ResultSortKey = 'score' | 'symbol' | 'scan';

export interface ResultSort {
  key: ResultSortKey;
  order: 'asc' | 'desc';
}

/** Best score first, as the scanner answers. */
export const DEFAULT_RESULT_SORT: ResultSort = { key: 'score', order: 'desc' };

const byText = (a: string, b: string) => a.localeCompare(b, 'en-US');

/**
 * The results in the order of `sort`; ties keep the best score first, then symbol and scan name
 * (so equal keys never shuffle between renders).
 */
export function sortResults(results: readonly ScanResult[], sort: ResultSort): ScanResult[] {
  const sign = sort.order === 'asc' ? 1 : -1;
  const primary = (a: ScanResult, b: ScanResult): number => {
    if (sort.key === 'score') return a.score - b.score;
    if (sort.key === 'symbol') return byText(a.symbol, b.symbol);
    return byText(a.scanName, b.scanName);
  };
  return [...results].sort((a, b) => sign * primary(a, b) || b.score - a.score || byText(a.symbol, b.symbol) || byText(a.scanName, b.scanName));
}

/** A click on a column header: the same column flips its order; another starts high-to-low for the score, A-to-Z for text. */
export function nextSort(current: ResultSort, key: ResultSortKey): ResultSort {
  if (current.key === key) return { key, order: current.order === 'asc' ? 'desc' : 'asc' };
  return { key, order: key === 'score' ? 'desc' : 'asc' };
}

/** The scan groups, in the order the picker shows them. */
export const SCAN_KIND_LABELS: Record<ScanKind, string> = { technical: 'Technical', options: 'Options' };

/** The catalog's scans by kind, each group in catalog order; a kind with no scan is left out. */
export function groupScans(scans: readonly ScanDefinition[]): { kind: ScanKind; scans: ScanDefinition[] }[] {
  return (Object.keys(SCAN_KIND_LABELS) as ScanKind[]).map((kind) => ({ kind, scans: scans.filter((s) => s.kind === kind) })).filter((group) => group.scans.length > 0);
}

/**
 * Symbols typed into the chip box ("spy, qqq nvda") added to a list: upper case, without an "I:"
 * index prefix, no repeats, the list's order kept and new ones appended.
 */
export function addSymbols(list: readonly string[], typed: string): string[] {
  const next = [...list];
  for (const raw of typed.split(/[\s,;]+/)) {
    const symbol = raw.trim().toUpperCase().replace(/^I:/, '');
    if (symbol && !next.includes(symbol)) next.push(symbol);
  }
  return next;
}

/** Words of metric keys that read better as traders write them. */
const METRIC_WORDS: Record<string, string> = { atm: 'ATM', atr: 'ATR', iv: 'IV', vwap: 'VWAP', pct: '%' };

/** "gapPct" / "atmIv" / "distance_atr" → "Gap %" / "ATM IV" / "Distance ATR": a metric key as a label. */
export function metricLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => METRIC_WORDS[word.toLowerCase()] ?? word.toLowerCase());
  const label = words.join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** A metric's value: numbers with up to 4 decimals below 1 (ratios, probabilities), 2 above; text as is; an em dash for none. */
export function formatMetric(value: number | string | null): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  return formatNumber(value, Math.abs(value) < 1 ? 4 : 2);
}

/**
 * The alert a result suggests, with a note saying where it came from: `alerts:create` input as it
 * stands, or the Alerts form's prefill; undefined when the result suggests no alert.
 */
export function alertFromResult(result: Pick<ScanResult, 'scanName' | 'suggestion'>): AlertPrefill | undefined {
  const action = result.suggestion.action;
  if (!action) return undefined;
  const at = action.levelName ? ` at ${action.levelName}` : '';
  return { symbol: action.symbol, condition: action.condition, targetPrice: action.price, note: `Scanner: ${result.scanName}${at}` };
}

/** What "Ask the coach" puts in the chat about a result: the finding with its numbers, and the question. */
export function coachPromptFor(result: Pick<ScanResult, 'symbol' | 'scanName' | 'score' | 'direction' | 'reason'>): string {
  return `The scanner flagged ${result.symbol}: ${result.scanName} (score ${Math.round(result.score)}, ${result.direction}). ${result.reason} How would you trade this, and what would invalidate it?`;
}

/** At most this many scheduled finds are kept on screen. */
export const MAX_FEED_RESULTS = 100;

/**
 * Scheduled finds merged into the list on screen: the incoming ones first (newest), an older copy
 * of the same finding (same id: same scan, symbol, direction and day) dropped, at most `max` kept.
 */
/** How many finds of the feed are not seen yet (ids that fell off the capped feed do not count). */
export function countNew(feed: readonly ScanResult[], newIds: ReadonlySet<string>): number {
  return feed.filter((r) => newIds.has(r.id)).length;
}

export function mergeFeed(feed: readonly ScanResult[], incoming: readonly ScanResult[], max = MAX_FEED_RESULTS): ScanResult[] {
  const ids = new Set(incoming.map((r) => r.id));
  return [...incoming, ...feed.filter((r) => !ids.has(r.id))].slice(0, max);
}
