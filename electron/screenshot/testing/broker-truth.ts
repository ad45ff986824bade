import type { Broker, ConfirmedPosition } from '../../../shared/schemas/screenshot';

/**
 * The positions each broker fixture shows, written by hand (the independent reference the OCR
 * accuracy is measured against; the HTML is generated from these). Open P&L is worked out by hand
 * from the prices: long (mark − avg) × qty × multiplier, short (avg − mark) × qty × multiplier,
 * multiplier 100 for options and 1 for shares.
 */

const stock = (symbol: string, quantity: number, side: 'long' | 'short', avgPrice: number, mark: number, pnl: number): ConfirmedPosition => ({
  symbol,
  assetType: 'stock',
  strike: null,
  expiry: null,
  quantity,
  side,
  avgPrice,
  mark,
  pnl,
});

const option = (
  symbol: string,
  assetType: 'call' | 'put',
  strike: number,
  expiry: string,
  quantity: number,
  side: 'long' | 'short',
  avgPrice: number,
  mark: number,
  pnl: number,
): ConfirmedPosition => ({ symbol, assetType, strike, expiry, quantity, side, avgPrice, mark, pnl });

export const BROKER_TRUTH: Record<Broker, ConfirmedPosition[]> = {
  thinkorswim: [
    option('SPY', 'call', 600, '2026-12-18', 2, 'long', 12.35, 13.1, 150), // (13.10 − 12.35) × 2 × 100
    option('SPX', 'put', 6000, '2026-12-31', 1, 'short', 45.2, 38.75, 645), // (45.20 − 38.75) × 100
    stock('AAPL', 150, 'long', 228.4, 231.15, 412.5), // 2.75 × 150
    option('QQQ', 'put', 520, '2027-01-15', 3, 'long', 8.9, 7.45, -435), // −1.45 × 300
    option('NDX', 'call', 21500, '2027-03-19', 1, 'long', 1012.5, 1104.3, 9180), // 91.80 × 100
    option('TSLA', 'call', 250, '2026-12-18', 2, 'short', 0.85, 0.4, 90), // 0.45 × 200
  ],
  ibkr: [
    option('SPY', 'call', 600, '2027-01-15', 2, 'long', 14.62, 15.3, 136), // 0.68 × 200
    option('SPX', 'put', 5900, '2026-12-31', 1, 'short', 32.1, 27.85, 425), // 4.25 × 100
    stock('MSFT', 40, 'long', 412.35, 405.1, -290), // −7.25 × 40
    option('IWM', 'put', 230, '2026-12-18', 5, 'short', 1.85, 2.4, -275), // −0.55 × 500
    option('NDX', 'call', 22000, '2027-03-19', 1, 'long', 845.6, 912.2, 6660), // 66.60 × 100
  ],
  robinhood: [
    option('SPY', 'call', 600, '2026-12-18', 2, 'long', 12.35, 12.97, 124), // 0.62 × 200
    option('SPY', 'put', 580, '2026-12-18', 1, 'short', 4.2, 4.66, -46), // −0.46 × 100
    stock('AAPL', 25, 'long', 226.1, 231.15, 126.25), // 5.05 × 25
    option('QQQ', 'call', 540, '2027-01-15', 3, 'long', 0.85, 1.2, 105), // 0.35 × 300
    option('SPX', 'call', 6100, '2026-12-31', 1, 'long', 38.4, 33.85, -455), // −4.55 × 100
    stock('NVDA', 1200, 'long', 178.42, 176.9, -1824), // −1.52 × 1200
  ],
  webull: [
    option('SPY', 'call', 605, '2026-12-18', 1, 'long', 10.8, 11.95, 115), // 1.15 × 100
    stock('TSLA', 30, 'long', 251.4, 248.15, -97.5), // −3.25 × 30
    option('QQQ', 'put', 500, '2027-01-15', 2, 'short', 6.35, 5.1, 250), // 1.25 × 200
    option('SPX', 'call', 6150, '2026-12-31', 1, 'long', 28.6, 31.45, 285), // 2.85 × 100 (shown under the SPXW root)
    option('AMD', 'put', 150, '2026-12-18', 4, 'long', 3.15, 2.05, -440), // −1.10 × 400
  ],
  tastytrade: [
    option('SPY', 'call', 600, '2026-12-18', 1, 'short', 13.4, 12.95, 45), // 0.45 × 100
    option('SPY', 'put', 560, '2026-12-18', 1, 'short', 3.05, 2.6, 45), // 0.45 × 100
    stock('IWM', 100, 'long', 238.75, 241.2, 245), // 2.45 × 100
    option('NDX', 'put', 21000, '2027-01-15', 1, 'long', 265.4, 231.1, -3430), // −34.30 × 100
    option('META', 'call', 700, '2027-02-19', 2, 'long', 24.85, 27.3, 490), // 2.45 × 200
  ],
  generic: [
    option('SPY', 'call', 600, '2026-12-18', 2, 'long', 12.35, 13.1, 150), // 0.75 × 200
    option('SPX', 'put', 5800, '2026-12-31', 1, 'short', 21.7, 18.25, 345), // 3.45 × 100
    stock('AAPL', 100, 'long', 227.85, 231.15, 330), // 3.30 × 100
    option('QQQ', 'call', 550, '2027-01-15', 5, 'long', 0.85, 0.62, -115), // −0.23 × 500
    option('NDX', 'put', 20500, '2027-03-19', 1, 'long', 402.3, 455.9, 5360), // 53.60 × 100
    option('GLD', 'put', 300, '2027-01-15', 3, 'short', 5.4, 6.15, -225), // −0.75 × 300
  ],
};
