// Implied volatilities recomputed from the real SPY chain of 2026-02-11 (yfinance dump, see
// ../shared/market-data/SOURCES.md) and compared with the IV Yahoo published in the same file.
import { describe, expect, it } from 'vitest';
import { yearsToExpiry } from './expiry';
import { impliedVolatility } from './implied-vol';
import { loadSpyChain, SPY_CHAIN_SNAPSHOT, SPY_CHAIN_SPOT, type ChainQuote } from './testing/spy-chain';
import { DEFAULT_RISK_FREE_RATE, optionUnderlying } from './underlyings';

const spy = optionUnderlying('SPY');
const SNAPSHOT_DAY = '2026-02-11';
/** Agreement bound with Yahoo for liquid near-the-money contracts, in volatility units (2 points). */
const TOLERANCE = 0.02;

type Reason = '0dte' | 'short_dated' | 'long_dated' | 'zero_bid' | 'wide_spread' | 'stale' | 'illiquid' | 'in_the_money' | 'deep_itm';

const mid = (q: ChainQuote) => (q.bid + q.ask) / 2;
const years = (q: ChainQuote) => yearsToExpiry(SPY_CHAIN_SNAPSHOT, q.expiry, 'PM');
const logMoneyness = (q: ChainQuote) => Math.log(q.strike / SPY_CHAIN_SPOT);

/**
 * Why a quote's IV cannot be expected to match Yahoo's (or anyone's):
 * - 0dte: expires today; hours left, and Yahoo's clock convention (below) dominates.
 * - short_dated (< 7 days): a few hours' difference in the time convention moves σ by σ·ΔT/(2T).
 * - long_dated (> 120 days): our carry r − q shifts the forward by S·(r − q)·T (≈ $17 at one year),
 *   Yahoo uses none.
 * - zero_bid / wide_spread (≥ 10 % of mid): the mid is not a price.
 * - stale: no trade today; the quote may be old.
 * - illiquid: volume < 10 and open interest < 100.
 * - in_the_money / deep_itm (beyond 5 %): the price is mostly intrinsic value, so the file's single
 *   spot (692.30 for every row, while put–call parity says ≈ 692.6 at quote time) moves σ by Δ·δS/vega;
 *   some even trade below intrinsic at 692.30.
 */
function reasonsToDistrust(q: ChainQuote): Reason[] {
  const reasons: Reason[] = [];
  const days = years(q) * 365;
  if (q.expiry === SNAPSHOT_DAY) reasons.push('0dte');
  else if (days < 7) reasons.push('short_dated');
  if (days > 120) reasons.push('long_dated');
  if (!(q.bid > 0)) reasons.push('zero_bid');
  else if ((q.ask - q.bid) / mid(q) >= 0.1) reasons.push('wide_spread');
  if (new Date(q.lastTrade).toISOString().slice(0, 10) !== SNAPSHOT_DAY) reasons.push('stale');
  if (q.volume < 10 && q.openInterest < 100) reasons.push('illiquid');
  const inTheMoney = q.right === 'call' ? q.strike < SPY_CHAIN_SPOT : q.strike > SPY_CHAIN_SPOT;
  if (inTheMoney) reasons.push(Math.abs(logMoneyness(q)) > 0.05 ? 'deep_itm' : 'in_the_money');
  return reasons;
}

const ivCache = new Map<ChainQuote, number | null>();
/** Our IV from the mid: American (Bjerksund–Stensland), r = DEFAULT_RISK_FREE_RATE, q = SPY's yield. */
function ourIv(q: ChainQuote): number | null {
  if (!ivCache.has(q)) ivCache.set(q, solveIv(q));
  return ivCache.get(q)!;
}

function solveIv(q: ChainQuote): number | null {
  return impliedVolatility(mid(q), { right: q.right, spot: SPY_CHAIN_SPOT, strike: q.strike, years: years(q), rate: DEFAULT_RISK_FREE_RATE, dividendYield: spy.dividendYield }, spy.style).vol;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const chain = loadSpyChain();
/**
 * Liquid near-the-money: |ln(K/S)| ≤ 0.05, 7–120 days, bid > 0, spread < 10 % of mid, volume ≥ 10 or
 * open interest ≥ 100, traded today, and out of the money (all time value) — no reason to distrust.
 */
const liquidNearTheMoney = chain.filter((q) => Math.abs(logMoneyness(q)) <= 0.05 && reasonsToDistrust(q).length === 0);

describe('real SPY chain, 2026-02-11 ~11:20 ET', () => {
  it('is the file SOURCES.md describes', () => {
    expect(chain.length).toBe(8778);
    expect(new Set(chain.map((q) => q.expiry)).size).toBe(31);
    expect(chain.filter((q) => q.right === 'put').length).toBe(4239);
  });

  it(`recomputed IV from the mid agrees with Yahoo's within ${TOLERANCE} for every liquid near-the-money contract`, () => {
    expect(liquidNearTheMoney.length).toBeGreaterThan(600);
    for (const q of liquidNearTheMoney) {
      const vol = ourIv(q);
      if (vol === null) throw new Error(`${q.contract}: no IV from mid ${mid(q)}`);
      expect(Math.abs(vol - q.yahooIv), q.contract).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it('the remaining difference is the carry convention: Yahoo prices with zero rate and dividend', () => {
    // With our honest carry (r − q ≈ 2.55 %) the forward is above spot, so a given call price needs
    // less volatility and a put more: calls sit below Yahoo (median −0.005), puts above (+0.010).
    // Evaluated Yahoo's way (European, r = q = 0, same mid and clock) that asymmetry vanishes; what
    // is left is a small common offset (+0.001 to +0.002 for both rights): Yahoo's time to expiry is
    // slightly longer than ours (it counts from earlier in the day), which lowers its σ.
    const medianDifference = (right: 'call' | 'put', zeroCarry: boolean) =>
      median(
        liquidNearTheMoney
          .filter((q) => q.right === right)
          .map((q) => {
            const carry = zeroCarry ? { rate: 0, dividendYield: 0 } : { rate: DEFAULT_RISK_FREE_RATE, dividendYield: spy.dividendYield };
            return impliedVolatility(mid(q), { right, spot: SPY_CHAIN_SPOT, strike: q.strike, years: years(q), ...carry }, zeroCarry ? 'european' : 'american').vol! - q.yahooIv;
          }),
      );
    expect(medianDifference('call', false)).toBeLessThan(-0.002);
    expect(medianDifference('put', false) - medianDifference('call', false)).toBeGreaterThan(0.01);
    const [calls, puts] = [medianDifference('call', true), medianDifference('put', true)];
    expect(Math.abs(puts - calls)).toBeLessThan(0.001);
    for (const offset of [calls, puts]) {
      expect(offset).toBeGreaterThan(0);
      expect(offset).toBeLessThan(0.003);
    }
  });

  it('every contract that disagrees (or has no IV) has a named reason, and each reason occurs', () => {
    const tally = new Map<Reason, number>();
    for (const q of chain) {
      const vol = ourIv(q);
      if (vol !== null && Math.abs(vol - q.yahooIv) <= TOLERANCE) continue;
      const reasons = reasonsToDistrust(q);
      expect(reasons.length, `${q.contract}: ours ${vol}, Yahoo ${q.yahooIv}`).toBeGreaterThan(0);
      for (const reason of reasons) tally.set(reason, (tally.get(reason) ?? 0) + 1);
    }
    for (const reason of ['0dte', 'short_dated', 'deep_itm', 'stale', 'zero_bid'] as const) expect(tally.get(reason)).toBeGreaterThan(0);
  });
});
