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
  // The rest of the largest US companies by market value (late 2025): prices, realised
  // volatilities, betas and daily share volumes rounded from their 2025 trading. They fill the
  // scanner's default watchlist and let any of them be charted, quoted and scanned offline.
  traded('stock', 'AVGO', 'Broadcom Inc.', 340, 0.45, 1.5, 25e6),
  traded('stock', 'BRK.B', 'Berkshire Hathaway Inc. Class B', 490, 0.16, 0.8, 4e6),
  traded('stock', 'LLY', 'Eli Lilly and Company', 800, 0.33, 0.5, 4e6),
  traded('stock', 'V', 'Visa Inc.', 345, 0.2, 0.9, 7e6),
  traded('stock', 'WMT', 'Walmart Inc.', 100, 0.2, 0.55, 18e6),
  traded('stock', 'XOM', 'Exxon Mobil Corporation', 115, 0.22, 0.6, 15e6),
  traded('stock', 'UNH', 'UnitedHealth Group Incorporated', 330, 0.4, 0.6, 10e6),
  traded('stock', 'MA', 'Mastercard Incorporated', 570, 0.21, 1, 3e6),
  traded('stock', 'ORCL', 'Oracle Corporation', 220, 0.45, 1.3, 20e6),
  traded('stock', 'COST', 'Costco Wholesale Corporation', 930, 0.2, 0.8, 2e6),
  traded('stock', 'HD', 'The Home Depot, Inc.', 380, 0.22, 1, 4e6),
  traded('stock', 'PG', 'The Procter & Gamble Company', 155, 0.16, 0.4, 7e6),
  traded('stock', 'JNJ', 'Johnson & Johnson', 180, 0.17, 0.4, 8e6),
  traded('stock', 'ABBV', 'AbbVie Inc.', 220, 0.24, 0.5, 6e6),
  traded('stock', 'BAC', 'Bank of America Corporation', 50, 0.25, 1.2, 40e6),
  traded('stock', 'KO', 'The Coca-Cola Company', 69, 0.15, 0.5, 14e6),
  traded('stock', 'PLTR', 'Palantir Technologies Inc.', 170, 0.65, 2.2, 60e6),
  traded('stock', 'GE', 'GE Aerospace', 290, 0.32, 1.2, 5e6),
  traded('stock', 'CVX', 'Chevron Corporation', 155, 0.24, 0.7, 8e6),
  traded('stock', 'CSCO', 'Cisco Systems, Inc.', 70, 0.24, 0.9, 20e6),
  traded('stock', 'WFC', 'Wells Fargo & Company', 82, 0.27, 1.1, 16e6),
  traded('stock', 'IBM', 'International Business Machines Corporation', 290, 0.28, 0.8, 5e6),
  traded('stock', 'MS', 'Morgan Stanley', 150, 0.28, 1.3, 7e6),
  traded('stock', 'PM', 'Philip Morris International Inc.', 155, 0.25, 0.5, 6e6),
  traded('stock', 'GS', 'The Goldman Sachs Group, Inc.', 760, 0.28, 1.3, 2.5e6),
  traded('stock', 'AXP', 'American Express Company', 350, 0.27, 1.2, 3e6),
  traded('stock', 'MU', 'Micron Technology, Inc.', 200, 0.55, 1.7, 25e6),
  traded('stock', 'CAT', 'Caterpillar Inc.', 500, 0.3, 1.1, 3e6),
  traded('stock', 'ABT', 'Abbott Laboratories', 130, 0.2, 0.7, 6e6),
  traded('stock', 'CRM', 'Salesforce, Inc.', 250, 0.33, 1.2, 7e6),
  traded('stock', 'RTX', 'RTX Corporation', 165, 0.22, 0.7, 5e6),
  traded('stock', 'MCD', 'McDonald\'s Corporation', 300, 0.17, 0.55, 3.5e6),
  traded('stock', 'TMUS', 'T-Mobile US, Inc.', 230, 0.22, 0.5, 4e6),
  traded('stock', 'MRK', 'Merck & Co., Inc.', 90, 0.26, 0.4, 12e6),
  traded('stock', 'LIN', 'Linde plc', 450, 0.18, 0.8, 2e6),
  traded('stock', 'PEP', 'PepsiCo, Inc.', 145, 0.19, 0.45, 7e6),
  traded('stock', 'DIS', 'The Walt Disney Company', 115, 0.25, 1.1, 9e6),
  traded('stock', 'INTU', 'Intuit Inc.', 660, 0.32, 1.2, 1.8e6),
  traded('stock', 'UBER', 'Uber Technologies, Inc.', 95, 0.4, 1.4, 18e6),
  traded('stock', 'T', 'AT&T Inc.', 27, 0.2, 0.5, 35e6),
  traded('stock', 'NOW', 'ServiceNow, Inc.', 900, 0.38, 1.3, 1.3e6),
  traded('stock', 'C', 'Citigroup Inc.', 95, 0.3, 1.3, 15e6),
  traded('stock', 'ANET', 'Arista Networks, Inc.', 140, 0.5, 1.5, 9e6),
  traded('stock', 'BX', 'Blackstone Inc.', 160, 0.35, 1.5, 4e6),
  traded('stock', 'VZ', 'Verizon Communications Inc.', 42, 0.18, 0.4, 18e6),
  traded('stock', 'TMO', 'Thermo Fisher Scientific Inc.', 520, 0.25, 0.8, 2e6),
  traded('stock', 'BKNG', 'Booking Holdings Inc.', 5200, 0.27, 1.1, 0.3e6),
  traded('stock', 'QCOM', 'QUALCOMM Incorporated', 165, 0.35, 1.3, 8e6),
  traded('stock', 'LRCX', 'Lam Research Corporation', 140, 0.5, 1.7, 12e6),
  traded('stock', 'SCHW', 'The Charles Schwab Corporation', 95, 0.28, 1.1, 9e6),
  traded('stock', 'AMAT', 'Applied Materials, Inc.', 210, 0.45, 1.6, 7e6),
  traded('stock', 'BLK', 'BlackRock, Inc.', 1100, 0.25, 1.2, 0.7e6),
  traded('stock', 'ISRG', 'Intuitive Surgical, Inc.', 520, 0.33, 1.1, 1.8e6),
  traded('stock', 'BA', 'The Boeing Company', 215, 0.35, 1.2, 8e6),
  traded('stock', 'GILD', 'Gilead Sciences, Inc.', 120, 0.25, 0.4, 7e6),
  traded('stock', 'SPGI', 'S&P Global Inc.', 500, 0.2, 1, 1.4e6),
  traded('stock', 'TXN', 'Texas Instruments Incorporated', 175, 0.3, 1.1, 7e6),
  traded('stock', 'ADBE', 'Adobe Inc.', 350, 0.33, 1.1, 4e6),
  traded('stock', 'AMGN', 'Amgen Inc.', 300, 0.24, 0.5, 3e6),
  traded('stock', 'ACN', 'Accenture plc', 250, 0.27, 1, 4e6),
  traded('stock', 'NEE', 'NextEra Energy, Inc.', 80, 0.25, 0.6, 10e6),
  traded('stock', 'PGR', 'The Progressive Corporation', 245, 0.25, 0.5, 3e6),
  traded('stock', 'SYK', 'Stryker Corporation', 380, 0.22, 0.8, 1.5e6),
  traded('stock', 'INTC', 'Intel Corporation', 37, 0.55, 1.3, 80e6),
  traded('stock', 'KLAC', 'KLA Corporation', 1100, 0.42, 1.5, 1e6),
  traded('stock', 'BSX', 'Boston Scientific Corporation', 100, 0.25, 0.8, 7e6),
  traded('stock', 'LOW', 'Lowe\'s Companies, Inc.', 245, 0.24, 1, 3e6),
  traded('stock', 'DHR', 'Danaher Corporation', 210, 0.27, 0.9, 4e6),
  traded('stock', 'HON', 'Honeywell International Inc.', 200, 0.22, 0.9, 4e6),
  traded('stock', 'PFE', 'Pfizer Inc.', 25, 0.24, 0.5, 40e6),
  traded('stock', 'UNP', 'Union Pacific Corporation', 230, 0.22, 0.9, 3e6),
  traded('stock', 'ETN', 'Eaton Corporation plc', 370, 0.33, 1.3, 2.5e6),
  traded('stock', 'PANW', 'Palo Alto Networks, Inc.', 200, 0.35, 1.1, 5e6),
  traded('stock', 'COP', 'ConocoPhillips', 92, 0.27, 0.8, 7e6),
  traded('stock', 'DE', 'Deere & Company', 470, 0.27, 0.9, 1.5e6),
  traded('stock', 'ADI', 'Analog Devices, Inc.', 240, 0.3, 1.1, 3.5e6),
  traded('stock', 'MDT', 'Medtronic plc', 95, 0.2, 0.6, 6e6),
  traded('stock', 'CMCSA', 'Comcast Corporation', 30, 0.27, 0.9, 25e6),
  traded('stock', 'LMT', 'Lockheed Martin Corporation', 470, 0.22, 0.4, 1.5e6),
  traded('stock', 'CRWD', 'CrowdStrike Holdings, Inc.', 480, 0.45, 1.4, 3e6),
  traded('stock', 'KKR', 'KKR & Co. Inc.', 130, 0.4, 1.6, 4e6),
  traded('stock', 'ADP', 'Automatic Data Processing, Inc.', 290, 0.18, 0.8, 2e6),
  traded('stock', 'MO', 'Altria Group, Inc.', 60, 0.2, 0.5, 9e6),
  traded('stock', 'SBUX', 'Starbucks Corporation', 85, 0.3, 0.9, 9e6),
  traded('stock', 'APH', 'Amphenol Corporation', 130, 0.35, 1.3, 8e6),
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

