import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelAlert } from './cancel-alert';
import { getAlerts } from './get-alerts';
import { expectCents, startFunctionHost, type FunctionHost } from './lib/testing';
import { setAlert } from './set-alert';

describe('alert functions through a real host', () => {
  let h: FunctionHost;
  beforeAll(async () => {
    h = await startFunctionHost();
  });
  afterAll(() => h.t.close());

  it('set_alert at a price stores an active alert and shows it on a created card', async () => {
    const { result, widget } = await h.run(setAlert, { symbol: 'spx', condition: 'crosses_above', price: 7000, note: 'breakout' });
    const { alerts } = await h.call('alerts:list', { status: 'active', symbol: 'SPX' });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ symbol: 'SPX', condition: 'crosses_above', targetPrice: 7000, level: null, note: 'breakout' });
    expect(result.created).toMatchObject({ id: alerts[0]!.id, targetPrice: 7000, status: 'active' });
    expect(widget).toMatchObject({ type: 'alert_status', data: { action: 'created', alerts: [{ id: alerts[0]!.id }] } });
  });

  it("set_alert at a key level takes the trader's spelling ('r1' → 'R1 (classic)') and says where the level is today", async () => {
    const { result } = await h.run(setAlert, { symbol: 'SPY', condition: 'crosses', level: 'r1' });
    expect(result.created).toMatchObject({ symbol: 'SPY', level: 'R1 (classic)', targetPrice: null });
    const levels = await h.call('levels:get', { symbol: 'SPY' });
    expectCents(result.levelPriceNow, levels.levels.find((l) => l.name === 'R1 (classic)')!.price);
    await expect(h.run(setAlert, { symbol: 'SPY', condition: 'above', level: 'ORH' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('ORH 5m, 15m or 30m') });
  });

  it('set_alert: price and level together, or neither, or a percent condition, are refused by the schema; an unknown symbol by the service', async () => {
    const parse = (args: unknown) => setAlert.parameters.safeParse(args);
    expect(parse({ symbol: 'SPY', condition: 'above', price: 600, level: 'PDH' }).success).toBe(false);
    expect(parse({ symbol: 'SPY', condition: 'above' }).success).toBe(false);
    expect(parse({ symbol: 'SPY', condition: 'pct_move_up', price: 600 }).success).toBe(false);
    expect(parse({ symbol: 'SPY', condition: 'above', price: -5 }).success).toBe(false);
    await expect(h.run(setAlert, { symbol: 'ZZZZQ', condition: 'above', price: 10 })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('get_alerts lists the active alerts by default, or one symbol, or another status', async () => {
    await h.run(setAlert, { symbol: 'QQQ', condition: 'below', price: 400 });
    await h.run(setAlert, { symbol: 'QQQ', condition: 'above', price: 600 });
    const all = await h.run(getAlerts, {});
    expect(all.result).toMatchObject({ status: 'active', count: 4 });
    expect(all.widget).toMatchObject({ type: 'alert_status', data: { action: 'list' } });
    const qqq = await h.run(getAlerts, { symbol: '$qqq' });
    expect((qqq.result.alerts as { symbol: string }[]).map((a) => a.symbol)).toEqual(['QQQ', 'QQQ']);
    expect((await h.run(getAlerts, { status: 'cancelled' })).result.count).toBe(0);
    expect(getAlerts.parameters.safeParse({ status: 'open' }).success).toBe(false);
  });

  it('cancel_alert by symbol and price cancels only the alert at that price; a price with no alert names the ones there are', async () => {
    const missing = await h.run(cancelAlert, { symbol: 'QQQ', price: 500 }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'not_found' });
    expect((missing as Error).message).toMatch(/^No active QQQ alert at 500; the active QQQ alerts are: QQQ above 600 \(id .+\); QQQ below 400 \(id .+\)$/);

    const { result, widget } = await h.run(cancelAlert, { symbol: 'QQQ', price: 600.25 });
    expect(result.cancelled).toEqual([expect.objectContaining({ symbol: 'QQQ', targetPrice: 600, status: 'cancelled' })]);
    expect(widget).toMatchObject({ type: 'alert_status', data: { action: 'cancelled', alerts: [{ status: 'cancelled' }] } });
    expect((await h.call('alerts:list', { status: 'active', symbol: 'QQQ' })).alerts.map((a) => a.targetPrice)).toEqual([400]);
  });

  it('cancel_alert with a symbol only cancels all its active alerts; then there is nothing left to cancel; an id cancels that one', async () => {
    await h.run(setAlert, { symbol: 'QQQ', condition: 'crosses', price: 450 });
    const { result } = await h.run(cancelAlert, { symbol: 'QQQ' });
    expect((result.cancelled as { targetPrice: number }[]).map((a) => a.targetPrice).sort()).toEqual([400, 450]);
    await expect(h.run(cancelAlert, { symbol: 'QQQ' })).rejects.toMatchObject({ code: 'not_found', message: 'QQQ has no active alerts: nothing to cancel' });

    const [spx] = (await h.call('alerts:list', { status: 'active', symbol: 'SPX' })).alerts;
    const byId = await h.run(cancelAlert, { alertId: spx!.id });
    expect(byId.result.cancelled).toEqual([expect.objectContaining({ id: spx!.id, status: 'cancelled' })]);
    await expect(h.run(cancelAlert, { alertId: 'no-such-alert' })).rejects.toMatchObject({ code: 'not_found' });
    expect(cancelAlert.parameters.safeParse({}).success).toBe(false);
    expect(cancelAlert.parameters.safeParse({ price: 600 }).success).toBe(false);
  });
});
