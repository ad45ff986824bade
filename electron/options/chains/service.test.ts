import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChainContract, OptionChain } from '../../../shared/schemas/chains';
import { CoachError } from '../../../shared/errors';
import { marketDate } from '../../market/calendar';
import { symbolProfile } from '../../market/symbols';
import { MS_PER_YEAR } from '../pricing/expiry';
import { PRICED_CHAIN_TTL_MS } from './service';
import { smileFor, smileVol } from './smile';
import { chainServiceAt, parityViolations, type ChainServiceFixture } from './testing';

const newYork = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();
const contracts = (chain: OptionChain) => chain.strikes.flatMap((row) => [row.call, row.put]).filter((c): c is ChainContract => c !== null);

/** Every property a simulated chain must have; put–call parity first. */
function expectSoundChain(chain: OptionChain): void {
  expect(parityViolations(chain), `${chain.underlying} ${chain.expiry.date}`).toEqual([]);
  expect(chain.strikes.map((r) => r.strike)).toEqual([...chain.strikes.map((r) => r.strike)].sort((a, b) => a - b));
  const nearest = Math.min(...chain.strikes.map((r) => Math.abs(r.strike - chain.spot)));
  expect(Math.abs(chain.atTheMoneyStrike - chain.spot)).toBe(nearest);
  for (const c of contracts(chain)) {
    expect(c.bid).toBeGreaterThanOrEqual(0);
    expect(c.bid).toBeLessThanOrEqual(c.mid);
    expect(c.mid).toBeLessThanOrEqual(c.ask);
    expect(c.mid).toBeCloseTo((c.bid + c.ask) / 2, 12);
    expect(c.inTheMoney).toBe(c.right === 'call' ? c.strike < chain.spot : c.strike > chain.spot);
    expect(c.symbol).toMatch(/^[A-Z]{1,6}\d{6}[CP]\d{8}$/);
    if (c.last !== null) expect(c.last >= c.bid && c.last <= c.ask).toBe(true);
    if (c.iv === null) continue;
    expect(c.delta!).toBeGreaterThanOrEqual(c.right === 'call' ? 0 : -1);
    expect(c.delta!).toBeLessThanOrEqual(c.right === 'call' ? 1 : 0);
    expect(c.gamma!).toBeGreaterThanOrEqual(0);
    expect(c.vega!).toBeGreaterThanOrEqual(0);
  }
  // Liquid contracts have an implied volatility, unless an American one is worth no more than exercising now.
  const intrinsic = (c: ChainContract) => Math.max(0, c.right === 'call' ? chain.spot - c.strike : c.strike - chain.spot);
  const liquid = contracts(chain).filter((c) => c.bid > 0 && Math.abs(Math.log(c.strike / chain.spot)) < 0.02);
  const exercisable = (c: ChainContract) => chain.style === 'american' && c.mid <= intrinsic(c) + 1e-9;
  expect(liquid.filter((c) => c.iv === null && !exercisable(c))).toEqual([]);
}

const UNDERLYINGS = ['SPX', 'NDX', 'SPY', 'IWM', 'AAPL', 'JPM', 'TSLA'];
const CLOCKS = {
  midMorning: newYork('2026-02-11T10:30'), // a Wednesday
  beforeGoodFriday: newYork('2026-04-02T15:30'), // the Thursday that takes Good Friday's expirations
  preMarket: newYork('2026-12-01T08:00'),
  saturday: newYork('2026-03-28T12:00'),
};

