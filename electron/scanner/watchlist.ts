import { LARGEST_US_STOCKS } from '../market/symbols';

/** The indices and index ETFs every default watchlist holds. */
export const WATCHLIST_INDICES = ['SPX', 'NDX', 'SPY', 'QQQ', 'IWM'] as const;
/** How many of the largest US stocks the default watchlist adds. */
export const WATCHLIST_STOCKS = 20;

/**
 * The symbols a run or schedule scans when it names none: the profile's preferred symbols first,
 * then SPX, NDX, SPY, QQQ, IWM and the 20 largest US stocks, each once.
 */
export function defaultWatchlist(preferredSymbols: readonly string[]): string[] {
  const symbols = [...preferredSymbols.map((s) => s.trim().toUpperCase()).filter(Boolean), ...WATCHLIST_INDICES, ...LARGEST_US_STOCKS.slice(0, WATCHLIST_STOCKS)];
  return [...new Set(symbols)];
}
