import { describe, expect, it } from 'vitest';
import type { Leg } from '../../../shared/schemas/options';
import { MS_PER_YEAR } from '../pricing/expiry';
import { analyzePosition, type AnalyzerMarket, type LegQuote } from './analyzer';
import type { KnownEvents } from './risk-flags';
import { call, put } from './testing';
import { settlementOf } from './valuation';

const EXPIRY = '2026-06-19';
const HOUR = 1 / (365 * 24);
const quote = (mid: number, iv: number): LegQuote => ({ mid, bid: null, ask: null, iv, source: 'test' });

function flagsOf(legs: Leg[], quotes: LegQuote[], o: { yearsLeft: number; spot: number; events?: KnownEvents }) {
  const symbol = legs[0]!.symbol;
  const market: AnalyzerMarket = {
    nowMs: settlementOf(symbol, EXPIRY) - o.yearsLeft * MS_PER_YEAR,
    spot: o.spot,
    rate: 0.1,
    dividendYield: 0,
    quotes,
    beta: 1,
    spxPrice: 6000,
    events: o.events ?? { earnings: [], exDividend: [] },
  };
  return analyzePosition({ positionId: null, name: 'f', legs }, market).flags;
}

describe('risk flags', () => {
  it('short in-the-money option of a stock or ETF close to expiry: assignment risk', () => {
    // Short 600C with SPY at 605, one day left: $5.00 in the money, mark 5.30 → $0.30 of time value.
    const flags = flagsOf([call(-1, 600, 4, EXPIRY, 'SPY')], [quote(5.3, 0.15)], { yearsLeft: 24 * HOUR, spot: 605 });
    expect(flags).toContainEqual({
      code: 'assignment_risk',
      severity: 'warning',
      legIndex: 0,
      message: 'Short 600 call is $5.00 in the money and expires in 1 day with $0.30 of time value left: it may be assigned (100 shares).',
    });
    // Out of the money, or 10 days away, or cash-settled SPX: no assignment flag.
    expect(flagsOf([call(-1, 610, 4, EXPIRY, 'SPY')], [quote(0.4, 0.15)], { yearsLeft: 24 * HOUR, spot: 605 }).map((f) => f.code)).not.toContain('assignment_risk');
    expect(flagsOf([call(-1, 600, 4, EXPIRY, 'SPY')], [quote(7, 0.15)], { yearsLeft: 240 * HOUR, spot: 605 }).map((f) => f.code)).not.toContain('assignment_risk');
    expect(flagsOf([call(-1, 6000, 40, EXPIRY, 'SPX')], [quote(53, 0.15)], { yearsLeft: 24 * HOUR, spot: 6050 }).map((f) => f.code)).not.toContain('assignment_risk');
  });

  it('expiry-day gamma when a 1% move alone moves P&L by $100 or more', () => {
    // +2 SPY 600C, 2 hours left, σ 15%, r 10%: σ√T = 0.15 √(2/8760) = 0.0022665; d1 = (0.1 + 0.01125) × 2/8760 / 0.0022665 = 0.0112,
    // φ(d1) = 0.39887; Γ = 0.39887 / (600 × 0.0022665) = 0.29332 per share; Γ$ = 0.29332 × 2 × 100 = 58.66.
    // 1% = $6.00: delta moves 58.66 × 6 = 352 shares; ½ × 58.66 × 6² = $1 056.
    const flags = flagsOf([call(2, 600, 1, EXPIRY, 'SPY')], [quote(1.2, 0.15)], { yearsLeft: 2 * HOUR, spot: 600 });
    expect(flags).toContainEqual({ code: 'zero_dte_gamma', severity: 'warning', message: 'Expires today: a 1% move ($6.00) shifts delta by 352 shares and adds $1,056 from gamma alone.' });
    // Far out of the money (650C with SPY at 600) the gamma is nil: no flag.
    expect(flagsOf([call(2, 650, 0.01, EXPIRY, 'SPY')], [quote(0.01, 0.15)], { yearsLeft: 2 * HOUR, spot: 600 }).map((f) => f.code)).not.toContain('zero_dte_gamma');
  });

  it('unlimited max loss: undefined risk', () => {
    expect(flagsOf([call(-1, 610, 2, EXPIRY, 'SPY')], [quote(2, 0.15)], { yearsLeft: 0.1, spot: 600 }).map((f) => f.code)).toContain('undefined_risk');
    expect(flagsOf([call(-1, 610, 2, EXPIRY, 'SPY'), call(1, 615, 1, EXPIRY, 'SPY')], [quote(2, 0.15), quote(1, 0.15)], { yearsLeft: 0.1, spot: 600 }).map((f) => f.code)).not.toContain('undefined_risk');
  });

  it('says when earnings and dividends are unknown, and warns when they are known and fall before expiry', () => {
    const unknown = flagsOf([put(-1, 200, 3, EXPIRY, 'AAPL')], [quote(3, 0.3)], { yearsLeft: 0.1, spot: 210, events: { earnings: null, exDividend: null } });
    expect(unknown).toContainEqual({ code: 'events_unknown', severity: 'info', message: 'The app has no earnings and ex-dividend calendar for AAPL: check the dates before 2026-06-19 yourself.' });
    // 0.1 year before the 2026-06-19 close is 2026-05-13; both dates fall before expiry.
    const known = flagsOf([call(-1, 200, 3, EXPIRY, 'AAPL')], [quote(12, 0.3)], { yearsLeft: 0.1, spot: 210, events: { earnings: ['2026-05-28', '2026-08-01'], exDividend: ['2026-06-08'] } });
    expect(known.map((f) => f.code)).toEqual(['undefined_risk', 'earnings', 'ex_dividend']);
    expect(known.find((f) => f.code === 'ex_dividend')).toMatchObject({ legIndex: 0, message: expect.stringContaining('may be assigned early') });
  });
});
