// Types for the two npm option libraries the tests and the bench compare against (they ship none).
// Both take (spot, strike, years, vol, rate[, 'call' | 'put']) with no dividend yield.

declare module 'black-scholes' {
  /** Black-Scholes price of a European option on a non-dividend stock. */
  export function blackScholes(s: number, k: number, t: number, v: number, r: number, callPut: 'call' | 'put'): number;
  export function stdNormCDF(x: number): number;
}

declare module 'greeks' {
  export function getDelta(s: number, k: number, t: number, v: number, r: number, callPut: 'call' | 'put'): number;
  export function getGamma(s: number, k: number, t: number, v: number, r: number): number;
  /** Per calendar day by default (scale 365). */
  export function getTheta(s: number, k: number, t: number, v: number, r: number, callPut: 'call' | 'put', scale?: number): number;
  /** Per 1 % of volatility. */
  export function getVega(s: number, k: number, t: number, v: number, r: number): number;
  /** Per 1 % of rate by default (scale 100). */
  export function getRho(s: number, k: number, t: number, v: number, r: number, callPut: 'call' | 'put', scale?: number): number;
}