describe('simulated option chains', () => {
  const fixtures: ChainServiceFixture[] = [];
  const at = (now: number) => {
    const fixture = chainServiceAt(() => now);
    fixtures.push(fixture);
    return fixture.service;
  };
  afterAll(() => fixtures.forEach((f) => f.close()));

  // Indices (European) and ETFs and stocks (American) with and without dividends, at four clocks.
  for (const [name, now] of Object.entries(CLOCKS)) {
    it(`hold put–call parity, bid ≤ mid ≤ ask and sane greeks on every underlying and kind of expiry (${name})`, async () => {
      const service = at(now);
      let checked = 0;
      for (const underlying of UNDERLYINGS) {
        const first = await service.chain(underlying);
        const pick = (kind: string) => first.expirations.find((e) => e.kind === kind)?.date;
        const picks = new Set([first.expiry.date, pick('weekly'), pick('monthly'), pick('leaps')].filter((d): d is string => d !== undefined));
        for (const expiry of picks) {
          const chain = expiry === first.expiry.date ? first : await service.chain(underlying, expiry);
          expect(chain).toMatchObject({ underlying, source: 'simulated', style: symbolProfile(underlying)!.kind === 'index' ? 'european' : 'american', multiplier: 100 });
          expectSoundChain(chain);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(3 * UNDERLYINGS.length);
    });
  }

  it('quotes the smile: the IV implied by each near-the-money mid is the smile volatility within its half spread', async () => {
    const now = CLOCKS.midMorning;
    const service = at(now);
    for (const underlying of ['SPX', 'SPY', 'AAPL']) {
      const chain = await service.chain(underlying, (await service.chain(underlying)).expirations.find((e) => e.kind === 'monthly')!.date);
      const smile = smileFor(symbolProfile(underlying)!, marketDate(now));
      const forward = chain.spot * Math.exp((chain.rate - chain.dividendYield) * chain.yearsToExpiry);
      for (const c of contracts(chain).filter((x) => Math.abs(Math.log(x.strike / chain.spot)) < 0.03)) {
        const truth = smileVol(smile, c.strike, forward, chain.yearsToExpiry);
        // A price error of half the spread moves the IV by at most that much over vega (per 1.00 of vol = 100 × vega).
        const tolerance = (c.ask - c.bid) / 2 / (100 * c.vega!) + 1e-6;
        expect(Math.abs(c.iv! - truth), `${underlying} ${c.symbol}`).toBeLessThanOrEqual(tolerance);
      }
      // The put skew shows in the chain: a 5 %-out put is dearer in vol than the at-the-money put.
      const put = (k: number) => chain.strikes.reduce((best, r) => (Math.abs(r.strike - k) < Math.abs(best.strike - k) ? r : best)).put!;
      expect(put(chain.spot * 0.95).iv!).toBeGreaterThan(put(chain.spot).iv!);
    }
  });

  it('is deterministic per (underlying, clock) across service instances, and moves with the date', async () => {
    const a = await at(CLOCKS.midMorning).chain('SPX');
    const b = await at(CLOCKS.midMorning).chain('SPX');
    expect(b).toEqual(a);
    expectSoundChain(a);
    const nextDay = await at(CLOCKS.midMorning + 86_400_000).chain('SPX');
    expectSoundChain(nextDay);
    expect(nextDay.strikes[0]!.call).not.toEqual(a.strikes[0]!.call);
  });

  it('trades most near the money and on short tenors; volume builds through the session; open interest stays', async () => {
    const morning = at(newYork('2026-02-11T10:30'));
    const afternoon = at(newYork('2026-02-11T15:30'));
    const zeroDte = await morning.chain('SPY');
    expect(zeroDte.expiry).toMatchObject({ date: '2026-02-11', kind: '0dte', daysToExpiry: 0 });
    const leaps = await morning.chain('SPY', zeroDte.expirations.find((e) => e.kind === 'leaps')!.date);
    [zeroDte, leaps].forEach(expectSoundChain);
    const meanVolume = (list: ChainContract[]) => list.reduce((sum, c) => sum + c.volume, 0) / list.length;
    const all = contracts(zeroDte);
    // SPY moves about 0.8 % a day (σ ≈ 13 % / √365): within 0.4 % is the money, beyond 2.5 % three days' moves away.
    const distance = (c: ChainContract) => Math.abs(Math.log(c.strike / zeroDte.spot));
    const nearMoney = all.filter((c) => distance(c) < 0.004);
    const wings = all.filter((c) => distance(c) > 0.025);
    expect(meanVolume(nearMoney)).toBeGreaterThan(3 * meanVolume(wings));
    // At the money, a 0DTE trades far more than a LEAPS (the three strikes nearest the spot, calls and puts).
    const atTheMoney = (chain: OptionChain) => contracts(chain).sort((a, b) => Math.abs(a.strike - chain.spot) - Math.abs(b.strike - chain.spot)).slice(0, 6);
    expect(meanVolume(atTheMoney(zeroDte))).toBeGreaterThan(5 * meanVolume(atTheMoney(leaps)));

    const later = await afternoon.chain('SPY', '2026-02-11');
    expectSoundChain(later);
    // 10:30 is 1/6.5 of the session gone, 15:30 is 6/6.5: the day's volume grows about sixfold;
    // open interest, settled overnight, is the same on every contract.
    const total = (chain: OptionChain) => contracts(chain).reduce((sum, c) => sum + c.volume, 0);
    expect(total(later)).toBeGreaterThan(4 * total(zeroDte));
    const morningOi = new Map(contracts(zeroDte).map((c) => [c.symbol, c.openInterest]));
    const common = contracts(later).filter((c) => morningOi.has(c.symbol));
    expect(common.length).toBeGreaterThan(30);
    expect(common.every((c) => c.openInterest === morningOi.get(c.symbol))).toBe(true);
  });

  it('quotes wider away from the money (relative to premium) and on longer tenors', async () => {
    const service = at(CLOCKS.midMorning);
    const week = await service.chain('AAPL');
    const year = await service.chain('AAPL', week.expirations.filter((e) => e.kind === 'monthly').at(-1)!.date);
    [week, year].forEach(expectSoundChain);
    const relative = (c: ChainContract) => (c.ask - c.bid) / c.mid;
    const atmCall = (chain: OptionChain) => chain.strikes.find((r) => r.strike === chain.atTheMoneyStrike)!.call!;
    const wingCall = week.strikes.filter((r) => r.call!.bid > 0 && r.call!.delta! < 0.1)[0]!.call!;
    expect(relative(wingCall)).toBeGreaterThan(relative(atmCall(week)));
    expect(atmCall(year).ask - atmCall(year).bid).toBeGreaterThan(atmCall(week).ask - atmCall(week).bid);
  });

  it('reuses an analysed expiration for five seconds (the legs of a position and the tab ask together), then prices it again', async () => {
    let clock = CLOCKS.midMorning;
    const fixture = chainServiceAt(() => clock);
    fixtures.push(fixture);
    const first = await fixture.service.chain('SPY');
    clock += PRICED_CHAIN_TTL_MS - 1;
    expect((await fixture.service.chain('SPY')).asOf).toBe(first.asOf);
    clock += 1;
    const fresh = await fixture.service.chain('SPY');
    expect(fresh.asOf).toBe(first.asOf + PRICED_CHAIN_TTL_MS);
    expect(fresh.yearsToExpiry).toBeLessThan(first.yearsToExpiry);
    expectSoundChain(fresh);
  });

  it('names SPX contracts by settlement: SPXW for PM dailies and weeklies, SPX for the AM monthly', async () => {
    const service = at(CLOCKS.preMarket);
    const daily = await service.chain('SPX');
    expect(daily.expiry).toMatchObject({ date: '2026-12-01', kind: '0dte', settlement: 'PM' });
    expect(daily.strikes[0]!.call!.symbol).toMatch(/^SPXW261201C\d{8}$/);
    const monthly = await service.chain('SPX', '2026-12-18');
    expect(monthly.expiry).toMatchObject({ kind: 'monthly', settlement: 'AM' });
    expect(monthly.strikes[0]!.put!.symbol).toMatch(/^SPX261218P\d{8}$/);
    // Settlement at 09:30 on 2026-12-18 from 08:00 on 2026-12-01: 17 days and 1.5 hours.
    expect(monthly.yearsToExpiry * MS_PER_YEAR).toBeCloseTo((17 * 24 + 1.5) * 3_600_000, -3);
  });

  it('refuses unknown underlyings and unlisted or past expirations with clear messages', async () => {
    const service = at(CLOCKS.midMorning);
    await expect(service.chain('ZZZZ')).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('Unknown underlying ZZZZ') });
    await expect(service.chain('VIX')).rejects.toMatchObject({ code: 'not_found', message: 'The simulated market lists no options on VIX' });
    await expect(service.chain('SPY', '2026-02-14')).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'Invalid input for options:chain: expiry: SPY has no expiration on 2026-02-14 (a weekend); the nearest listed: 2026-02-13 and 2026-02-17',
    });
    await expect(service.chain('AAPL', '2026-02-16')).rejects.toMatchObject({ message: expect.stringContaining("(a market holiday: Washington's Birthday)") });
    await expect(service.chain('SPY', '2026-02-10')).rejects.toMatchObject({
      message: 'Invalid input for options:chain: expiry: 2026-02-10 has already expired (today is 2026-02-11 in New York); the nearest listed expiration is 2026-02-11',
    });
    await expect(service.chain('SPY', '2031-01-17')).rejects.toBeInstanceOf(CoachError);
  });
});

