// American options by the Bjerksund–Stensland (2002) approximation: "Closed Form Valuation of American
// Options", Bjerksund & Stensland, NHH discussion paper 2002, as given in Haug, "The Complete Guide to
// Option Pricing Formulas", 2nd ed., §3.3 pp. 104–108 (two-step flat exercise boundary, bivariate
// normal terms). Puts by the Bjerksund–Stensland put–call transformation (Haug §3.4, p. 109):
// P(S, K, T, r, b, σ) = C(K, S, T, r − b, −b, σ), with cost of carry b = r − q.
import { blackScholesGreeks, blackScholesPrice, DAYS_PER_YEAR, POINT, type OptionParams, type PricedOption } from './black-scholes';
import { bivariateNormalCdf, normCdf } from './normal';

/** t1 = ½(√5 − 1)·T: the golden-section split of the two-step boundary (Haug p. 106). */
const GOLDEN_SPLIT = (Math.sqrt(5) - 1) / 2;
/** Below this σ√T the approximation's β, κ blow up; the option is then worth its deterministic value. */
const MIN_STD_DEV = 1e-7;

export function bjerksundStenslandPrice(p: OptionParams): number {
  const t = Math.max(p.years, 0);
  const carry = p.rate - p.dividendYield;
  const intrinsic = p.right === 'call' ? Math.max(p.spot - p.strike, 0) : Math.max(p.strike - p.spot, 0);
  if (p.vol * Math.sqrt(t) < MIN_STD_DEV) return Math.max(intrinsic, blackScholesPrice({ ...p, years: t }));
  const value =
    p.right === 'call'
      ? americanCall(p.spot, p.strike, t, p.rate, carry, p.vol)
      : americanCall(p.strike, p.spot, t, p.rate - carry, -carry, p.vol);
  // For extreme inputs (far from the boundary with tiny σ) S^γ·(I/S)^κ overflows while the early
  // exercise premium is nil: the European value is then the American value to double precision.
  // The approximation values one exercise policy (a flat boundary); never exercising is another, so
  // the European value is a lower bound too. Deep in the money, long-dated and volatile (S=180.5,
  // K=60, T=1.94, r=3.65 %, q=1.2 %, σ=1: BS2002 128.66, European 134.24, a 4 000-step tree 135.14)
  // the boundary is far off and only the European value keeps C − P within its parity bounds.
  const european = blackScholesPrice({ ...p, years: t });
  return Number.isFinite(value) ? Math.max(value, european) : european;
}

/** Haug's BSAmericanCallApprox2002 (p. 107), with α·S^β written as (I − K)·(S/I)^β so it cannot overflow. */
function americanCall(spot: number, strike: number, t: number, rate: number, carry: number, vol: number): number {
  // Never optimal to exercise a call early when carry ≥ rate (no dividend): the European value is exact.
  if (carry >= rate) return generalisedCall(spot, strike, t, rate, carry, vol);
  const variance = vol * vol;
  const t1 = GOLDEN_SPLIT * t;
  const beta = 0.5 - carry / variance + Math.sqrt((carry / variance - 0.5) ** 2 + (2 * rate) / variance);
  const bInfinity = (beta / (beta - 1)) * strike;
  const b0 = Math.max(strike, (rate / (rate - carry)) * strike);
  const scale = (strike * strike) / ((bInfinity - b0) * b0);
  const h1 = -(carry * t1 + 2 * vol * Math.sqrt(t1)) * scale;
  const h2 = -(carry * t + 2 * vol * Math.sqrt(t)) * scale;
  const i1 = b0 + (bInfinity - b0) * (1 - Math.exp(h1));
  const i2 = b0 + (bInfinity - b0) * (1 - Math.exp(h2));
  if (spot >= i2) return spot - strike;

  // ln α1, ln α2 with α = (I − K)·I^(−β); passed as log-scales so α·S^β is formed as one exp.
  const logAlpha1 = Math.log(i1 - strike) - beta * Math.log(i1);
  const logAlpha2 = Math.log(i2 - strike) - beta * Math.log(i2);
  const m = { spot, rate, carry, vol };
  return (
    Math.exp(logAlpha2 + beta * Math.log(spot)) -
    phi(m, logAlpha2, t1, beta, i2, i2) +
    phi(m, 0, t1, 1, i2, i2) -
    phi(m, 0, t1, 1, i1, i2) -
    strike * phi(m, 0, t1, 0, i2, i2) +
    strike * phi(m, 0, t1, 0, i1, i2) +
    phi(m, logAlpha1, t1, beta, i1, i2) -
    psi(m, logAlpha1, t, beta, i1, i2, i1, t1) +
    psi(m, 0, t, 1, i1, i2, i1, t1) -
    psi(m, 0, t, 1, strike, i2, i1, t1) -
    strike * psi(m, 0, t, 0, i1, i2, i1, t1) +
    strike * psi(m, 0, t, 0, strike, i2, i1, t1)
  );
}

interface Market {
  spot: number;
  rate: number;
  carry: number;
  vol: number;
}

