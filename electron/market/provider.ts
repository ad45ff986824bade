import type { Bar, MarketSource, Quote, Timeframe } from '../../shared/schemas/market';

/**
 * One source of market data. Symbols are plain tickers ('SPX', 'SPY', 'AAPL'); a provider that
 * spells them differently (Massive's 'I:SPX') translates inside. Dates are New York calendar dates
 * (YYYY-MM-DD, inclusive); bars come oldest first, stamped as in `BarSchema`.
 */
export interface MarketDataProvider {
  readonly source: MarketSource;
  bars(symbol: string, timeframe: Timeframe, from: string, to: string): Promise<Bar[]>;
  /** Last price against the previous regular close; `CoachError('not_found')` for an unknown symbol. */
  quote(symbol: string): Promise<Quote>;
  /** Quotes of several symbols in one go (unknown symbols are left out). */
  snapshot(symbols: string[]): Promise<Quote[]>;
}
