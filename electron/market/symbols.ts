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
];

const BY_SYMBOL = new Map(SYMBOLS.map((profile) => [profile.symbol, profile]));

export function symbolProfile(symbol: string): SymbolProfile | undefined {
  return BY_SYMBOL.get(symbol);
}

/** Indices whose Massive tickers carry the `I:` prefix. */
export function isIndexSymbol(symbol: string): boolean {
  return BY_SYMBOL.get(symbol)?.kind === 'index';
}

/** Known symbols matching `query` by ticker prefix first, then by name. */
export function searchSymbols(query: string): SymbolProfile[] {
  const q = query.trim().toUpperCase();
  if (!q) return [...SYMBOLS];
  const byTicker = SYMBOLS.filter((p) => p.symbol.startsWith(q));
  const byName = SYMBOLS.filter((p) => !p.symbol.startsWith(q) && p.name.toUpperCase().includes(q));
  return [...byTicker, ...byName];
}
