// The analyzer against textbook values (Hull, Options, Futures, and Other Derivatives) and hand arithmetic.
import { describe, expect, it } from 'vitest';
import type { Leg } from '../../../shared/schemas/options';
import { MS_PER_YEAR } from '../pricing/expiry';
import { analyzePosition, type AnalyzerMarket, type LegQuote } from './analyzer';
import { settlementOf } from './valuation';
import { call, put, stock } from './testing';

const EXPIRY = '2026-06-19';
/** The instant `years` before the SPX options of EXPIRY settle (so T is exact). */
const yearsBefore = (years: number, symbol = 'SPX') => settlementOf(symbol, EXPIRY) - years * MS_PER_YEAR;
const quote = (mid: number, iv: number): LegQuote => ({ mid, bid: mid - 0.05, ask: mid + 0.05, iv, source: 'test' });
const market = (over: Partial<AnalyzerMarket> & Pick<AnalyzerMarket, 'nowMs' | 'spot' | 'quotes'>): AnalyzerMarket => ({
  rate: 0.1,
  dividendYield: 0,
  beta: 1,
  spxPrice: 6000,
  events: { earnings: [], exDividend: [] },
  ...over,
});
/** Within `rel` of a textbook value printed to three significant digits. */
const near = (actual: number, expected: number, rel = 0.01) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * rel);

describe('analyzePosition: greeks, cost and value', () => {
  // Hull, example 19.1 (ch. 19): S = 49, K = 50, r = 5%, σ = 20%, T = 20 weeks = 0.3846 →
  // call Δ 0.522, Γ 0.066, vega 12.1 (per unit σ), Θ −4.31 per year, ρ 8.91 (per unit r).
  // Per the app's units: vega 0.121 per vol point, Θ −4.31 / 365 = −0.01181 per day, ρ 0.0891 per rate point.
  // The put by parity: Δ 0.522 − 1 = −0.478; Γ, vega equal; Θ = −4.31 + rKe^−rT = −4.31 + 0.05 × 50 × 0.98095 = −1.858 / yr;
  // ρ = 8.91 − KTe^−rT = 8.91 − 50 × 0.3846 × 0.98095 = −9.953 (−0.0995 per point).
  const legs: Leg[] = [call(3, 50, 2, EXPIRY, 'SPX'), put(-2, 50, 3, EXPIRY, 'SPX'), stock(-100, 49.5, 'SPX')];
  const analysis = analyzePosition(
    { positionId: null, name: 'test', legs },
    market({ nowMs: yearsBefore(0.3846), spot: 49, rate: 0.05, quotes: [quote(2.4, 0.2), quote(2.45, 0.2), null], beta: 1.2 }),
  );

  it('gives per-share greeks of the textbook and dollar greeks = greek × quantity × 100', () => {
    const [calls, puts, shares] = analysis.legs;
    near(calls!.greeks.delta, 0.522);
    near(calls!.greeks.gamma, 0.066);
    near(calls!.greeks.vega, 0.121);
    near(calls!.greeks.theta, -4.31 / 365);
    near(calls!.greeks.rho, 0.0891);
    // +3 calls: Δ 3 × 0.522 × 100 = 156.6 shares; Θ 3 × −0.01181 × 100 = −3.542 $/day.
    near(calls!.dollarGreeks.delta, 156.6);
    near(calls!.dollarGreeks.theta, -3.542);
    // −2 puts: Δ −2 × −0.478 × 100 = +95.6; ρ −2 × −0.0995 × 100 = +19.9.
    near(puts!.dollarGreeks.delta, 95.6);
    near(puts!.dollarGreeks.rho, 19.9);
    // −100 shares: Δ −100, nothing else.
    expect(shares!.dollarGreeks).toEqual({ delta: -100, gamma: 0, theta: 0, vega: 0, rho: 0 });
  });

  it('adds the legs into totals (hand sums)', () => {
    // Δ 156.6 + 95.6 − 100 = 152.2; Γ (3 − 2) × 0.066 × 100 = 6.6; vega (3 − 2) × 0.121 × 100 = 12.1;
    // Θ (3 × −4.31 − 2 × −1.858) / 365 × 100 = −921.4 / 365 = −2.524; ρ 3 × 8.91 + 2 × 9.953 = 46.63 (per point).
    near(analysis.totals.delta, 152.2);
    near(analysis.totals.gamma, 6.6);
    near(analysis.totals.vega, 12.1);
    near(analysis.totals.theta, -2.524);
    near(analysis.totals.rho, 46.63);
  });

  it('values the position at the marks', () => {
    // Cost: 3 × 2.00 × 100 − 2 × 3.00 × 100 − 100 × 49.50 = 600 − 600 − 4 950 = −4 950 (a credit on balance).
    expect(analysis.costBasis).toBeCloseTo(-4950, 9);
    // Value: 3 × 2.40 × 100 − 2 × 2.45 × 100 − 100 × 49 = 720 − 490 − 4 900 = −4 670; P&L −4 670 + 4 950 = 280.
    expect(analysis.marketValue).toBeCloseTo(-4670, 9);
    expect(analysis.unrealizedPnl).toBeCloseTo(280, 9);
    expect(analysis.legs.map((row) => [row.side, row.description, row.markSource])).toEqual([
      ['long', '+3 SPX 50 call Jun 19', 'test'],
      ['short', '−2 SPX 50 put Jun 19', 'test'],
      ['short', '−100 SPX shares', 'quote'],
    ]);
  });

  it('weights delta by beta into SPX units', () => {
    // Δ_SPX = 152.2 × 49 × 1.2 / 6 000 = 1.4916 SPX units; notional 152.2 × 49 × 1.2 = 8 949.4.
    near(analysis.betaWeighted.delta!, 1.4916);
    near(analysis.betaWeighted.notional!, 8949.4);
    expect(analysis.betaWeighted).toMatchObject({ benchmark: 'SPX', benchmarkPrice: 6000, beta: 1.2 });
  });
});

