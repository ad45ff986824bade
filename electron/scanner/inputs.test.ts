import { describe, expect, it } from 'vitest';
import { lastSessions } from '../market/calendar';
import { atTheMoneyIv, buildTechnicalInput, realizedVolatility } from './inputs';
import { chainOf, contract, dailyBars, DATE, flat, atMinute } from './testing';

/** 15 sessions of 98–102 closing at 100: every true range is 4, so ATR(14) = 4. */
const daily = dailyBars(15, () => ({ high: 102, low: 98, close: 100 }));
const sessions = lastSessions(DATE, 3);
/** Flat bars 100.50 × 100, 101 × 300, 101.50 × 100: VWAP = 50 500 / 500 = 101. */
const today = [flat(atMinute(0), 100.5, 100), flat(atMinute(1), 101, 300), flat(atMinute(2), 101.5, 100)];

describe('buildTechnicalInput', () => {
  it('reads the levels engine: PDH 102, PDL 98, PDC 100, classic P = (102 + 98 + 100)/3 = 100, R1 = 2P − L = 102, S1 = 98, VWAP 101, ATR 4, the quote as last', () => {
    const input = buildTechnicalInput({ symbol: 'SPY', date: DATE, sessions, bars: today, dailyBars: daily, lastPrice: 101.6 })!;
    expect(input).toMatchObject({ symbol: 'SPY', date: DATE, last: 101.6, dailyAtr: 4, session: { date: DATE } });
    expect(input.regular).toEqual(today);
    expect(input.daily).toHaveLength(15);
    expect(input.priorSessions.map((p) => p.session.date)).toEqual(['2026-11-27', '2026-11-30']);
    expect(Object.fromEntries(['PDH', 'PDL', 'PDC', 'P (classic)', 'R1 (classic)', 'S1 (classic)', 'VWAP'].map((name) => [name, input.levels.get(name)]))).toEqual({
      PDH: 102,
      PDL: 98,
      PDC: 100,
      'P (classic)': 100,
      'R1 (classic)': 102,
      'S1 (classic)': 98,
      VWAP: 101,
    });
  });

  it('before the open the quote alone is the last price; with no bar and no quote there is nothing to scan', () => {
    const premarket = buildTechnicalInput({ symbol: 'SPY', date: DATE, sessions, bars: [], dailyBars: daily, lastPrice: 99 })!;
    expect(premarket).toMatchObject({ last: 99, regular: [] });
    expect(buildTechnicalInput({ symbol: 'SPY', date: DATE, sessions, bars: [], dailyBars: daily, lastPrice: undefined })).toBeNull();
  });
});

describe('realizedVolatility', () => {
  it('is the sample standard deviation of the log returns × √252: closes 100, 110, 99 → |ln(1.1) − ln(0.9)| / √2 × √252 = 2.252523', () => {
    const closes = [100, 110, 99].map((close) => ({ close }));
    expect(realizedVolatility(closes, 2)).toBeCloseTo((Math.abs(Math.log(1.1) - Math.log(0.9)) / Math.SQRT2) * Math.sqrt(252), 12);
    expect(realizedVolatility(closes, 2)).toBeCloseTo(2.252523, 6);
    expect(realizedVolatility(closes, 3)).toBeNull();
  });
});

describe('atTheMoneyIv', () => {
  it('averages the call and put IVs at the at-the-money strike, or takes the one there is', () => {
    expect(atTheMoneyIv(chainOf([{ strike: 100, call: contract('call', 100, { iv: 0.2 }), put: contract('put', 100, { iv: 0.3 }) }]))).toBeCloseTo(0.25, 12);
    expect(atTheMoneyIv(chainOf([{ strike: 100, call: contract('call', 100, { iv: null }), put: contract('put', 100, { iv: 0.3 }) }]))).toBe(0.3);
    expect(atTheMoneyIv(chainOf([{ strike: 105, call: contract('call', 105), put: null }]))).toBeNull();
  });
});
