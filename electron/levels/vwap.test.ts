import { VWAP } from 'technicalindicators';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../shared/schemas/market';
import { groupBySession } from './session-bars';
import { loadSpyJuly2025 } from './testing/spy-data';
import { sessionVwap, vwapPoints } from './vwap';

const { bars, sessions } = loadSpyJuly2025();
const days = groupBySession(bars, sessions);

/** Naive reference: for each bar, recompute VWAP and σ from scratch over all bars so far (two passes, O(n²)). */
function naiveVwap(regular: Bar[]): { vwap: number; sigma: number }[] {
  return regular.map((_, end) => {
    const upTo = regular.slice(0, end + 1);
    const prices = upTo.map((b) => (b.high + b.low + b.close) / 3);
    const volume = upTo.reduce((s, b) => s + b.volume, 0);
    const vwap = upTo.reduce((s, b, i) => s + b.volume * prices[i]!, 0) / volume;
    const variance = upTo.reduce((s, b, i) => s + b.volume * (prices[i]! - vwap) ** 2, 0) / volume;
    return { vwap, sigma: Math.sqrt(variance) };
  });
}

describe('sessionVwap', () => {
  it('matches hand-computed values for the first two minutes of 2025-07-02', () => {
    // 2025-07-02 09:30:00,617.24,617.49,617.15,617.3,549538.0 → tp 617.313333
    // 2025-07-02 09:31:00,617.31,617.37,616.79,616.8,277024.0 → tp 616.986667
    // VWAP = (549538·617.313333 + 277024·616.986667) / 826562 = 617.203850
    // σ = √((549538·0.109483² + 277024·0.217183²) / 826562) = 0.154201
    const day = days.find((d) => d.session.date === '2025-07-02')!;
    const [first, second] = vwapPoints(sessionVwap(day.regular));
    expect(first!.vwap).toBeCloseTo(617.313333, 5);
    expect(first!.sigma).toBe(0);
    expect(second!.vwap).toBeCloseTo(617.20385, 5);
    expect(second!.sigma).toBeCloseTo(0.154201, 5);
    expect(second!.upper2).toBeCloseTo(617.20385 + 2 * 0.154201, 5);
    expect(second!.lower3).toBeCloseTo(617.20385 - 3 * 0.154201, 5);
  });

  it.each(['2025-07-02', '2025-07-03', '2025-07-07', '2025-07-30'])('equals the naive two-pass VWAP and σ on every regular minute of %s', (date) => {
    const day = days.find((d) => d.session.date === date)!;
    const engine = vwapPoints(sessionVwap(day.regular));
    const naive = naiveVwap(day.regular);
    expect(engine).toHaveLength(day.regular.length);
    engine.forEach((point, i) => {
      expect(point.time).toBe(day.regular[i]!.time);
      expect(Math.abs(point.vwap - naive[i]!.vwap)).toBeLessThan(1e-9);
      expect(Math.abs(point.sigma - naive[i]!.sigma)).toBeLessThan(1e-6);
      expect(point.upper1 - point.vwap).toBeCloseTo(point.sigma, 9);
    });
  });

  it("agrees with technicalindicators' VWAP (same typical price, restarted each session)", () => {
    let worst = 0;
    for (const day of days) {
      const theirs = VWAP.calculate({
        high: day.regular.map((b) => b.high),
        low: day.regular.map((b) => b.low),
        close: day.regular.map((b) => b.close),
        volume: day.regular.map((b) => b.volume),
      });
      const ours = sessionVwap(day.regular);
      expect(ours.length).toBe(theirs.length);
      theirs.forEach((value, i) => (worst = Math.max(worst, Math.abs(ours.vwap[i]! - value))));
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it('gives no point until volume has traded, then ignores zero-volume bars', () => {
    const bar = (time: number, price: number, volume: number): Bar => ({ time, open: price, high: price, low: price, close: price, volume });
    const points = vwapPoints(sessionVwap([bar(0, 100, 0), bar(1, 101, 10), bar(2, 500, 0), bar(3, 103, 10)]));
    expect(points.map((p) => p.time)).toEqual([1, 2, 3]);
    expect(points[1]!.vwap).toBe(101);
    expect(points[2]!.vwap).toBe(102);
    expect(points[2]!.sigma).toBe(1);
  });
});