describe('analyzePosition: probability of profit (lognormal, risk-neutral, at the current IV)', () => {
  // S = 42, r = 10%, σ = 20%, T = 0.5 (Hull's example 15.6 market), q = 0.
  const at42 = (legs: Leg[], quotes: LegQuote[]) => analyzePosition({ positionId: null, name: 'p', legs }, market({ nowMs: yearsBefore(0.5), spot: 42, quotes }));

  it('long call: POP = N(d2) at the breakeven', () => {
    // +40C @2.00 → breakeven 42: d2 = [ln(42/42) + (0.10 − 0.02) × 0.5] / (0.2 √0.5) = 0.04 / 0.141421 = 0.28284; N(0.28284) = 0.61135.
    const analysis = at42([call(1, 40, 2, EXPIRY, 'SPX')], [quote(4.76, 0.2)]);
    expect(analysis.breakevens).toEqual([42]);
    expect(analysis.probabilityOfProfit).toBeCloseTo(0.61135, 5);
  });

  it('short strangle: POP = N(d2(lower)) − N(d2(upper))', () => {
    // −38P @1 −46C @1: breakevens 36, 48. d2(36) = (ln(42/36) + 0.04) / 0.141421 = 1.37285 → N = 0.91510;
    // d2(48) = (ln(42/48) + 0.04) / 0.141421 = −0.66137 → N = 0.25419; POP = 0.91510 − 0.25419 = 0.66091.
    const analysis = at42([put(-1, 38, 1, EXPIRY, 'SPX'), call(-1, 46, 1, EXPIRY, 'SPX')], [quote(0.5, 0.2), quote(0.9, 0.2)]);
    expect(analysis.breakevens).toEqual([36, 48]);
    expect(analysis.probabilityOfProfit).toBeCloseTo(0.66091, 4);
  });

  it('is certain either way at expiry and null for stock', () => {
    const expired = analyzePosition({ positionId: null, name: 'p', legs: [call(1, 40, 1, EXPIRY, 'SPX')] }, market({ nowMs: yearsBefore(0), spot: 42, quotes: [null] }));
    // Settled: worth 42 − 40 = 2 > 1 paid.
    expect(expired.probabilityOfProfit).toBe(1);
    expect(expired.legs[0]).toMatchObject({ mark: 2, markSource: 'intrinsic', years: 0 });
    expect(expired.flags.map((f) => f.code)).toContain('expired');
    expect(analyzePosition({ positionId: null, name: 'p', legs: [stock(10, 40, 'SPY')] }, market({ nowMs: yearsBefore(0.5), spot: 42, quotes: [null] })).probabilityOfProfit).toBeNull();
  });
});

