import type { SymbolKind } from '../../shared/schemas/market';

/** What the simulated market needs to make believable bars for a symbol. */
export interface SymbolProfile {
  symbol: string;
  name: string;
  kind: SymbolKind;
  /** Price level the simulated series wanders around. */
  basePrice: number;
  /** Annualised volatility of daily returns. */
  annualVol: number;
  /** Sensitivity to the shared market factor (VIX moves against it). */
  beta: number;
  /** Shares traded in a regular session on an ordinary day (0 for indices, which print no volume). */
  dailyVolume: number;
  /** An index ETF's regular session is its index times `ratio` (SPY ≈ SPX / 10.03), as arbitrage keeps it. */
  tracks?: { symbol: string; ratio: number };
}

const index = (symbol: string, name: string, basePrice: number, annualVol: number, beta: number): SymbolProfile => ({
  symbol, name, kind: 'index', basePrice, annualVol, beta, dailyVolume: 0,
});
const traded = (kind: 'etf' | 'stock', symbol: string, name: string, basePrice: number, annualVol: number, beta: number, dailyVolume: number): SymbolProfile => ({
  symbol, name, kind, basePrice, annualVol, beta, dailyVolume,
});
const indexEtf = (symbol: string, name: string, index: SymbolProfile, ratio: number, dailyVolume: number): SymbolProfile => ({
  ...traded('etf', symbol, name, index.basePrice * ratio, index.annualVol, index.beta, dailyVolume),
  tracks: { symbol: index.symbol, ratio },
});

const SPX = index('SPX', 'S&P 500 Index', 6000, 0.16, 1);
const NDX = index('NDX', 'Nasdaq-100 Index', 21000, 0.2, 1.2);
const RUT = index('RUT', 'Russell 2000 Index', 2250, 0.22, 1.1);

/** The symbols the app knows by name: the indices and ETFs day-traders watch, and the largest single stocks. */
export const SYMBOLS: readonly SymbolProfile[] = [
  SPX,
  NDX,
  RUT,
  index('VIX', 'CBOE Volatility Index', 15, 0.9, -4.5),
  // Ratios as the ETFs traded against their indices in 2025 (fees and dividends make them drift slowly).
  indexEtf('SPY', 'SPDR S&P 500 ETF Trust', SPX, 1 / 10.03, 70e6),
  indexEtf('QQQ', 'Invesco QQQ Trust', NDX, 1 / 40.6, 40e6),
  indexEtf('IWM', 'iShares Russell 2000 ETF', RUT, 1 / 10.05, 30e6),
  traded('etf', 'DIA', 'SPDR Dow Jones Industrial Average ETF', 440, 0.15, 0.9, 4e6),
  traded('stock', 'AAPL', 'Apple Inc.', 230, 0.27, 1.1, 55e6),
  traded('stock', 'MSFT', 'Microsoft Corporation', 450, 0.24, 1, 22e6),
  traded('stock', 'NVDA', 'NVIDIA Corporation', 140, 0.5, 1.8, 250e6),
  traded('stock', 'AMZN', 'Amazon.com, Inc.', 210, 0.32, 1.2, 45e6),
  traded('stock', 'GOOGL', 'Alphabet Inc. Class A', 180, 0.3, 1.1, 30e6),
  traded('stock', 'META', 'Meta Platforms, Inc.', 600, 0.38, 1.3, 15e6),
  traded('stock', 'TSLA', 'Tesla, Inc.', 330, 0.6, 1.9, 100e6),
  traded('stock', 'AMD', 'Advanced Micro Devices, Inc.', 130, 0.5, 1.7, 45e6),
  traded('stock', 'NFLX', 'Netflix, Inc.', 900, 0.35, 1.1, 4e6),
  traded('stock', 'JPM', 'JPMorgan Chase & Co.', 240, 0.22, 0.9, 9e6),
  // The eleven Select Sector SPDR ETFs (the macro panel's sector moves), near their 2025 prices and
  // realised volatilities; betas to the S&P 500 from defensive (utilities, staples) to cyclical (tech).
  traded('etf', 'XLK', 'Technology Select Sector SPDR Fund', 260, 0.24, 1.2, 7e6),
  traded('etf', 'XLF', 'Financial Select Sector SPDR Fund', 52, 0.18, 1.05, 40e6),
  traded('etf', 'XLE', 'Energy Select Sector SPDR Fund', 88, 0.26, 0.8, 15e6),
  traded('etf', 'XLV', 'Health Care Select Sector SPDR Fund', 140, 0.16, 0.7, 9e6),
  traded('etf', 'XLY', 'Consumer Discretionary Select Sector SPDR Fund', 225, 0.22, 1.15, 4e6),
  traded('etf', 'XLP', 'Consumer Staples Select Sector SPDR Fund', 80, 0.13, 0.55, 10e6),
  traded('etf', 'XLI', 'Industrial Select Sector SPDR Fund', 145, 0.18, 1.05, 10e6),
  traded('etf', 'XLU', 'Utilities Select Sector SPDR Fund', 82, 0.17, 0.5, 12e6),
  traded('etf', 'XLB', 'Materials Select Sector SPDR Fund', 90, 0.19, 1, 6e6),
  traded('etf', 'XLRE', 'Real Estate Select Sector SPDR Fund', 42, 0.19, 0.85, 6e6),
  traded('etf', 'XLC', 'Communication Services Select Sector SPDR Fund', 105, 0.21, 1.05, 5e6),
];

const BY_SYMBOL = new Map(SYMBOLS.map((profile) => [profile.symbol, profile]));

export function symbolProfile(symbol: string): SymbolProfile | undefined {
  return BY_SYMBOL.get(symbol);
}

/**
 * Cboe's other tenors of the VIX curve: quoted through Massive when a key is set (as I:VIX9D...), not
 * simulated (the macro panel derives them from VIX, so the curve stays consistent with it).
 */
export const VIX_TERM_INDICES: readonly string[] = ['VIX9D', 'VIX3M', 'VIX6M'];

/** Indices whose Massive tickers carry the `I:` prefix. */
export function isIndexSymbol(symbol: string): boolean {
  return BY_SYMBOL.get(symbol)?.kind === 'index' || VIX_TERM_INDICES.includes(symbol);
}

/** Known symbols matching `query` by ticker prefix first, then by name. */
export function searchSymbols(query: string): SymbolProfile[] {
  const q = query.trim().toUpperCase();
  if (!q) return [...SYMBOLS];
  const byTicker = SYMBOLS.filter((p) => p.symbol.startsWith(q));
  const byName = SYMBOLS.filter((p) => !p.symbol.startsWith(q) && p.name.toUpperCase().includes(q));
  return [...byTicker, ...byName];
}
