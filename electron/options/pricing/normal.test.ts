import { describe, expect, it } from 'vitest';
import { bivariateNormalCdf, normCdf, normPdf } from './normal';

describe('normCdf (Hart 5666 as given by West 2005)', () => {
  // Reference values of N(x): Abramowitz & Stegun, Handbook of Mathematical Functions, Table 26.1
  // (P(x) to 15 decimals for 0 ≤ x ≤ 5); the tail values are erfc(|x|/√2)/2 from glibc's erfc (as
  // Python's math.erfc prints them: −8 → 6.220960574271819e-16), an independent implementation that
  // agrees with the table wherever both exist.
  const reference: Array<[number, number]> = [
    [0, 0.5],
    [0.5, 0.6914624612740131],
    [1, 0.8413447460685429],
    [1.96, 0.9750021048517795],
    [-1, 0.15865525393145707],
    [-2, 0.02275013194817922],
    [-3, 1.3498980316300957e-3],
    [-5, 2.866515718791946e-7],
    [-6, 9.865876450377012e-10],
    [-8, 6.220960574271819e-16],
    [-10, 7.619853024160593e-24],
  ];

  it('has absolute error below 1e-15 everywhere (Hart: "accurate to 1e-15")', () => {
    for (const [x, value] of reference) expect(Math.abs(normCdf(x) - value)).toBeLessThan(1e-15);
  });

  it('keeps relative error small in the lower tail, where deep out-of-the-money prices live', () => {
    // Hart's rational function is fitted for absolute error: relative error grows from 1e-14 at 3σ
    // to ~1e-8 at 8–10σ. A 10σ option is worth < 1e-20 of spot, so this never shows in a price.
    for (const [x, value] of reference.filter(([x]) => x <= -3)) {
      const relative = Math.abs(normCdf(x) - value) / value;
      expect(relative).toBeLessThan(x >= -3 ? 1e-13 : 1e-8);
    }
  });

  it('is symmetric, N(x) + N(−x) = 1, and saturates without NaN', () => {
    for (const x of [0.1, 0.7, 1.3, 2.5, 4, 6.9, 7.2, 12]) expect(normCdf(x) + normCdf(-x)).toBeCloseTo(1, 15);
    expect(normCdf(40)).toBe(1);
    expect(normCdf(-40)).toBe(0);
    expect(normCdf(Infinity)).toBe(1);
    expect(normCdf(-Infinity)).toBe(0);
  });

  it('normPdf(0) = 1/√(2π) = 0.3989422804014327', () => {
    expect(normPdf(0)).toBeCloseTo(0.3989422804014327, 16);
    expect(normPdf(1)).toBeCloseTo(0.24197072451914337, 16); // e^(−1/2)/√(2π)
  });
});

describe('bivariateNormalCdf (Genz 2004)', () => {
  const rhos = [-0.999, -0.95, -0.93, -0.9, -0.5, -0.1, 0, 0.1, 0.5, 0.9, 0.93, 0.95, 0.999];

  it("matches Sheppard's closed form at the origin, M(0, 0; ρ) = 1/4 + arcsin(ρ)/(2π)", () => {
    // e.g. ρ = 0.5: 1/4 + (π/6)/(2π) = 1/4 + 1/12 = 1/3.
    expect(bivariateNormalCdf(0, 0, 0.5)).toBeCloseTo(1 / 3, 15);
    for (const rho of rhos) expect(bivariateNormalCdf(0, 0, rho)).toBeCloseTo(0.25 + Math.asin(rho) / (2 * Math.PI), 14);
  });

  it('factorises when uncorrelated: M(a, b; 0) = N(a)·N(b)', () => {
    for (const [a, b] of [[0.3, -1.2], [-2, 0.5], [1.5, 1.7]] as const) {
      expect(bivariateNormalCdf(a, b, 0)).toBeCloseTo(normCdf(a) * normCdf(b), 15);
    }
  });

  it('satisfies M(a, b; ρ) + M(a, −b; −ρ) = N(a) in every quadrature regime (|ρ| < 0.3, < 0.75, < 0.925, ≥ 0.925)', () => {
    // P(X ≤ a, Y ≤ b) + P(X ≤ a, Y > b) = P(X ≤ a), and (X, −Y) has correlation −ρ.
    for (const rho of rhos) {
      for (const [a, b] of [[0.3, -1.2], [-2, 0.5], [1.5, 1.7], [-0.4, -0.4], [2.5, -3]] as const) {
        expect(bivariateNormalCdf(a, b, rho) + bivariateNormalCdf(a, -b, -rho)).toBeCloseTo(normCdf(a), 13);
      }
    }
  });

  it('tends to the comonotone and countermonotone limits as ρ → ±1', () => {
    // ρ = 1: X = Y, so P = N(min(a, b)); ρ = −1: Y = −X, so P = max(N(a) + N(b) − 1, 0).
    expect(bivariateNormalCdf(0.4, -0.3, 0.999999)).toBeCloseTo(normCdf(-0.3), 6);
    expect(bivariateNormalCdf(0.4, 0.3, -0.999999)).toBeCloseTo(normCdf(0.4) + normCdf(0.3) - 1, 6);
    expect(bivariateNormalCdf(-0.4, -0.3, -0.999999)).toBeCloseTo(0, 6);
  });
});
