import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptionChain } from '../../../shared/schemas/chains';
import { MAX_PROJECTION_CELLS, type LeapsProjection, type LeapsRollResult } from '../../../shared/schemas/leaps';
import { addDays, marketDate } from '../../market/calendar';
import { startTestHost, type TestHost } from '../../testing/test-host';

async function ok<T>(t: TestHost, name: string, input: unknown): Promise<T> {
  const res = await t.rpc(name, input);
  const body = (await res.json()) as T;
  expect(res.status, JSON.stringify(body).slice(0, 400)).toBe(200);
  return body;
}

async function refused(t: TestHost, name: string, input: unknown): Promise<{ status: number; code: string; message: string }> {
  const res = await t.rpc(name, input);
  const { error } = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...error };
}

const leg = (over: Record<string, unknown>) => ({ kind: 'option', symbol: 'SPY', right: 'call', strike: 600, expiry: '2027-12-17', quantity: 1, price: 50, ...over });

describe('LEAPS through the local API (simulated market and chains)', () => {
  let t: TestHost;
  let leapsChain: OptionChain;
  let monthlyChain: OptionChain;
  beforeAll(async () => {
    t = await startTestHost();
    const first = await ok<OptionChain>(t, 'options:chain', { underlying: 'SPY' });
    const leapsExpiry = first.expirations.find((e) => e.kind === 'leaps')!.date;
    const monthly = first.expirations.find((e) => e.kind === 'monthly' && e.daysToExpiry > 20)!.date;
    leapsChain = await ok<OptionChain>(t, 'options:chain', { underlying: 'SPY', expiry: leapsExpiry });
    monthlyChain = await ok<OptionChain>(t, 'options:chain', { underlying: 'SPY', expiry: monthly });
  });
  afterAll(() => t.close());

  /**
   * Runs `call` between two reads of both chains and returns the chains when the simulated spot held
   * still across it (in a live session it moves every minute, which would compare two different spots).
   */
  async function withSteadyChains<T>(call: () => Promise<T>): Promise<{ value: T; leaps: OptionChain; monthly: OptionChain }> {
    const read = async () => ({
      leaps: await ok<OptionChain>(t, 'options:chain', { underlying: 'SPY', expiry: leapsChain.expiry.date }),
      monthly: await ok<OptionChain>(t, 'options:chain', { underlying: 'SPY', expiry: monthlyChain.expiry.date }),
      // The projection prices from the live quote; a chain is reused for 5 s, so its spot can lag it.
      last: (await ok<{ last: number }>(t, 'market:quote', { symbol: 'SPY' })).last,
    });
    for (let attempt = 0; attempt < 8; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 1_000));
      const before = await read();
      const value = await call();
      const after = await read();
      const steady = [before.monthly.spot, before.last, after.leaps.spot, after.monthly.spot, after.last].every((spot) => spot === before.leaps.spot);
      if (steady) return { value, leaps: before.leaps, monthly: before.monthly };
    }
    throw new Error('The simulated SPY price moved during each of eight attempts, a second apart');
  }

  it("projects a LEAPS call at the chain's implied volatility, every 14 days to expiry, over the default moves and shifts", async () => {
    const strike = leapsChain.atTheMoneyStrike;
    const input = { legs: [leg({ strike, expiry: leapsChain.expiry.date, price: 50 })] };
    const { value: p, leaps } = await withSteadyChains(() => ok<LeapsProjection>(t, 'leaps:project', input));
    const row = leaps.strikes.find((r) => r.strike === strike)!;
    // The IV of the chain's mid; a few milliseconds later the same mid gives the same σ to ~1e-8.
    expect(p.legs[0]).toMatchObject({ vol: expect.closeTo(row.call!.iv!, 6), volSource: 'simulated', style: 'american', settlement: 'PM', multiplier: 100 });
    expect(p.spot).toBe(leaps.spot);
    expect(p.horizon).toBe(leapsChain.expiry.date);
    expect(p.dates[0]).toBe(marketDate(p.asOf));
    expect(p.dates[1]).toBe(addDays(p.dates[0]!, 14));
    expect(p.dates.at(-1)).toBe(leapsChain.expiry.date);
    expect(p.priceMoves).toEqual([-30, -25, -20, -15, -10, -5, 0, 5, 10, 15, 20, 25, 30]);
    expect(p.ivShifts).toEqual([-10, -5, 0, 5, 10]);
    expect(p.cells).toHaveLength(p.dates.length * 13 * 5);
    // Today, no move, no shift: the position is worth 100 × its model value, which is the chain's
    // theoretical value of that contract (its mid, inverted to the IV, priced back).
    const now = p.cells.find((c) => c.date === p.dates[0] && c.priceMove === 0 && c.ivShift === 0)!;
    expect(now.value).toBeCloseTo(100 * p.legs[0]!.value, 9);
    expect(p.legs[0]!.value).toBeCloseTo(row.call!.mid, 1);
    expect(now.delta).toBeCloseTo(100 * row.call!.delta!, 0);
    expect(p.costBasis).toBe(5000);
    expect(now.pnl).toBeCloseTo(now.value - 5000, 9);
    expect(p.warnings).toEqual([]);
  });

  it('uses the caller’s spot and volatility (no market needed) and reaches intrinsic value on the expiry date', async () => {
    const expiry = addDays(marketDate(Date.now()), 60);
    const p = await ok<LeapsProjection>(t, 'leaps:project', {
      legs: [{ kind: 'option', symbol: 'XYZ', right: 'call', strike: 100, expiry, quantity: 2, price: 6 }],
      spot: 110,
      vol: 0.3,
      priceMoves: [-20, 0, 10],
      ivShifts: [0, 10],
    });
    expect(p).toMatchObject({ spotSource: 'input', legs: [{ volSource: 'input', vol: 0.3 }] });
    const atExpiry = (move: number) => p.cells.filter((c) => c.date === expiry && c.priceMove === move).map((c) => c.value);
    // 2 calls K=100: S = 110 → 2·100·10 = 2000; S = 121 → 2·100·21 = 4200; S = 88 → 0 — for both IV shifts.
    expect(atExpiry(0)).toEqual([expect.closeTo(2000, 6), expect.closeTo(2000, 6)]);
    expect(atExpiry(10)).toEqual([expect.closeTo(4200, 6), expect.closeTo(4200, 6)]);
    expect(atExpiry(-20)).toEqual([0, 0]);
  });

  it('caps a grid that is too large and says how', async () => {
    const moves = Array.from({ length: 41 }, (_, i) => i * 5 - 100 + 5); // −95 … +105
    const p = await ok<LeapsProjection>(t, 'leaps:project', {
      legs: [leg({ symbol: 'XYZ', expiry: addDays(marketDate(Date.now()), 700) })],
      spot: 600,
      vol: 0.2,
      stepDays: 1,
      priceMoves: moves,
      ivShifts: [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10],
    });
    expect(p.cells.length).toBeLessThanOrEqual(MAX_PROJECTION_CELLS);
    expect(p.dates).toHaveLength(22); // ⌊10 000 / (41 · 11)⌋ = 22 dates fit
    expect(p.warnings[0]).toMatch(/^The grid was capped: 701 dates every 1 days would pass the 22 dates that fit; dates are every 34 days instead$/);
  });

  it('refuses past expiries, empty legs, mixed underlyings and dates outside the projection, with the field named', async () => {
    const past = await refused(t, 'leaps:project', { legs: [leg({ expiry: '2025-01-17' })] });
    expect(past).toMatchObject({ status: 400, code: 'invalid_input' });
    expect(past.message).toContain('legs.0.expiry: 2025-01-17 is in the past');
    expect((await refused(t, 'leaps:project', { legs: [] })).message).toContain('Add at least one leg');
    expect((await refused(t, 'leaps:project', { legs: [leg({}), leg({ symbol: 'QQQ' })] })).message).toContain('All legs must be on one underlying (got SPY, QQQ)');
    expect((await refused(t, 'leaps:project', { legs: [{ kind: 'stock', symbol: 'SPY', quantity: 100, price: 600 }] })).message).toContain('Add at least one option leg');
    const outside = await refused(t, 'leaps:project', { legs: [leg({})], spot: 600, vol: 0.2, dates: ['2029-01-01'] });
    expect(outside.message).toContain('dates.0: 2029-01-01 is outside the projection');
    expect((await refused(t, 'leaps:project', { legs: [leg({ quantity: 0 })] })).message).toContain('Quantity cannot be 0');
  });

  it('rolls a short put out and down at explicit prices: the hand arithmetic, with greeks from the chain', async () => {
    const near = monthlyChain.expiry.date;
    const far = leapsChain.expiry.date;
    const strike = monthlyChain.atTheMoneyStrike;
    const lower = leapsChain.strikes.filter((r) => r.strike < strike).at(-1)!.strike;
    const { value: roll, monthly } = await withSteadyChains(() =>
      ok<LeapsRollResult>(t, 'leaps:roll', {
        current: leg({ right: 'put', strike, expiry: near, quantity: -2, price: 3 }),
        target: { strike: lower, expiry: far },
        closePrice: 1.2,
        openPrice: 2.5,
      }),
    );
    // Same numbers as roll.test.ts: −240 + 500 = +260, 1.30 a share credit, 4.30 taken in so far.
    expect(roll).toMatchObject({ label: 'Roll out and down', net: { perShare: expect.closeTo(1.3, 9), dollars: expect.closeTo(260, 9), type: 'credit' } });
    expect(roll.close).toMatchObject({ priceSource: 'input', cash: expect.closeTo(-240, 9), breakeven: strike - 3 });
    expect(roll.open).toMatchObject({ priceSource: 'input', cash: expect.closeTo(500, 9), breakeven: expect.closeTo(lower - 4.3, 9) });
    expect(roll.chain.cumulativeDollars).toBeCloseTo(860, 9);
    const listedPut = monthly.strikes.find((r) => r.strike === strike)!.put!;
    expect(roll.close.perShare.delta).toBeCloseTo(listedPut.delta!, 6);
    expect(roll.close.greeks.delta).toBeCloseTo(roll.close.perShare.delta * -200, 9);
  });

  it("takes the chain's mid, or the natural side, when no price is given", async () => {
    const current = leg({ strike: monthlyChain.atTheMoneyStrike, expiry: monthlyChain.expiry.date, price: 10 });
    const target = { strike: leapsChain.atTheMoneyStrike, expiry: leapsChain.expiry.date };
    const { value: [mid, natural], monthly, leaps } = await withSteadyChains(() =>
      Promise.all([ok<LeapsRollResult>(t, 'leaps:roll', { current, target }), ok<LeapsRollResult>(t, 'leaps:roll', { current, target, fill: 'natural' })]),
    );
    const held = monthly.strikes.find((r) => r.strike === current.strike)!.call!;
    const next = leaps.strikes.find((r) => r.strike === target.strike)!.call!;
    expect(mid.close).toMatchObject({ price: held.mid, priceSource: 'simulated mid' });
    expect(mid.open.price).toBe(next.mid);
    // Long call: close sells at the bid, open buys at the ask.
    expect(natural.close).toMatchObject({ price: held.bid, priceSource: 'simulated natural' });
    expect(natural.open.price).toBe(next.ask);
    expect(natural.net.perShare).toBeCloseTo(held.bid - next.ask, 9);
  });

  it('refuses a roll to the same contract or from an expired one', async () => {
    const same = await refused(t, 'leaps:roll', { current: leg({}), target: { strike: 600, expiry: '2027-12-17' } });
    expect(same.message).toContain('The target is the contract already held');
    const expired = await refused(t, 'leaps:roll', { current: leg({ expiry: '2025-06-20' }), target: { strike: 600, expiry: '2027-12-17' } });
    expect(expired).toMatchObject({ status: 400, message: expect.stringContaining('current.expiry: 2025-06-20 has already expired') });
  });
});
