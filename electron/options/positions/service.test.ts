// Positions through the contract: REST routes, validation messages, events, and the analyzer fed by
// the simulated chain and market (a real host with SQLite in a temp folder).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptionChain } from '../../../shared/schemas/chains';
import type { PortfolioAnalysis, Position, PositionAnalysis } from '../../../shared/schemas/positions';
import { startTestHost, type TestHost } from '../../testing/test-host';

const json = { 'content-type': 'application/json' };

describe('positions through the contract', () => {
  let t: TestHost;
  let chain: OptionChain;
  let expiry: string;
  let atm: number;
  const events: { name: string; payload: unknown }[] = [];

  beforeAll(async () => {
    t = await startTestHost();
    t.host.events.subscribe((name, payload) => events.push({ name, payload }));
    const first = (await (await t.request('/api/options/chain?underlying=SPY')).json()) as OptionChain;
    // A monthly some weeks out: no expiry-day effects, a listed strike grid.
    expiry = first.expirations.find((e) => e.kind === 'monthly' && e.daysToExpiry >= 20)!.date;
    chain = (await (await t.request(`/api/options/chain?underlying=SPY&expiry=${expiry}`)).json()) as OptionChain;
    atm = chain.atTheMoneyStrike;
  });
  afterAll(() => t.close());

  const post = (path: string, body: unknown) => t.request(path, { method: 'POST', body: JSON.stringify(body), headers: json });
  const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string; issues?: { path: (string | number)[]; message: string }[] } }).error;
  const strikeStep = () => chain.strikes[1]!.strike - chain.strikes[0]!.strike;

  it('creates, lists, reads, edits, closes and deletes a position', async () => {
    const upper = atm + 5 * strikeStep();
    const legs = [
      { kind: 'option', symbol: 'spy', right: 'call', strike: atm, expiry, quantity: 1, price: 5 },
      { kind: 'option', symbol: 'SPY', right: 'call', strike: upper, expiry, quantity: -1, price: 2 },
    ];
    const created = await post('/api/positions', { legs, notes: 'earnings drift' });
    expect(created.status).toBe(200);
    const position = (await created.json()) as Position;
    const month = new Date(`${expiry}T12:00:00Z`).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    const dateLabel = `${month} ${Number(expiry.slice(8))}`;
    expect(position.name.startsWith(`SPY ${atm}/${upper} call debit spread ${dateLabel}`)).toBe(true);
    expect(position).toMatchObject({ underlying: 'SPY', status: 'open', closedAt: null, notes: 'earnings drift', strategy: { kind: 'bull_call_spread', premium: 'debit' } });
    expect(position.legs[0]).toMatchObject({ symbol: 'SPY', multiplier: 100 });

    const list = (await (await t.request('/api/positions?status=open&symbol=spy')).json()) as { positions: Position[]; total: number };
    expect(list.positions.map((p) => p.id)).toContain(position.id);
    expect(await (await t.request(`/api/positions/${position.id}`)).json()).toEqual(position);

    // New legs rename a generated name; a name typed by the user sticks.
    const widened = legs.map((leg, i) => (i === 1 ? { ...leg, strike: upper + strikeStep() } : leg));
    const renamed = (await (await t.request(`/api/positions/${position.id}`, { method: 'PATCH', body: JSON.stringify({ legs: widened }), headers: json })).json()) as Position;
    expect(renamed.name.startsWith(`SPY ${atm}/${upper + strikeStep()} call debit spread`)).toBe(true);
    const named = (await (await t.request(`/api/positions/${position.id}`, { method: 'PATCH', body: JSON.stringify({ name: 'My spread', legs }), headers: json })).json()) as Position;
    expect(named.name).toBe('My spread');
    const closed = (await (await t.request(`/api/positions/${position.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'closed' }), headers: json })).json()) as Position;
    expect(closed.status).toBe('closed');
    expect(Date.parse(closed.closedAt!)).toBeGreaterThanOrEqual(Date.parse(closed.openedAt));
    expect(((await (await t.request('/api/positions?status=open')).json()) as { positions: Position[] }).positions.map((p) => p.id)).not.toContain(position.id);

    expect(await (await t.request(`/api/positions/${position.id}`, { method: 'DELETE' })).json()).toEqual({ removed: true });
    const again = await t.request(`/api/positions/${position.id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect((await errorOf(again)).code).toBe('not_found');
    expect(events.filter((e) => e.name === 'positions:changed').map((e) => e.payload)).toEqual([
      { reason: 'created', id: position.id },
      { reason: 'updated', id: position.id },
      { reason: 'updated', id: position.id },
      { reason: 'updated', id: position.id },
      { reason: 'deleted', id: position.id },
    ]);
  });

  it('refuses bad input with a message per field and stores nothing', async () => {
    const before = ((await (await t.request('/api/positions')).json()) as { total: number }).total;
    const leg = { kind: 'option', symbol: 'SPY', right: 'call', strike: 600, expiry, quantity: 1, price: 5 };
    const cases: [unknown, string, RegExp][] = [
      [{ legs: [{ ...leg, quantity: 0 }] }, 'legs.0.quantity', /Quantity cannot be 0/],
      [{ legs: [{ ...leg, strike: -5 }] }, 'legs.0.strike', /Strike must be above 0/],
      [{ legs: [{ ...leg, expiry: '2026-02-30' }] }, 'legs.0.expiry', /not a real calendar date/],
      [{ legs: [{ ...leg, expiry: 'next friday' }] }, 'legs.0.expiry', /YYYY-MM-DD/],
      [{ legs: [] }, 'legs', /at least one leg/],
      [{ legs: [leg, { ...leg, symbol: 'QQQ' }] }, 'legs', /same underlying \(found SPY, QQQ\)/],
      [{ legs: [leg], closedAt: '2026-01-02T15:00:00Z' }, 'closedAt', /open position has no close time/],
    ];
    for (const [body, path, message] of cases) {
      const response = await post('/api/positions', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('invalid_input');
      expect(error.issues!.find((i) => i.path.join('.') === path)?.message, path).toMatch(message);
    }
    expect(((await (await t.request('/api/positions')).json()) as { total: number }).total).toBe(before);

    for (const response of [
      await t.request('/api/positions/nope'),
      await t.request('/api/positions/nope', { method: 'PATCH', body: JSON.stringify({ notes: 'x' }), headers: json }),
      await post('/api/positions/analyze', { id: 'nope' }),
    ]) {
      expect(response.status).toBe(404);
      expect(await errorOf(response)).toMatchObject({ code: 'not_found', message: 'No position nope' });
    }
    const neither = await post('/api/positions/analyze', {});
    expect((await errorOf(neither)).issues![0]!.message).toBe('Give either id (a stored position) or legs');
  });

  it('analyses a stored position with the chain marks and a what-if', async () => {
    const strike = atm;
    const row = chain.strikes.find((r) => r.strike === strike)!;
    const created = (await (await post('/api/positions', { legs: [{ kind: 'option', symbol: 'SPY', right: 'call', strike, expiry, quantity: 2, price: 4 }] })).json()) as Position;
    const response = await post('/api/positions/analyze', { id: created.id, whatIf: { priceShiftPct: 2, daysForward: 7, ivShift: -2 } });
    expect(response.status).toBe(200);
    const analysis = (await response.json()) as PositionAnalysis;
    expect(analysis).toMatchObject({ positionId: created.id, name: created.name, underlying: 'SPY', strategy: { kind: 'long_call' }, payoffBasis: 'expiration', maxProfit: 'unlimited', maxLoss: 800 });
    const leg = analysis.legs[0]!;
    // The mark and IV are the chain's quote of that contract, valued ×2 contracts ×100.
    expect(leg.mark).toBeCloseTo(row.call!.mid!, 6);
    expect(leg.iv).toBeCloseTo(row.call!.iv!, 6);
    expect(leg.dollarGreeks.delta).toBeCloseTo(leg.greeks.delta * 200, 9);
    expect(analysis.marketValue).toBeCloseTo(row.call!.mid! * 200, 6);
    expect(analysis.unrealizedPnl).toBeCloseTo((row.call!.mid! - 4) * 200, 6);
    // Breakeven strike + 4.00 paid; a long call's POP is N(d2) there, below 50% for an at-the-money strike.
    expect(analysis.breakevens).toEqual([strike + 4]);
    expect(analysis.probabilityOfProfit).toBeGreaterThan(0);
    expect(analysis.probabilityOfProfit).toBeLessThan(0.5);
    expect(analysis.whatIf).toMatchObject({ daysForward: 7, ivShift: -2 });
    expect(analysis.whatIf!.price).toBeCloseTo(analysis.spot * 1.02, 9);
    expect(analysis.whatIf!.legs[0]!.iv).toBeCloseTo(leg.iv! - 0.02, 12);
    // SPY tracks SPX with beta 1: Δ_SPX = Δ shares × SPY / SPX.
    expect(analysis.betaWeighted.delta).toBeCloseTo((analysis.totals.delta * analysis.spot) / analysis.betaWeighted.benchmarkPrice, 9);
    expect(analysis.flags.map((f) => f.code)).toContain('events_unknown');

    const portfolio = (await (await t.request('/api/portfolio/analyze')).json()) as PortfolioAnalysis;
    const mine = portfolio.positions.find((p) => p.id === created.id)!;
    // A moment later: the clock moved, the greeks by a hair.
    expect(mine.totals.delta).toBeCloseTo(analysis.totals.delta, 2);
    expect(portfolio.byUnderlying.find((u) => u.underlying === 'SPY')!.positions).toBeGreaterThanOrEqual(1);
    expect(portfolio.errors).toEqual([]);
    expect(portfolio.totals.delta).toBeCloseTo(portfolio.positions.reduce((sum, p) => sum + p.totals.delta, 0), 9);
  });

  it('analyses legs not stored, off the listed grid, with stock', async () => {
    const body = {
      legs: [
        { kind: 'stock', symbol: 'SPY', quantity: 100, price: chain.spot },
        { kind: 'option', symbol: 'SPY', right: 'call', strike: atm + 7.37, expiry, quantity: -1, price: 1.5 },
      ],
      grid: { points: 5 },
    };
    const analysis = (await (await post('/api/positions/analyze', body)).json()) as PositionAnalysis;
    expect(analysis).toMatchObject({ positionId: null, strategy: { kind: 'covered_call' } });
    expect(analysis.legs[1]!.markSource).toBe('simulated');
    // Stock delta = its shares; the short call takes some back.
    expect(analysis.legs[0]!.dollarGreeks.delta).toBe(100);
    expect(analysis.totals.delta).toBeLessThan(100);
    // Covered call max profit: (K − entry) × 100 + 150.
    expect(analysis.maxProfit).toBeCloseTo((atm + 7.37 - chain.spot) * 100 + 150, 6);
  });
});