describe('analyzePosition: what-if', () => {
  // Long 40 call; the scenario lands on Hull's example 15.6: S = 42, K = 40, r = 10%, σ = 20%, T = 0.5 → call 4.76, put 0.81.
  it('a price shift revalues at Black-Scholes for the new spot', () => {
    const legs = [call(1, 40, 3, EXPIRY, 'SPX')];
    const base = { nowMs: yearsBefore(0.5), spot: 40, quotes: [quote(3, 0.2)] };
    for (const whatIf of [{ price: 42 }, { priceShift: 2 }, { priceShiftPct: 5 }]) {
      const result = analyzePosition({ positionId: null, name: 'w', legs, whatIf }, market(base)).whatIf!;
      expect(result.price).toBeCloseTo(42, 9);
      expect(result.legs[0]!.mark).toBeCloseTo(4.76, 2);
      // (4.76 − 3.00) × 100 = 176 against the cost; 476 − 300 (value now) = 176 as well.
      expect(result.pnl).toBeCloseTo(176, -0.5);
      expect(result.change).toBeCloseTo(176, -0.5);
    }
  });

  it('date and IV shifts: T 0.6 → 0.5 after 36.5 days, σ 15% + 5 points = 20%', () => {
    const legs = [call(1, 40, 3, EXPIRY, 'SPX'), put(-1, 40, 1, EXPIRY, 'SPX')];
    const analysis = analyzePosition(
      { positionId: null, name: 'w', legs, whatIf: { price: 42, daysForward: 36.5, ivShift: 5 } },
      market({ nowMs: yearsBefore(0.6), spot: 40, quotes: [quote(2.5, 0.15), quote(0.9, 0.15)] }),
    );
    const result = analysis.whatIf!;
    expect(result.legs.map((row) => row.iv)).toEqual([0.2, 0.2]);
    expect(result.legs[0]!.mark).toBeCloseTo(4.76, 2);
    expect(result.legs[1]!.mark).toBeCloseTo(0.81, 2);
    // +1 call at 4.76 − 1 put at 0.81 = (4.76 − 0.81) × 100 = 395.
    expect(result.marketValue).toBeCloseTo(395, -0.5);
    expect(result.daysForward).toBe(36.5);
  });

  it('the date and IV of a what-if move the whole curve: each point is Black-Scholes on that date at that IV', () => {
    // Same scenario as above without a price: at the grid's 42.00 the curve must read Hull's 4.76 call
    // and 0.81 put, (4.76 − 3.00) × 100 − (0.81 − 1.00) × 100 = 176 + 19 = 195; "today" (T 0.6, σ 15%) does not.
    const legs = [call(1, 40, 3, EXPIRY, 'SPX'), put(-1, 40, 1, EXPIRY, 'SPX')];
    const analysis = analyzePosition(
      { positionId: null, name: 'w', legs, whatIf: { daysForward: 36.5, ivShift: 5 }, grid: { points: 5, low: 38, high: 46 } },
      market({ nowMs: yearsBefore(0.6), spot: 40, quotes: [quote(2.5, 0.15), quote(0.9, 0.15)] }),
    );
    const at42 = analysis.curve.find((point) => point.price === 42)!;
    expect(at42.scenario).toBeCloseTo(195, -0.5);
    expect(Math.abs(at42.today - 195)).toBeGreaterThan(5);
    expect(analysis.curve.every((point) => point.scenario !== undefined)).toBe(true);
  });

  it('a what-if that moves only the price adds no scenario curve (the point shows it)', () => {
    const analysis = analyzePosition({ positionId: null, name: 'w', legs: [call(1, 40, 3, EXPIRY, 'SPX')], whatIf: { price: 42 } }, market({ nowMs: yearsBefore(0.5), spot: 40, quotes: [quote(3, 0.2)] }));
    expect(analysis.curve.some((point) => 'scenario' in point)).toBe(false);
  });

  it('a date is the days between today and it (New York dates)', () => {
    // 0.5 year (182.5 days) before the 2026-06-19 16:00 ET close is 2025-12-19 03:00 ET; 2026-01-18 is 30 days later.
    const legs = [call(1, 40, 3, EXPIRY, 'SPX')];
    const byDate = analyzePosition({ positionId: null, name: 'w', legs, whatIf: { date: '2026-01-18' } }, market({ nowMs: yearsBefore(0.5), spot: 40, quotes: [quote(3, 0.2)] })).whatIf!;
    const byDays = analyzePosition({ positionId: null, name: 'w', legs, whatIf: { daysForward: 30 } }, market({ nowMs: yearsBefore(0.5), spot: 40, quotes: [quote(3, 0.2)] })).whatIf!;
    expect(byDate).toEqual({ ...byDays, date: '2026-01-18' });
    expect(byDays.date).toBe('2026-01-18');
  });

  it('refuses a date before today', () => {
    const run = () => analyzePosition({ positionId: null, name: 'w', legs: [call(1, 40, 3, EXPIRY, 'SPX')], whatIf: { date: '2020-01-02' } }, market({ nowMs: yearsBefore(0.5), spot: 40, quotes: [quote(3, 0.2)] }));
    expect(run).toThrow(/before today/);
  });
});

