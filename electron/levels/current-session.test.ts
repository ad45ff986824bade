import { afterAll, describe, expect, it } from 'vitest';
import type { LevelsResponse } from '../../shared/schemas/levels';
import { Database } from '../db/database';
import { MarketService } from '../market/service';
import { CircuitBreaker } from '../net/circuit-breaker';
import { silentLogger } from '../observability/logger';
import { LevelsService } from './service';

/** `levels:get` without a date at a given New York wall clock (December: New York is UTC-5). */
describe('levels:get for the current session, by the clock', () => {
  const db = new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 1000 });
  afterAll(() => db.close());
  const levelsAt = (utc: string, symbol: string) => {
    const now = () => Date.parse(utc);
    const market = new MarketService({ db, logger: silentLogger, apiKey: () => undefined, baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000, breaker: new CircuitBreaker('test'), now });
    return Promise.all([new LevelsService({ market, now }).levels({ symbol }), market.quote(symbol)]);
  };
  const distanceOf = (result: LevelsResponse, name: string) => result.levels.find((l) => l.name === name)!.distance;

  it("an index before its 09:30 open: today's session, measured from its last print (yesterday's close)", async () => {
    const [spx, quote] = await levelsAt('2026-12-07T13:00:00Z', 'SPX'); // Monday 08:00
    expect(spx).toMatchObject({ date: '2026-12-07', previousDate: '2026-12-04', lastPrice: quote.last });
    expect(quote.time).toBeLessThan(Date.parse('2026-12-05T00:00:00Z')); // Friday's print
    expect(distanceOf(spx, 'PDC')!.points).toBeCloseTo(spx.levels.find((l) => l.name === 'PDC')!.price - quote.last, 9);
  });

  it("a stock in pre-market: today's session, measured from the pre-market print", async () => {
    const [spy, quote] = await levelsAt('2026-12-07T13:00:00Z', 'SPY');
    expect(spy).toMatchObject({ date: '2026-12-07', lastPrice: quote.last });
    expect(quote.session).toBe('pre');
    expect(spy.levels.map((l) => l.name)).toEqual(expect.arrayContaining(['PMH', 'PML']));
  });

  it('before 04:00, at midnight and on a holiday: the session before, measured from its last print', async () => {
    for (const [utc, date] of [
      ['2026-12-07T08:59:00Z', '2026-12-04'], // Monday 03:59
      ['2026-12-08T05:00:00Z', '2026-12-07'], // Tuesday 00:00
      ['2026-12-25T17:00:00Z', '2026-12-24'], // Christmas; the 24th closed at 13:00
    ] as const) {
      const [spy, quote] = await levelsAt(utc, 'SPY');
      expect(spy, utc).toMatchObject({ date, lastPrice: quote.last });
      expect(distanceOf(spy, 'PDH'), utc).not.toBeNull();
    }
  });
});