/** e^(logScale) · φ(S, T, γ, H, I) of Haug p. 105: one barrier at I, "hit" valued at S^γ. */
function phi(m: Market, logScale: number, t: number, gamma: number, h: number, trigger: number): number {
  const variance = m.vol * m.vol;
  const stdDev = m.vol * Math.sqrt(t);
  const lambda = (-m.rate + gamma * m.carry + 0.5 * gamma * (gamma - 1) * variance) * t;
  const d = -(Math.log(m.spot / h) + (m.carry + (gamma - 0.5) * variance) * t) / stdDev;
  const kappa = (2 * m.carry) / variance + (2 * gamma - 1);
  const logRatio = Math.log(trigger / m.spot);
  const front = Math.exp(logScale + lambda + gamma * Math.log(m.spot));
  return front * (normCdf(d) - Math.exp(kappa * logRatio) * normCdf(d - (2 * logRatio) / stdDev));
}

/** e^(logScale) · ψ(S, T, γ, H, I2, I1, t1) of Haug p. 106: the two-period barrier term. */
function psi(m: Market, logScale: number, t2: number, gamma: number, h: number, i2: number, i1: number, t1: number): number {
  const variance = m.vol * m.vol;
  const drift = m.carry + (gamma - 0.5) * variance;
  const sd1 = m.vol * Math.sqrt(t1);
  const sd2 = m.vol * Math.sqrt(t2);
  const s = m.spot;
  const e1 = (Math.log(s / i1) + drift * t1) / sd1;
  const e2 = (Math.log((i2 * i2) / (s * i1)) + drift * t1) / sd1;
  const e3 = (Math.log(s / i1) - drift * t1) / sd1;
  const e4 = (Math.log((i2 * i2) / (s * i1)) - drift * t1) / sd1;
  const f1 = (Math.log(s / h) + drift * t2) / sd2;
  const f2 = (Math.log((i2 * i2) / (s * h)) + drift * t2) / sd2;
  const f3 = (Math.log((i1 * i1) / (s * h)) + drift * t2) / sd2;
  const f4 = (Math.log((s * i1 * i1) / (h * i2 * i2)) + drift * t2) / sd2;
  const rho = Math.sqrt(t1 / t2);
  const lambda = -m.rate + gamma * m.carry + 0.5 * gamma * (gamma - 1) * variance;
  const kappa = (2 * m.carry) / variance + (2 * gamma - 1);
  const front = Math.exp(logScale + lambda * t2 + gamma * Math.log(s));
  return (
    front *
    (bivariateNormalCdf(-e1, -f1, rho) -
      Math.exp(kappa * Math.log(i2 / s)) * bivariateNormalCdf(-e2, -f2, rho) -
      Math.exp(kappa * Math.log(i1 / s)) * bivariateNormalCdf(-e3, -f3, -rho) +
      Math.exp(kappa * Math.log(i1 / i2)) * bivariateNormalCdf(-e4, -f4, -rho))
  );
}

/** Generalised Black-Scholes call with cost of carry b (q = r − b). */
function generalisedCall(spot: number, strike: number, t: number, rate: number, carry: number, vol: number): number {
  return blackScholesPrice({ right: 'call', spot, strike, years: t, rate, dividendYield: rate - carry, vol });
}

// Finite-difference steps. Central differences have truncation error O(h²) and round-off ~ε·V/h (ε·V/h²
// for gamma); these sizes keep both near 1e-8 relative for equity-like inputs.
/** Spot step: 0.1 % of spot (gamma needs a step well above √ε·S, below the curvature scale σ√T·S). */
const SPOT_STEP = 1e-3;
/** Volatility and rate steps, in absolute units (0.01 % = 1/100 of a point). */
const VOL_STEP = 1e-4;
const RATE_STEP = 1e-4;
/** Time step: 1/10 of a calendar day, shrunk to half the remaining time near expiry. */
const TIME_STEP = 0.1 / DAYS_PER_YEAR;

/**
 * Bjerksund–Stensland 2002 price with greeks by central finite differences (state steps above):
 * delta and gamma in spot, vega in σ, rho in r with q fixed, theta as −∂V/∂T per calendar day.
 * When early exercise is never optimal (call with q ≤ 0, put with r ≤ 0) the value is the European
 * one and the analytic greeks are exact.
 */
export function americanGreeks(p: OptionParams): PricedOption {
  const neverEarly = p.right === 'call' ? p.dividendYield <= 0 : p.rate <= 0;
  const t = Math.max(p.years, 0);
  // At expiry both styles are worth the payoff; the analytic limit avoids a gamma of 1/dS at the strike.
  if (neverEarly || t === 0) return blackScholesGreeks({ ...p, years: t });
  const price = bjerksundStenslandPrice(p);
  const at = (change: Partial<OptionParams>) => bjerksundStenslandPrice({ ...p, years: t, ...change });

  const dS = SPOT_STEP * p.spot;
  const up = at({ spot: p.spot + dS });
  const down = at({ spot: p.spot - dS });
  const dV = Math.min(VOL_STEP, p.vol / 2);
  const dR = RATE_STEP;
  const dT = Math.min(TIME_STEP, t / 2);
  return {
    price,
    delta: (up - down) / (2 * dS),
    gamma: (up - 2 * price + down) / (dS * dS),
    theta: dT > 0 ? -(at({ years: t + dT }) - at({ years: t - dT })) / (2 * dT) / DAYS_PER_YEAR : 0,
    vega: dV > 0 ? ((at({ vol: p.vol + dV }) - at({ vol: p.vol - dV })) / (2 * dV)) * POINT : 0,
    rho: ((at({ rate: p.rate + dR }) - at({ rate: p.rate - dR })) / (2 * dR)) * POINT,
  };
}
