import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptionChain } from '../../../shared/schemas/chains';
import { analyzePortfolio } from './analyze-portfolio';
import { analyzePosition } from './analyze-position';
import { calculateRoll } from './calculate-roll';
import { getOptionGreeks } from './get-option-greeks';
import { getOptionsChain } from './get-options-chain';
import { expectCents, startFunctionHost, type FunctionHost } from './lib/testing';
import { projectLeaps } from './project-leaps';

/** Within 0.05 % (results carry 4 significant digits). */
function expectSignificant(actual: unknown, expected: number | null): void {
  if (expected === null) return expect(actual).toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(Math.abs(expected) * 5e-4 + 1e-12);
}

describe('options functions through a real host (simulated chains held at the start)', () => {
  let h: FunctionHost;
  /** SPY's chain of the first expiration at least a week out (every leg expires together there). */
  let weekly: OptionChain;
  beforeAll(async () => {
    h = await startFunctionHost();
    const nearest = await h.call('options:chain', { underlying: 'SPY' });
    weekly = await h.call('options:chain', { underlying: 'SPY', expiry: nearest.expirations.find((e) => e.daysToExpiry >= 7)!.date });
  });
  afterAll(() => h.t.close());

  it('get_options_chain: the requested number of strikes centred on the money, quotes as the chain gives them', async () => {
    const { result, widget } = await h.run(getOptionsChain, { symbol: 'spy', expiry: weekly.expiry.date, strikes: 7 });
    expect(result).toMatchObject({ underlying: 'SPY', expiry: weekly.expiry.date, atTheMoneyStrike: weekly.atTheMoneyStrike });
    const rows = result.rows as { strike: number; call: { bid: number; ask: number; delta: number } }[];
    const strikes = weekly.strikes.map((r) => r.strike);
    const atm = strikes.indexOf(weekly.atTheMoneyStrike);
    expect(rows.map((r) => r.strike)).toEqual(strikes.slice(atm - 3, atm + 4));
    for (const row of rows) {
      const call = weekly.strikes.find((r) => r.strike === row.strike)!.call!;
      expectCents(row.call.bid, call.bid);
      expectCents(row.call.ask, call.ask);
      expect(row.call.delta).toBeCloseTo(call.delta!, 3);
    }
    expect(widget?.type).toBe('options_chain');
    if (widget?.type === 'options_chain') expect(widget.data.rows.map((r) => r.strike)).toEqual(rows.map((r) => r.strike));
    expect((result.otherExpirations as string[]).length).toBeGreaterThan(0);
    expect(getOptionsChain.parameters.safeParse({ symbol: 'SPY', strikes: 41 }).success).toBe(false);
  });

  it("get_options_chain with '0DTE' shows today's expiration, or says that nothing expires today", async () => {
    const { result } = await h.run(getOptionsChain, { symbol: 'SPX', expiry: '0DTE' });
    const nearest = await h.call('options:chain', { underlying: 'SPX' });
    expect(result.expiry).toBe(nearest.expiry.date);
    if (nearest.expiry.daysToExpiry === 0) expect(result.note).toBeUndefined();
    else expect(result.note).toContain('No SPX options expire today');
    expect((result.rows as unknown[]).length).toBe(10);
  });

  it("get_option_greeks returns the chain's own values of that contract", async () => {
    const strike = weekly.strikes[weekly.strikes.findIndex((r) => r.strike === weekly.atTheMoneyStrike) + 2]!.strike;
    const put = weekly.strikes.find((r) => r.strike === strike)!.put!;
    const { result } = await h.run(getOptionGreeks, { symbol: 'SPY', strike, right: 'put', expiry: weekly.expiry.date });
    expect(result).toMatchObject({ underlying: 'SPY', strike, right: 'put', expiry: weekly.expiry.date, contract: put.symbol, multiplier: 100 });
    expectCents(result.bid, put.bid);
    expectCents(result.ask, put.ask);
    expectCents(result.mid, put.mid);
    expect(result.iv).toBeCloseTo(put.iv!, 4);
    for (const greek of ['delta', 'gamma', 'theta', 'vega', 'rho'] as const) expectSignificant(result[greek], put[greek]);
    expect(result.delta as number).toBeLessThan(0);
  });

  it('get_option_greeks: a strike that is not listed names the nearest listed ones; an unlisted expiry the nearest expirations', async () => {
    const strikes = weekly.strikes.map((r) => r.strike);
    const gap = strikes[strikes.indexOf(weekly.atTheMoneyStrike) + 1]! - weekly.atTheMoneyStrike;
    const between = weekly.atTheMoneyStrike + gap * 0.4;
    const error = await h.run(getOptionGreeks, { symbol: 'SPY', strike: between, right: 'call', expiry: weekly.expiry.date }).catch((e: unknown) => e);
    const named = (error as Error).message.match(/nearest listed strikes are ([\d., ]+) \(/)![1]!.split(', ').map(Number);
    expect(named).toContain(weekly.atTheMoneyStrike);
    expect(named).toContain(weekly.atTheMoneyStrike + gap);
    await expect(h.run(getOptionGreeks, { symbol: 'SPY', strike: 600, right: 'call', expiry: '2031-01-18' })).rejects.toThrow(/SPY has no expiration on 2031-01-18 \(a weekend\); the nearest listed: /);
    expect(getOptionGreeks.parameters.safeParse({ symbol: 'SPY', strike: '600', right: 'call' }).success).toBe(false);
    expect(getOptionGreeks.parameters.safeParse({ symbol: 'SPY', strike: 600, right: 'straddle' }).success).toBe(false);
  });

  it('analyze_position of a call debit spread: cost, breakeven, max profit and loss as by hand', async () => {
    const i = weekly.strikes.findIndex((r) => r.strike === weekly.atTheMoneyStrike);
    const low = weekly.strikes[i]!.strike;
    const high = weekly.strikes[i + 2]!.strike;
    const [buy, sell] = [3.1, 1.4];
    const legs = [
      { right: 'call', strike: low, expiry: weekly.expiry.date, quantity: 2, price: buy },
      { right: 'call', strike: high, expiry: weekly.expiry.date, quantity: -2, price: sell },
    ];
    const { result, widget } = await h.run(analyzePosition, { underlying: '$spy', legs });
    const debit = buy - sell;
    expect(result.strategy).toBe('Bull call spread (debit)');
    expectCents(result.costBasis, debit * 100 * 2);
    expect(result.breakevens).toHaveLength(1);
    expectCents((result.breakevens as number[])[0], low + debit);
    expectCents(result.maxProfit, (high - low - debit) * 100 * 2);
    expectCents(result.maxLoss, debit * 100 * 2);
    expect(widget?.type).toBe('position_summary');
    if (widget?.type === 'position_summary') expect(widget.data.positions[0]).toMatchObject({ positionId: null, underlying: 'SPY', breakevens: [low + debit] });
  });

  it('analyze_position without entry prices opens the legs at their current mark (no P&L yet), and says so', async () => {
    const { result } = await h.run(analyzePosition, { underlying: 'SPY', legs: [{ right: 'put', strike: weekly.atTheMoneyStrike, expiry: weekly.expiry.date, quantity: 1 }, { right: 'stock', quantity: 100 }] });
    expectCents(result.unrealizedPnl, 0);
    expectCents(result.costBasis, result.marketValue as number);
    expect((result.notes as string[]).join(' ')).toMatch(/last price .* is used.*|current mark/);
    expect(result.strategy).toBe('Protective put');
  });

  it('analyze_position of a stored position by id; arguments that are neither or both are refused by the schema', async () => {
    const stored = await h.call('positions:create', { legs: [{ kind: 'option', symbol: 'QQQ', right: 'call', strike: 500, expiry: weekly.expiry.date, quantity: 1, price: 2 }] });
    const { result } = await h.run(analyzePosition, { positionId: stored.id });
    expect(result).toMatchObject({ positionId: stored.id, name: stored.name, underlying: 'QQQ' });
    await expect(h.run(analyzePosition, { positionId: 'nope' })).rejects.toThrow(/nope/);
    const parse = (args: unknown) => analyzePosition.parameters.safeParse(args);
    expect(parse({}).success).toBe(false);
    expect(parse({ positionId: stored.id, underlying: 'SPY', legs: [{ right: 'stock', quantity: 1 }] }).success).toBe(false);
    expect(parse({ legs: [{ right: 'stock', quantity: 1 }] }).success).toBe(false);
    expect(parse({ underlying: 'SPY', legs: [{ right: 'call', quantity: 1 }] }).error?.issues[0]?.message).toBe('Leg 1 is an option: give its strike');
    expect(parse({ underlying: 'SPY', legs: [{ right: 'call', strike: 600, quantity: 0 }] }).success).toBe(false);
    expect(parse({ underlying: 'SPY', legs: [{ right: 'call', strike: 600, quantity: 1, side: 'long' }] }).success).toBe(false);
  });

  it('analyze_portfolio adds up the open positions (rows and total as portfolio:analyze has them)', async () => {
    await h.call('positions:create', { legs: [{ kind: 'stock', symbol: 'SPY', quantity: 50, price: 500 }] });
    const portfolio = await h.call('portfolio:analyze', {});
    const { result, widget } = await h.run(analyzePortfolio, {});
    expect((result.positions as unknown[]).length).toBe(portfolio.positions.length);
    expect(portfolio.positions.length).toBeGreaterThanOrEqual(2);
    expect(widget?.type).toBe('pnl_tracker');
    if (widget?.type !== 'pnl_tracker') return;
    const rowsSum = widget.data.rows.reduce((sum, row) => sum + row.unrealizedPnl, 0);
    expect(Math.abs(rowsSum - widget.data.total.unrealizedPnl)).toBeLessThanOrEqual(0.005 * widget.data.rows.length + 1e-9);
    expectCents(widget.data.total.costBasis, portfolio.costBasis);
    const stock = widget.data.rows.find((r) => r.label.includes('SPY'))!;
    expectCents(stock.costBasis, 50 * 500);
  });

  it('project_leaps: cost from the entry price, and at expiry the option is worth its intrinsic value', async () => {
    const chain = await h.call('options:chain', { underlying: 'SPY' });
    const leaps = chain.expirations.find((e) => e.kind === 'leaps')!;
    const strike = Math.round(chain.spot / 10) * 10;
    const { result } = await h.run(projectLeaps, { symbol: 'SPY', right: 'call', strike, expiry: leaps.date, quantity: 2, price: 40 });
    expectCents(result.costBasis, 40 * 100 * 2);
    const rows = result.pnlByDate as Record<string, number | string>[];
    expect(rows.at(-1)!.date).toBe(leaps.date);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.length).toBeLessThanOrEqual(8);
    const spot = result.spot as number;
    for (const move of [-20, 10, 20]) {
      const underlying = spot * (1 + move / 100);
      const intrinsic = Math.max(0, underlying - strike) * 100 * 2;
      expect(rows.at(-1)![`${move > 0 ? '+' : ''}${move}%`] as number).toBeCloseTo(intrinsic - 8000, -1);
    }
    expect(result.note).toBeUndefined();
  });

  it("calculate_roll: the net is the close mid minus the open mid from the chains (long call rolled out)", async () => {
    const monthlies = weekly.expirations.filter((e) => e.kind === 'monthly');
    const [near, far] = [monthlies[1]!, monthlies[3]!];
    const [nearChain, farChain] = await Promise.all([h.call('options:chain', { underlying: 'SPY', expiry: near.date }), h.call('options:chain', { underlying: 'SPY', expiry: far.date })]);
    const listedInBoth = nearChain.strikes.filter((r) => farChain.strikes.some((f) => f.strike === r.strike)).map((r) => r.strike);
    const strike = listedInBoth.sort((a, b) => Math.abs(a - nearChain.spot) - Math.abs(b - nearChain.spot))[0]!;
    const close = nearChain.strikes.find((r) => r.strike === strike)!.call!.mid;
    const open = farChain.strikes.find((r) => r.strike === strike)!.call!.mid;
    const { result } = await h.run(calculateRoll, { symbol: 'SPY', right: 'call', strike, expiry: near.date, newExpiry: far.date, quantity: 3, price: 5 });
    expect(result.roll).toBe('Roll out');
    expectCents((result.close as { pricePerShare: number }).pricePerShare, close);
    expectCents((result.open as { pricePerShare: number }).pricePerShare, open);
    const net = result.net as { type: string; perShare: number; dollars: number };
    expect(net.type).toBe('debit');
    expectCents(net.perShare, close - open);
    expect(Math.abs(net.dollars - (close - open) * 100 * 3)).toBeLessThanOrEqual(0.01);
  });
});
