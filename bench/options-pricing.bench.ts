// Options pricing throughput: price + all five greeks per second for our chain kernel and single-
// contract function against the npm packages `black-scholes` (price) + `greeks` (delta, gamma, theta,
// vega, rho) on the same contracts in the same run (values asserted equal), and implied-volatility
// solves per second. Everything runs on the main thread: one core.
import { blackScholes } from 'black-scholes';
import { getDelta, getGamma, getRho, getTheta, getVega } from 'greeks';
import { blackScholesGreeks, greekColumns, type GreekColumns } from '../electron/options/pricing/black-scholes';
import { impliedVolatilities, type ChainBatch } from '../electron/options/pricing/implied-vol';
import { chainGreeks } from '../electron/options/pricing/price-option';
import { maxAbsDifference, timeTogether, type Figure } from './lib';

const RUNS = 7;
/** Our side prices this many contracts per run; the npm packages (hundreds of times slower) a sample of THEIRS. */
const CONTRACTS = 200_000;
const THEIRS = 2_000;
const AMERICAN_CONTRACTS = 2_000;
const SPOT = 600;
const RATE = 0.0365;
/** The packages have no dividend yield, so the comparison prices a non-dividend underlying. */
const TOLERANCE = 1e-8;

/**
 * A deterministic chain shaped like a day of SPY listings, contracts grouped by expiry as a chain
 * arrives: 40 expiries from one day to two years, at each $0.50 strikes across 70–130 % of spot, calls
 * and puts, and a volatility smile (higher in the wings and on the put side).
 */
function buildChain(count: number): ChainBatch & { vol: Float64Array } {
  const right = new Uint8Array(count);
  const strike = new Float64Array(count);
  const years = new Float64Array(count);
  const vol = new Float64Array(count);
  const perExpiry = Math.ceil(count / 40);
  for (let i = 0; i < count; i++) {
    const expiry = Math.floor(i / perExpiry);
    const within = i % perExpiry;
    const moneyness = 0.7 + (0.6 * Math.floor(within / 2)) / (perExpiry / 2);
    const logMoneyness = Math.log(moneyness);
    right[i] = within & 1;
    strike[i] = Math.round(2 * SPOT * moneyness) / 2;
    years[i] = Math.round(730 ** (expiry / 39)) / 365;
    vol[i] = 0.16 - 0.1 * logMoneyness + 0.6 * logMoneyness * logMoneyness;
  }
  return { spot: SPOT, rate: RATE, dividendYield: 0, right, strike, years, vol };
}

/** Every `step`-th contract of a chain, so a small sample still spans every expiry and strike. */
function strided<T extends ChainBatch>(batch: T, count: number): T {
  const step = Math.floor(batch.strike.length / count);
  const pick = <A extends Uint8Array | Float64Array>(array: A | undefined) => array && (array.filter((_, i) => i % step === 0).subarray(0, count) as A);
  return { ...batch, right: pick(batch.right), strike: pick(batch.strike), years: pick(batch.years), vol: pick(batch.vol), price: pick(batch.price) };
}

/** Price and greeks through our single-contract function, one result object per contract. */
function singleContracts(batch: ChainBatch & { vol: Float64Array }): number {
  let checksum = 0;
  for (let i = 0; i < batch.strike.length; i++) {
    const priced = blackScholesGreeks({
      right: batch.right[i] === 1 ? 'put' : 'call',
      spot: batch.spot,
      strike: batch.strike[i]!,
      years: batch.years[i]!,
      rate: batch.rate,
      dividendYield: batch.dividendYield,
      vol: batch.vol[i]!,
    });
    checksum += priced.price + priced.delta + priced.gamma + priced.theta + priced.vega + priced.rho;
  }
  return checksum;
}

/** Price + the five greeks from `black-scholes` and `greeks` (same units: theta per day, vega and rho per point). */
function npmPackages(batch: ChainBatch & { vol: Float64Array }): GreekColumns {
  const n = batch.strike.length;
  const out = { price: new Float64Array(n), delta: new Float64Array(n), gamma: new Float64Array(n), theta: new Float64Array(n), vega: new Float64Array(n), rho: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const side = batch.right[i] === 1 ? 'put' : 'call';
    const [s, k, t, v, r] = [batch.spot, batch.strike[i]!, batch.years[i]!, batch.vol[i]!, batch.rate];
    out.price[i] = blackScholes(s, k, t, v, r, side);
    out.delta[i] = getDelta(s, k, t, v, r, side);
    out.gamma[i] = getGamma(s, k, t, v, r);
    out.theta[i] = getTheta(s, k, t, v, r, side);
    out.vega[i] = getVega(s, k, t, v, r);
    out.rho[i] = getRho(s, k, t, v, r, side);
  }
  return out;
}

