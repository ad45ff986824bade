import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_FREE_RATE, optionUnderlying, settlementFor, standardMonthlyExpiry } from './underlyings';

describe('optionUnderlying', () => {
  it('index options are European and cash-settled, under every root (SPXW, NDXP, RUTW)', () => {
    for (const [root, index] of [['SPX', 'SPX'], ['SPXW', 'SPX'], ['NDX', 'NDX'], ['ndxp', 'NDX'], ['XSP', 'XSP'], ['RUTW', 'RUT']]) {
      expect(optionUnderlying(root!)).toMatchObject({ symbol: index, style: 'european', cashSettled: true, multiplier: 100 });
    }
  });

  it('stocks and ETFs are American and settle in shares', () => {
    expect(optionUnderlying('spy')).toMatchObject({ symbol: 'SPY', style: 'american', cashSettled: false, multiplier: 100 });
    expect(optionUnderlying('AAPL').style).toBe('american');
    expect(optionUnderlying('ZZZZ')).toMatchObject({ style: 'american', cashSettled: false, dividendYield: 0, dailyExpirations: false });
  });

  it('dividend yields are the documented constants: S&P 1.1 %, Nasdaq-100 0.6 %, Russell 2000 1.2 %, non-payers 0', () => {
    expect(optionUnderlying('SPX').dividendYield).toBe(0.011);
    expect(optionUnderlying('SPY').dividendYield).toBe(optionUnderlying('SPX').dividendYield);
    expect(optionUnderlying('QQQ').dividendYield).toBe(0.006);
    expect(optionUnderlying('NDX').dividendYield).toBe(0.006);
    expect(optionUnderlying('IWM').dividendYield).toBe(0.012);
    expect(optionUnderlying('TSLA').dividendYield).toBe(0);
  });

  it('daily expirations for SPX, XSP, NDX, SPY, QQQ and IWM; not for RUT or single stocks', () => {
    for (const symbol of ['SPX', 'XSP', 'NDX', 'SPY', 'QQQ', 'IWM']) expect(optionUnderlying(symbol).dailyExpirations).toBe(true);
    for (const symbol of ['RUT', 'AAPL', 'DIA']) expect(optionUnderlying(symbol).dailyExpirations).toBe(false);
  });

  it('the risk-free rate is a plain annual rate between 0 and 10 %', () => {
    expect(DEFAULT_RISK_FREE_RATE).toBeGreaterThan(0);
    expect(DEFAULT_RISK_FREE_RATE).toBeLessThan(0.1);
  });
});

describe('standardMonthlyExpiry', () => {
  it('is the third Friday: 2026-02-20, 2026-03-20, 2027-01-15', () => {
    expect(standardMonthlyExpiry(2026, 2)).toBe('2026-02-20');
    expect(standardMonthlyExpiry(2026, 3)).toBe('2026-03-20');
    expect(standardMonthlyExpiry(2027, 1)).toBe('2027-01-15');
  });

  it('moves to Thursday when that Friday is an exchange holiday (Good Friday 2025-04-18, Juneteenth 2026-06-19)', () => {
    expect(standardMonthlyExpiry(2025, 4)).toBe('2025-04-17');
    // The real SPY chain of 2026-02-11 lists 2026-06-18 (a Thursday) as June's monthly expiry.
    expect(standardMonthlyExpiry(2026, 6)).toBe('2026-06-18');
  });
});

describe('settlementFor', () => {
  it('SPX and NDX standard monthlies settle AM; their weeklies and dailies PM', () => {
    expect(settlementFor('SPX', '2026-02-20')).toBe('AM');
    expect(settlementFor('NDX', '2026-06-18')).toBe('AM');
    expect(settlementFor('SPX', '2026-02-13')).toBe('PM'); // a Friday weekly
    expect(settlementFor('SPX', '2026-02-11')).toBe('PM'); // a Wednesday daily
  });

  it('the W/P roots and XSP settle PM even on the monthly date; stocks and ETFs always PM', () => {
    expect(settlementFor('SPXW', '2026-02-20')).toBe('PM');
    expect(settlementFor('NDXP', '2026-02-20')).toBe('PM');
    expect(settlementFor('XSP', '2026-02-20')).toBe('PM');
    expect(settlementFor('SPY', '2026-02-20')).toBe('PM');
    expect(settlementFor('AAPL', '2026-02-20')).toBe('PM');
  });
});