describe('contract marks', () => {
  const now = CLOCKS.midMorning;
  const fixture = chainServiceAt(() => now);
  afterAll(() => fixture.close());
  const service = fixture.service;

  it('marks a listed contract at its chain quote', async () => {
    const chain = await service.chain('SPX', '2026-03-20');
    const row = chain.strikes.find((r) => r.strike === chain.atTheMoneyStrike)!;
    const mark = await service.mark({ symbol: 'SPX', right: 'put', strike: row.strike, expiry: '2026-03-20' });
    expect(mark).toEqual({
      bid: row.put!.bid,
      ask: row.put!.ask,
      mid: row.put!.mid,
      iv: row.put!.iv,
      spot: chain.spot,
      years: chain.yearsToExpiry,
      rate: chain.rate,
      dividendYield: chain.dividendYield,
      style: 'european',
      greeks: { delta: row.put!.delta, gamma: row.put!.gamma, theta: row.put!.theta, vega: row.put!.vega, rho: row.put!.rho },
      source: 'simulated',
    });
  });

  it('prices a strike off the grid from the smile, between its listed neighbours', async () => {
    const chain = await service.chain('SPX', '2026-03-20');
    const listed = chain.strikes.filter((r) => r.strike % 5 === 0 && Math.abs(r.strike - chain.spot) < 40);
    const low = listed[2]!;
    const mark = await service.mark({ symbol: 'SPX', right: 'call', strike: low.strike + 2.5, expiry: '2026-03-20' });
    const high = chain.strikes[chain.strikes.indexOf(low) + 1]!;
    expect(mark.mid).toBeLessThan(low.call!.mid);
    expect(mark.mid).toBeGreaterThan(high.call!.mid);
    const forward = chain.spot * Math.exp((chain.rate - chain.dividendYield) * chain.yearsToExpiry);
    expect(mark.iv).toBeCloseTo(smileVol(smileFor(symbolProfile('SPX')!, '2026-02-11'), low.strike + 2.5, forward, chain.yearsToExpiry), 12);
    expect(mark.bid).toBeLessThanOrEqual(mark.mid);
    expect(mark.ask).toBeGreaterThanOrEqual(mark.mid);
  });

  it('prices an expiry off the calendar by its own tenor, and counts time from atMs', async () => {
    const strike = (await service.chain('SPY')).atTheMoneyStrike;
    const mid = async (expiry: string) => (await service.mark({ symbol: 'SPY', right: 'call', strike, expiry })).mid;
    // 2027-06-30 is no listed expiration (a Wednesday past the dailies); it sits between the June and July monthlies.
    const [june, offGrid, july] = [await mid('2027-06-17'), await mid('2027-06-30'), await mid('2027-07-16')];
    expect(june).toBeLessThan(offGrid);
    expect(offGrid).toBeLessThan(july);

    const later = now + 30 * 86_400_000;
    const today = await service.mark({ symbol: 'SPY', right: 'call', strike, expiry: '2027-06-30' });
    const inAMonth = await service.mark({ symbol: 'SPY', right: 'call', strike, expiry: '2027-06-30' }, later);
    expect(today.years - inAMonth.years).toBeCloseTo((30 * 86_400_000) / MS_PER_YEAR, 12);
    expect(inAMonth.mid).toBeLessThan(today.mid);
    expect(inAMonth.greeks.theta).toBeLessThan(0);
  });
});