export async function run(): Promise<Figure[]> {
  const chain = buildChain(CONTRACTS);
  const sample = strided(chain, THEIRS);

  const reused = greekColumns(CONTRACTS);
  const {
    ms: [chainMs, freshMs, singleMs, theirMs],
    results: [ours, , , theirs],
  } = timeTogether(
    RUNS,
    () => chainGreeks(chain, 'european', reused),
    () => chainGreeks(chain),
    () => singleContracts(chain),
    () => npmPackages(sample),
  );
  const greekNames = ['price', 'delta', 'gamma', 'theta', 'vega', 'rho'] as const;
  const step = CONTRACTS / THEIRS;
  const worst = Math.max(...greekNames.map((key) => maxAbsDifference(ours[key].filter((_, i) => i % step === 0), theirs[key])));
  if (worst > TOLERANCE) throw new Error(`chainGreeks and the npm packages disagree: max |Δ| ${worst}`);

  const chainRate = CONTRACTS / (chainMs / 1000);
  const freshRate = CONTRACTS / (freshMs / 1000);
  const singleRate = CONTRACTS / (singleMs / 1000);
  const theirRate = THEIRS / (theirMs / 1000);

  // Implied volatility from the model's own prices (so every solve has an answer): European over the
  // whole chain, American (Bjerksund–Stensland, dividend-paying) over a slice.
  const priced = { ...chain, price: ours.price };
  const americanChain = { ...strided(chain, AMERICAN_CONTRACTS), dividendYield: 0.011 };
  const americanPriced = { ...americanChain, price: chainGreeks(americanChain, 'american').price };
  const {
    ms: [europeanIvMs, americanIvMs, americanGreeksMs],
    results: [europeanIv, americanIv],
  } = timeTogether(
    RUNS,
    () => impliedVolatilities(priced),
    () => impliedVolatilities(americanPriced, 'american'),
    () => chainGreeks(americanChain, 'american'),
  );
  const ivError = (solved: Float64Array, truth: Float64Array) => {
    let failures = 0;
    let worstError = 0;
    solved.forEach((vol, i) => (Number.isNaN(vol) ? failures++ : (worstError = Math.max(worstError, Math.abs(vol - truth[i]!)))));
    return `${failures} without IV (no time value at double precision), max |Δσ| ${worstError.toExponential(1)}`;
  };

  const size = `${CONTRACTS.toLocaleString('en-US')} contracts, 40 expiries 1 day–2 years, strikes 70–130 %`;
  return [
    { name: 'price + 5 greeks, chainGreeks (European)', value: chainRate, unit: 'ops/s', budget: 2_000_000, note: `contracts/s into reused columns, ${size}` },
    { name: '  the same into fresh columns', value: freshRate, unit: 'ops/s', note: 'contracts/s; 9.6 MB of new pages per call' },
    { name: 'price + 5 greeks, blackScholesGreeks', value: singleRate, unit: 'ops/s', note: 'contracts/s, one result object per contract' },
    { name: 'price + 5 greeks, black-scholes + greeks npm', value: theirRate, unit: 'ops/s', note: `contracts/s on every ${step}th contract, max |Δ| ${worst.toExponential(1)}` },
    { name: 'chainGreeks speed-up vs the npm packages', value: chainRate / theirRate, unit: '×', budget: 10 },
    { name: '  the same into fresh columns', value: freshRate / theirRate, unit: '×', budget: 10 },
    { name: 'blackScholesGreeks speed-up vs the npm packages', value: singleRate / theirRate, unit: '×', budget: 10 },
    { name: 'implied volatility solves, European', value: CONTRACTS / (europeanIvMs / 1000), unit: 'ops/s', note: ivError(europeanIv, chain.vol) },
    { name: 'implied volatility solves, American', value: AMERICAN_CONTRACTS / (americanIvMs / 1000), unit: 'ops/s', note: ivError(americanIv, americanChain.vol) },
    { name: 'price + 5 greeks, American (finite differences)', value: AMERICAN_CONTRACTS / (americanGreeksMs / 1000), unit: 'ops/s', note: 'contracts/s, 11 Bjerksund–Stensland prices each' },
  ];
}
