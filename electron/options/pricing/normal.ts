// Standard normal distribution functions for option pricing.
//
// The univariate CDF is Hart's (1968) double-precision algorithm 5666 as given by West, "Better
// approximations to cumulative normal functions" (Wilmott, 2005) and Haug, "The Complete Guide to
// Option Pricing Formulas" (2nd ed., ch. 13): about 1e-15 absolute accuracy over the whole line and
// good relative accuracy in the tails, which an implied-volatility round trip to 1e-6 needs (a cruder
// 1e-7 approximation such as Abramowitz–Stegun 26.2.17 leaves the price noise larger than the signal of a
// deep out-of-the-money option). It is built on exp(−x²/2), which Black-Scholes needs for the density
// anyway, so `cdfFromGaussian` lets the pricer share one `Math.exp` between the density and the CDF.

const SQRT_2PI = Math.sqrt(2 * Math.PI);
/** Beyond 37 standard deviations the tail is below 1e-300: 0 or 1 in double precision. */
const TAIL_CUTOFF = 37;
/** Switch from the rational function to the continued fraction (10/√2, Hart's split point). */
const RATIONAL_LIMIT = 7.07106781186547;

/** The standard normal density φ(x). */
export function normPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** The standard normal CDF N(x). */
export function normCdf(x: number): number {
  return cdfFromGaussian(x, Math.exp(-0.5 * x * x));
}

/**
 * N(x) given gaussian = exp(−x²/2) already computed by the caller (so φ(x) = gaussian / √(2π)).
 * Hart's rational approximation of the lower tail N(−|x|), mirrored for positive x.
 */
export function cdfFromGaussian(x: number, gaussian: number): number {
  const z = Math.abs(x);
  let tail: number;
  if (z > TAIL_CUTOFF) {
    tail = 0;
  } else if (z < RATIONAL_LIMIT) {
    let numerator = 3.52624965998911e-2 * z + 0.700383064443688;
    numerator = numerator * z + 6.37396220353165;
    numerator = numerator * z + 33.912866078383;
    numerator = numerator * z + 112.079291497871;
    numerator = numerator * z + 221.213596169931;
    numerator = numerator * z + 220.206867912376;
    let denominator = 8.83883476483184e-2 * z + 1.75566716318264;
    denominator = denominator * z + 16.064177579207;
    denominator = denominator * z + 86.7807322029461;
    denominator = denominator * z + 296.564248779674;
    denominator = denominator * z + 637.333633378831;
    denominator = denominator * z + 793.826512519948;
    denominator = denominator * z + 440.413735824752;
    tail = (gaussian * numerator) / denominator;
  } else {
    // Continued fraction for the far tail.
    let fraction = z + 0.65;
    fraction = z + 4 / fraction;
    fraction = z + 3 / fraction;
    fraction = z + 2 / fraction;
    fraction = z + 1 / fraction;
    tail = gaussian / fraction / SQRT_2PI;
  }
  return x > 0 ? 1 - tail : tail;
}

// Gauss–Legendre nodes (negative half) and weights with 3, 6 and 10 points per half for Genz's
// bivariate normal: more points as |ρ| grows, as in Genz (2004) "Numerical computation of rectangular
// bivariate and trivariate normal and t probabilities", Statistics and Computing 14, 251–260.
const GAUSS_LEGENDRE: ReadonlyArray<{ nodes: readonly number[]; weights: readonly number[] }> = [
  {
    nodes: [-0.932469514203152, -0.661209386466265, -0.238619186083197],
    weights: [0.17132449237917, 0.360761573048138, 0.46791393457269],
  },
  {
    nodes: [-0.981560634246719, -0.904117256370475, -0.769902674194305, -0.587317954286617, -0.36783149899818, -0.125233408511469],
    weights: [4.71753363865118e-2, 0.106939325995318, 0.160078328543346, 0.203167426723066, 0.233492536538355, 0.249147045813403],
  },
  {
    nodes: [
      -0.993128599185095, -0.963971927277914, -0.912234428251326, -0.839116971822219, -0.746331906460151, -0.636053680726515,
      -0.510867001950827, -0.37370608871542, -0.227785851141645, -0.0765265211334973,
    ],
    weights: [
      1.76140071391521e-2, 4.06014298003869e-2, 6.26720483341091e-2, 8.32767415767048e-2, 0.10193011981724, 0.118194531961518,
      0.131688638449177, 0.142096109318382, 0.149172986472604, 0.152753387130726,
    ],
  },
];

