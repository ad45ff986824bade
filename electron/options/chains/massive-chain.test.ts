import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { optionChainRoute, startFakeMassive, type FakeMassive, type FakeOptionContract } from '../../testing/fake-massive';
import { yearsToExpiry } from '../pricing/expiry';
import { priceOption } from '../pricing/price-option';
import { DEFAULT_RISK_FREE_RATE, optionUnderlying } from '../pricing/underlyings';
import { OPTION_CHAIN_TTL_MS } from './massive-chain';
import { chainServiceAt, type ChainServiceFixture } from './testing';

const NOW = DateTime.fromISO('2026-02-11T11:00', { zone: 'America/New_York' }).toMillis();
const SPOT = 601.23;
const EXPIRY = '2026-02-13'; // the Friday weekly

/** SPY's stock snapshot (Massive's /v2/snapshot shape), last trade at SPOT. */
const spySnapshot = {
  status: 'OK',
  tickers: [{ ticker: 'SPY', todaysChange: 4.02, todaysChangePerc: 0.673, updated: 1_770_825_600_000_000_000, day: { c: SPOT }, lastTrade: { p: SPOT, t: 1_770_825_600_000_000_000 }, prevDay: { c: 597.21 } }],
};
const spxSnapshot = {
  status: 'OK',
  results: [{ ticker: 'I:SPX', value: 6030.5, last_updated: 1_770_825_600_000_000_000, session: { change: 20, change_percent: 0.33, close: 6030.5, previous_close: 6010.5 } }],
};

/**
 * Quotes a market maker would show if every contract were worth its American price at 20 % volatility:
 * a 2-cent market around it. The chain must recover 20 % from the mids.
 */
function spyContracts(): FakeOptionContract[] {
  const years = yearsToExpiry(NOW, EXPIRY, 'PM');
  const { dividendYield } = optionUnderlying('SPY');
  return [590, 595, 598, 600, 601, 602, 605, 610, 615, 620].flatMap((strike) =>
    (['call', 'put'] as const).map((right) => {
      const fair = priceOption({ right, spot: SPOT, strike, years, rate: DEFAULT_RISK_FREE_RATE, dividendYield, vol: 0.2 }, 'american').price;
      const bid = Math.floor(fair * 100) / 100;
      return { underlying: 'SPY', expiry: EXPIRY, right, strike, bid, ask: bid + 0.02, last: bid + 0.01, volume: 1200, openInterest: 5400, underlyingPrice: SPOT };
    }),
  );
}