/**
 * The single stocks the app knows, largest market value first (late 2025, rounded): the scanner's
 * default watchlist takes the first of them.
 */
export const LARGEST_US_STOCKS: readonly string[] = [
  'NVDA', 'AAPL', 'MSFT', 'GOOGL', 'AMZN', 'META', 'AVGO', 'TSLA', 'BRK.B', 'JPM',
  'WMT', 'LLY', 'V', 'ORCL', 'MA', 'NFLX', 'XOM', 'COST', 'JNJ', 'PLTR',
  'HD', 'ABBV', 'BAC', 'PG', 'AMD', 'UNH', 'GE', 'CVX', 'KO', 'CSCO',
  'WFC', 'IBM', 'MS', 'PM', 'GS', 'AXP', 'MU', 'CAT', 'ABT', 'CRM',
  'RTX', 'MCD', 'TMUS', 'MRK', 'LIN', 'PEP', 'DIS', 'INTU', 'UBER', 'T',
  'NOW', 'C', 'ANET', 'BX', 'VZ', 'TMO', 'BKNG', 'QCOM', 'LRCX', 'SCHW',
  'AMAT', 'BLK', 'ISRG', 'BA', 'GILD', 'SPGI', 'TXN', 'ADBE', 'AMGN', 'ACN',
  'NEE', 'PGR', 'SYK', 'INTC', 'KLAC', 'BSX', 'LOW', 'DHR', 'HON', 'PFE',
  'UNP', 'ETN', 'PANW', 'COP', 'DE', 'ADI', 'MDT', 'CMCSA', 'LMT', 'CRWD',
  'KKR', 'ADP', 'MO', 'SBUX', 'APH',
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