describe('analyzePosition: curves', () => {
  const legs = [call(1, 600, 5, EXPIRY, 'SPY'), call(-1, 605, 2, EXPIRY, 'SPY')];
  const analysis = analyzePosition({ positionId: 'p1', name: 'SPY 600/605', legs }, market({ nowMs: yearsBefore(0.1, 'SPY'), spot: 602, rate: 0.04, dividendYield: 0.012, quotes: [quote(9.1, 0.18), quote(6.3, 0.18)] }));

  it('holds the exact payoff, the strikes and breakevens, and a today line between the bounds', () => {
    expect(analysis.payoffBasis).toBe('expiration');
    expect(analysis).toMatchObject({ breakevens: [603], maxProfit: 200, maxLoss: 300, strategy: { kind: 'bull_call_spread' } });
    const prices = analysis.curve.map((point) => point.price);
    for (const price of [600, 603, 605, 602]) expect(prices).toContain(price);
    expect(analysis.curve.find((point) => point.price === 603)!.expiry).toBeCloseTo(0, 9);
    for (const point of analysis.curve) {
      expect(point.today).toBeGreaterThanOrEqual(-300 - 1e-6);
      expect(point.today).toBeLessThanOrEqual(200 + 1e-6);
    }
    expect([...prices].sort((a, b) => a - b)).toEqual(prices);
  });

  it('takes the grid asked for', () => {
    const grid = analyzePosition({ positionId: null, name: 'g', legs, grid: { points: 11, low: 590, high: 615 } }, market({ nowMs: yearsBefore(0.1, 'SPY'), spot: 602, quotes: [quote(9.1, 0.18), quote(6.3, 0.18)] }));
    // 590, 592.5 … 615 (11 points) + 603 (breakeven) + 602 (spot); 600 and 605 are grid points already.
    expect(grid.curve.map((p) => p.price)).toEqual([590, 592.5, 595, 597.5, 600, 602, 602.5, 603, 605, 607.5, 610, 612.5, 615]);
  });

  it('values a calendar at the first expiry', () => {
    const calendar = analyzePosition(
      { positionId: null, name: 'c', legs: [call(-1, 600, 5, EXPIRY, 'SPY'), call(1, 600, 9, '2026-07-17', 'SPY')] },
      market({ nowMs: yearsBefore(0.1, 'SPY'), spot: 600, quotes: [quote(5, 0.18), quote(9, 0.18)] }),
    );
    expect(calendar).toMatchObject({ payoffBasis: 'first_expiry', payoffDate: EXPIRY, strategy: { kind: 'long_call_calendar' } });
    // Worst case: both calls worthless far below the strike, the debit (9 − 5) × 100 = 400 lost.
    expect(calendar.maxLoss).toBeCloseTo(400, 6);
  });
});