describe('option chains from Massive.com', () => {
  let fake: FakeMassive;
  let clock: number;
  let fixture: ChainServiceFixture;
  const optionRequests = () => fake.requests.filter((r) => r.url.startsWith('/v3/snapshot/options/'));

  beforeEach(async () => {
    fake = await startFakeMassive();
    clock = NOW;
    fixture = chainServiceAt(() => clock, { apiKey: 'test-key', massiveUrl: fake.url });
    fake.routes.push((url) => (url.pathname.startsWith('/v2/snapshot/locale/us/markets/stocks/tickers') ? { body: spySnapshot } : undefined));
    fake.routes.push((url) => (url.pathname === '/v3/snapshot/indices' ? { body: spxSnapshot } : undefined));
  });
  afterEach(async () => {
    fixture.close();
    await fake.close();
  });

  it('reads every page of the snapshot (next_url), authorised each time, and recomputes IV and greeks from the mids', async () => {
    const contracts = spyContracts();
    // One contract without a quote: nothing to price from, left out.
    contracts.push({ underlying: 'SPY', expiry: EXPIRY, right: 'call', strike: 650, volume: 0, openInterest: 3 });
    fake.routes.push(optionChainRoute(() => fake.url, contracts, 8));
    const chain = await fixture.service.chain('SPY', EXPIRY);

    expect(chain).toMatchObject({ underlying: 'SPY', source: 'massive', spot: SPOT, style: 'american', expiry: { date: EXPIRY, kind: 'weekly', settlement: 'PM' } });
    // 21 contracts, 8 a page: three pages; the first asks for the expiry, the next ones carry only the cursor.
    const requests = optionRequests();
    expect(requests).toHaveLength(3);
    expect(requests[0]!.url).toBe(`/v3/snapshot/options/SPY?expiration_date=${EXPIRY}&limit=250`);
    expect(requests.slice(1).every((r) => /^\/v3\/snapshot\/options\/SPY\?cursor=/.test(r.url))).toBe(true);
    expect(requests.every((r) => r.authorization === 'Bearer test-key')).toBe(true);

    expect(chain.strikes.map((r) => r.strike)).toEqual([590, 595, 598, 600, 601, 602, 605, 610, 615, 620]);
    const call600 = chain.strikes.find((r) => r.strike === 600)!.call!;
    expect(call600).toMatchObject({ symbol: 'SPY260213C00600000', volume: 1200, openInterest: 5400, inTheMoney: true });
    expect(call600.last).toBeCloseTo(call600.bid + 0.01, 10);
    for (const c of chain.strikes.flatMap((r) => [r.call!, r.put!])) {
      // The mid is within a cent of the 20 %-vol price: the IV is within a cent's worth of vega of 20 %.
      const tolerance = 0.01 / (100 * c.vega!) + 1e-6;
      expect(Math.abs(c.iv! - 0.2), c.symbol).toBeLessThanOrEqual(tolerance);
    }
  });

  it('keeps a chain for a minute, then asks again', async () => {
    fake.routes.push(optionChainRoute(() => fake.url, spyContracts()));
    await fixture.service.chain('SPY', EXPIRY);
    clock += OPTION_CHAIN_TTL_MS - 1;
    await fixture.service.chain('SPY', EXPIRY);
    expect(optionRequests()).toHaveLength(1);
    clock += 1;
    await fixture.service.chain('SPY', EXPIRY);
    expect(optionRequests()).toHaveLength(2);
  });

  it('asks for index chains with the I: prefix and says when Massive lists nothing for the expiry', async () => {
    fake.routes.push(optionChainRoute(() => fake.url, []));
    await expect(fixture.service.chain('SPX', '2026-02-12')).rejects.toMatchObject({ code: 'not_found', message: 'Massive.com lists no SPX contracts expiring 2026-02-12' });
    expect(optionRequests()[0]!.url).toBe('/v3/snapshot/options/I:SPX?expiration_date=2026-02-12&limit=250');
  });

  it('shares the market circuit breaker: repeated 500s open it and later calls fail fast without a request', async () => {
    fake.routes.push((url) => (url.pathname.startsWith('/v3/snapshot/options/') ? { status: 500, body: { status: 'ERROR', error: 'Internal Server Error' } } : undefined));
    await expect(fixture.service.chain('SPY', EXPIRY)).rejects.toMatchObject({ code: 'unavailable' });
    await expect(fixture.service.chain('SPY', EXPIRY)).rejects.toMatchObject({ code: 'unavailable' });
    expect(fixture.breakers.get('massive')!.state).toBe('open');
    const before = optionRequests().length;
    await expect(fixture.service.chain('SPY', EXPIRY)).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('massive is unavailable') });
    expect(optionRequests()).toHaveLength(before);
  });

  it('marks a strike between listed ones at the interpolated IV of its neighbours', async () => {
    fake.routes.push(optionChainRoute(() => fake.url, spyContracts()));
    const chain = await fixture.service.chain('SPY', EXPIRY);
    const mark = await fixture.service.mark({ symbol: 'SPY', right: 'call', strike: 603.5, expiry: EXPIRY });
    // Above the spot the calls are out of the money: between the 602 and 605 calls' IVs, halfway.
    const iv = (k: number) => chain.strikes.find((r) => r.strike === k)!.call!.iv!;
    expect(mark.iv).toBeCloseTo(iv(602) + ((603.5 - 602) / 3) * (iv(605) - iv(602)), 12);
    expect(mark).toMatchObject({ source: 'massive', spot: SPOT, style: 'american' });
    expect(mark.mid).toBeLessThan(chain.strikes.find((r) => r.strike === 602)!.call!.mid);
    expect(mark.mid).toBeGreaterThan(chain.strikes.find((r) => r.strike === 605)!.call!.mid);
  });
});
