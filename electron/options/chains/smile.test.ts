import { describe, expect, it } from 'vitest';
import { symbolProfile } from '../../market/symbols';
import { atmVol, interpolateIv, smileFor, smileVol, type SmileParams } from './smile';

const SPX = symbolProfile('SPX')!;
const AAPL = symbolProfile('AAPL')!;
/** A calm day's index smile, written out so the numbers below can be checked by hand. */
const calm: SmileParams = { shortVol: 0.144, longVol: 0.168, termYears: 0.25, skew: -1.5, curvature: 2, width: 0.15 };

describe('volatility smile', () => {
  it('evaluates the formula: σ = atm(T)·(1 + skew·x + c·(√(x²+δ²) − δ)), x = ln(K/F)/√T', () => {
    // T = 0.25: atm = 0.168 + (0.144 − 0.168)·e^(−1) = 0.168 − 0.024 × 0.367879 = 0.159171.
    expect(atmVol(calm, 0.25)).toBeCloseTo(0.159171, 6);
    // K/F = 0.95: x = ln(0.95)/0.5 = −0.102587; √(x² + 0.0225) = √0.033024 = 0.181725;
    // shape = 1 + 0.153881 + 2 × 0.031725 = 1.217331; σ = 0.159171 × 1.217331 = 0.193764.
    expect(smileVol(calm, 95, 100, 0.25)).toBeCloseTo(0.193764, 5);
    // At the forward x = 0 and the shape is exactly 1.
    expect(smileVol(calm, 100, 100, 0.25)).toBeCloseTo(atmVol(calm, 0.25), 12);
  });

  it('has a put skew: lower strikes carry higher volatility, on every tenor', () => {
    for (const years of [1 / 365, 7 / 365, 30 / 365, 0.5, 2]) {
      const vol = (moneyness: number) => smileVol(calm, 100 * moneyness, 100, years);
      expect(vol(0.9)).toBeGreaterThan(vol(0.95));
      expect(vol(0.95)).toBeGreaterThan(vol(1));
      // Puts 5 % out are dearer than calls 5 % out.
      expect(vol(0.95)).toBeGreaterThan(vol(1.05));
    }
  });

  it('bottoms out a little above the money and rises again in the call wing (a smile, not a line)', () => {
    const years = 30 / 365;
    const strikes = Array.from({ length: 81 }, (_, i) => 80 + i * 0.5);
    const vols = strikes.map((k) => smileVol(calm, k, 100, years));
    const lowest = strikes[vols.indexOf(Math.min(...vols))]!;
    // Minimum where skew + c·x/√(x²+δ²) = 0: x = 0.75δ/√(1 − 0.75²) = 0.170084, K = 100·e^(0.170084 × √(30/365)) = 105.0.
    expect(lowest).toBeCloseTo(105, 0);
    expect(vols.at(-1)!).toBeGreaterThan(Math.min(...vols));
    // Single stocks: a flatter skew whose minimum sits nearer the money than the index's.
    const stock = { ...smileFor(AAPL, '2026-02-11'), skew: -0.6, curvature: 1.2, width: 0.2 };
    const stockVols = strikes.map((k) => smileVol(stock, k, 100, years));
    const stockLowest = strikes[stockVols.indexOf(Math.min(...stockVols))]!;
    expect(stockLowest).toBeGreaterThan(100);
    expect(stockLowest).toBeLessThan(lowest);
  });

  it('slopes up with tenor on a calm day (contango) and inverts on a fearful one', () => {
    expect(atmVol(calm, 1 / 365)).toBeLessThan(atmVol(calm, 0.25));
    expect(atmVol(calm, 0.25)).toBeLessThan(atmVol(calm, 2));
    const fearful = { ...calm, shortVol: 0.32, longVol: 0.2 };
    expect(atmVol(fearful, 1 / 365)).toBeGreaterThan(atmVol(fearful, 2));
  });

  it('is deterministic per (underlying, date), moves with the date, and is shared by an index and its ETF', () => {
    expect(smileFor(SPX, '2026-02-11')).toEqual(smileFor(SPX, '2026-02-11'));
    expect(smileFor(SPX, '2026-02-11')).not.toEqual(smileFor(SPX, '2026-02-12'));
    const spy = symbolProfile('SPY')!;
    expect(smileFor(spy, '2026-02-11')).toEqual(smileFor(SPX, '2026-02-11'));
    // The levels follow each profile's long-run volatility: AAPL (27 %) above SPX (16 %) on most days.
    const days = Array.from({ length: 20 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
    const higher = days.filter((d) => atmVol(smileFor(AAPL, d), 30 / 365) > atmVol(smileFor(SPX, d), 30 / 365));
    expect(higher.length).toBeGreaterThanOrEqual(18);
  });

  it('reads a quoted chain: out-of-the-money IVs, linear between strikes, flat beyond', () => {
    const chain = [
      { right: 'put' as const, strike: 90, iv: 0.3 },
      { right: 'put' as const, strike: 95, iv: 0.25 },
      { right: 'call' as const, strike: 95, iv: 0.4 }, // in the money: ignored
      { right: 'call' as const, strike: 105, iv: 0.18 },
      { right: 'call' as const, strike: 110, iv: null },
    ];
    // Between the 95 put (0.25) and the 105 call (0.18): 0.25 + (100 − 95)/10 × (0.18 − 0.25) = 0.215.
    expect(interpolateIv(chain, 100, 100)).toBeCloseTo(0.215, 12);
    expect(interpolateIv(chain, 80, 100)).toBe(0.3);
    expect(interpolateIv(chain, 120, 100)).toBe(0.18);
  });
});