/** sin(asin(ρ)·(1 + node)/2) at every quadrature point of Genz's |ρ| < 0.925 branch, per ρ. */
interface SineTable {
  weights: Float64Array;
  sines: Float64Array;
  /** 1 / (1 − sin²), the exponent's denominator. */
  inverseCosSquared: Float64Array;
  /** asin(ρ) / (4π), the integral's factor. */
  factor: number;
}

/**
 * The sines depend on ρ alone; Bjerksund–Stensland asks for the same two correlations (±√0.618)
 * 24 times per price, so they are computed once per ρ (the cache is bounded for arbitrary callers).
 */
const sineTables = new Map<number, SineTable>();
const MAX_SINE_TABLES = 64;

function sineTable(rho: number): SineTable {
  let table = sineTables.get(rho);
  if (table) return table;
  const absRho = Math.abs(rho);
  const rule = GAUSS_LEGENDRE[absRho < 0.3 ? 0 : absRho < 0.75 ? 1 : 2]!;
  const asr = Math.asin(rho);
  const count = rule.nodes.length * 2;
  table = { weights: new Float64Array(count), sines: new Float64Array(count), inverseCosSquared: new Float64Array(count), factor: asr / (4 * Math.PI) };
  for (let i = 0; i < rule.nodes.length; i++) {
    for (const [offset, side] of [[0, -1], [1, 1]] as const) {
      const sn = Math.sin((asr * (side * rule.nodes[i]! + 1)) / 2);
      table.weights[2 * i + offset] = rule.weights[i]!;
      table.sines[2 * i + offset] = sn;
      table.inverseCosSquared[2 * i + offset] = 1 / (1 - sn * sn);
    }
  }
  if (sineTables.size >= MAX_SINE_TABLES) sineTables.clear();
  sineTables.set(rho, table);
  return table;
}

/**
 * The bivariate standard normal CDF M(a, b; ρ) = P(X ≤ a, Y ≤ b) with correlation ρ, by Genz's
 * (2004) method (Drezner–Wesolowsky with Gauss–Legendre quadrature), double-precision accurate;
 * Bjerksund–Stensland 2002 is only as good as this function (Haug, 2nd ed., p. 105).
 */
export function bivariateNormalCdf(a: number, b: number, rho: number): number {
  const absRho = Math.abs(rho);
  const h = -a;
  let k = -b;
  let hk = h * k;
  let bvn = 0;
  if (absRho < 0.925) {
    if (absRho > 0) {
      const hs = (h * h + k * k) / 2;
      const { weights, sines, inverseCosSquared, factor } = sineTable(rho);
      for (let i = 0; i < sines.length; i++) bvn += weights[i]! * Math.exp((sines[i]! * hk - hs) * inverseCosSquared[i]!);
      bvn *= factor;
    }
    return bvn + normCdf(-h) * normCdf(-k);
  }
  const rule = GAUSS_LEGENDRE[2]!;
  if (rho < 0) {
    k = -k;
    hk = -hk;
  }
  if (absRho < 1) {
    const ass = (1 - rho) * (1 + rho);
    let aa = Math.sqrt(ass);
    const bs = (h - k) ** 2;
    const c = (4 - hk) / 8;
    const d = (12 - hk) / 16;
    let asr = -(bs / ass + hk) / 2;
    if (asr > -100) bvn = aa * Math.exp(asr) * (1 - (c * (bs - ass) * (1 - (d * bs) / 5)) / 3 + (c * d * ass * ass) / 5);
    if (-hk < 100) {
      const bb = Math.sqrt(bs);
      bvn -= Math.exp(-hk / 2) * SQRT_2PI * normCdf(-bb / aa) * bb * (1 - (c * bs * (1 - (d * bs) / 5)) / 3);
    }
    aa /= 2;
    for (let i = 0; i < rule.nodes.length; i++) {
      for (const side of [-1, 1]) {
        const xs = (aa * (side * rule.nodes[i]! + 1)) ** 2;
        const rs = Math.sqrt(1 - xs);
        asr = -(bs / xs + hk) / 2;
        if (asr > -100) {
          bvn += aa * rule.weights[i]! * Math.exp(asr) * (Math.exp((-hk * (1 - rs)) / (2 * (1 + rs))) / rs - (1 + c * xs * (1 + d * xs)));
        }
      }
    }
    bvn = -bvn / (2 * Math.PI);
  }
  if (rho > 0) return bvn + normCdf(-Math.max(h, k));
  bvn = -bvn;
  return k > h ? bvn + normCdf(k) - normCdf(h) : bvn;
}
