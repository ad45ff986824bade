import { DateTime } from 'luxon';
import { ATR } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../shared/schemas/market';
import { aggregateBars } from './aggregate';
import { lastAtr, trueRange, wilderAtr } from './atr';
import { groupBySession } from './session-bars';
import { EXCHANGE_ZONE, loadSpyDaily, loadSpyJuly2025 } from './testing/spy-data';

const daily = loadSpyDaily();

/** Naive Wilder ATR written as a recurrence over an explicit true-range list with Math.max. */
function naiveAtr(bars: Bar[], period: number): number[] {
  const ranges = bars.slice(1).map((b, i) => Math.max(b.high - b.low, Math.abs(b.high - bars[i]!.close), Math.abs(b.low - bars[i]!.close)));
  const out = [ranges.slice(0, period).reduce((a, b) => a + b, 0) / period];
  for (const range of ranges.slice(period)) out.push(out.at(-1)! + (range - out.at(-1)!) / period);
  return out;
}

function theirs(bars: Bar[], period: number): number[] {
  return ATR.calculate({ high: bars.map((b) => b.high), low: bars.map((b) => b.low), close: bars.map((b) => b.close), period });
}

describe('wilderAtr', () => {
  it('matches a hand calculation on five SPY daily rows (period 3)', () => {
    // Date,Adj Close,Close,High,Low,Open — 2025-06-24 C 606.78 · 06-25 H 608.61 L 605.54 C 607.12 ·
    // 06-26 H 612.31 L 608.37 C 611.87 · 06-27 H 616.39 L 610.83 C 614.91 · 06-30 H 619.22 L 615.04.
    // TR: 06-25 max(3.07, 1.83, 1.24) = 3.07; 06-26 max(3.94, 5.19, 1.25) = 5.19;
    //     06-27 max(5.56, 4.52, 1.04) = 5.56; 06-30 max(4.18, 4.31, 0.13) = 4.31.
    // ATR seed = (3.07 + 5.19 + 5.56) / 3 = 4.606667; then (4.606667 × 2 + 4.31) / 3 = 4.507778.
    const start = daily.findIndex((b) => b.time === DateTime.fromISO('2025-06-24', { zone: EXCHANGE_ZONE }).toMillis());
    const rows = daily.slice(start, start + 5);
    expect(rows[4]!.high).toBeCloseTo(619.22, 4);
    const atr = wilderAtr(rows, 3);
    expect(atr).toHaveLength(2);
    expect(atr[0]).toBeCloseTo(4.606667, 3);
    expect(atr[1]).toBeCloseTo(4.507778, 3);
  });

  it('true range takes the gap to the previous close', () => {
    expect(trueRange({ high: 10, low: 9, close: 9.5 }, 12)).toBe(3);
    expect(trueRange({ high: 10, low: 9, close: 9.5 }, 7)).toBe(3);
    expect(trueRange({ high: 10, low: 9, close: 9.5 }, 9.5)).toBe(1);
  });

  it("equals the naive recurrence and technicalindicators' ATR over five years of SPY daily bars", () => {
    const ours = wilderAtr(daily, 14);
    const naive = naiveAtr(daily, 14);
    const reference = theirs(daily, 14);
    expect(ours).toHaveLength(daily.length - 14);
    expect(reference).toHaveLength(ours.length);
    ours.forEach((value, i) => {
      expect(Math.abs(value - naive[i]!)).toBeLessThan(1e-9);
      expect(Math.abs(value - reference[i]!)).toBeLessThan(1e-9);
    });
  });

  it("equals technicalindicators' ATR on 5-minute regular-session bars of July 2025", () => {
    const { bars, sessions } = loadSpyJuly2025();
    const regular = groupBySession(bars, sessions).flatMap((d) => d.regular);
    const fives = aggregateBars(regular, '5m', sessions);
    const ours = wilderAtr(fives, 14);
    const reference = theirs(fives, 14);
    expect(ours.length).toBe(reference.length);
    expect(Math.max(...ours.map((v, i) => Math.abs(v - reference[i]!)))).toBeLessThan(1e-9);
  });

  it('needs period + 1 bars and a positive integer period', () => {
    expect(wilderAtr(daily.slice(0, 14), 14)).toHaveLength(0);
    expect(lastAtr(daily.slice(0, 14), 14)).toBeNull();
    expect(wilderAtr(daily.slice(0, 15), 14)).toHaveLength(1);
    expect(() => wilderAtr(daily, 0)).toThrow(/positive integer/);
  });
});
