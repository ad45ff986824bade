import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/schemas/alerts';
import { cancelAlert, pickAlerts } from './cancel-alert';
import { getAlerts } from './get-alerts';
import { expectCents, startFunctionHost, type FunctionHost } from './lib/testing';
import { setAlert } from './set-alert';

describe('picking the alerts to cancel (plain data)', () => {
  const alert = (id: string, targetPrice: number | null, level: string | null = null) => ({ id, symbol: 'SPX', condition: 'above', targetPrice, level, percent: null }) as Alert;
  const active = [alert('a', 6000), alert('b', 6100), alert('c', null, 'PDH')];

  it('all of them without a price; with a price those within 0.1 % of it', () => {
    expect(pickAlerts(active, 'SPX', undefined).map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(pickAlerts(active, 'SPX', 6005).map((a) => a.id)).toEqual(['a']);
  });

  it('nothing to pick is not_found, naming what there is', () => {
    expect(() => pickAlerts([], 'SPX', undefined)).toThrow(expect.objectContaining({ code: 'not_found', message: 'SPX has no active alerts: nothing to cancel' }));
    expect(() => pickAlerts(active, 'SPX', 6050)).toThrow(
      expect.objectContaining({ code: 'not_found', message: 'No active SPX alert at 6050; the active SPX alerts are: SPX above 6000 (id a); SPX above 6100 (id b); SPX above PDH (id c)' }),
    );
  });
});

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
    await expect(h.run(setAlert, { symbol: 'SPY', condition: 'above', level: 'ORH' })).rejects.toThrow('say which opening range, ORH 5m, 15m or 30m');
  });

  it('set_alert: price and level together, or neither, or a percent condition, are refused by the schema; an unknown symbol by the service', async () => {
    const parse = (args: unknown) => setAlert.parameters.safeParse(args);
    expect(parse({ symbol: 'SPY', condition: 'above', price: 600, level: 'PDH' }).success).toBe(false);
    expect(parse({ symbol: 'SPY', condition: 'above' }).success).toBe(false);
    expect(parse({ symbol: 'SPY', condition: 'pct_move_up', price: 600 }).success).toBe(false);
    expect(parse({ symbol: 'SPY', condition: 'above', price: -5 }).success).toBe(false);
    await expect(h.run(setAlert, { symbol: 'ZZZZQ', condition: 'above', price: 10 })).rejects.toThrow(/ZZZZQ/);
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
    await expect(h.run(cancelAlert, { symbol: 'QQQ' })).rejects.toThrow('QQQ has no active alerts: nothing to cancel');

    const [spx] = (await h.call('alerts:list', { status: 'active', symbol: 'SPX' })).alerts;
    const byId = await h.run(cancelAlert, { alertId: spx!.id });
    expect(byId.result.cancelled).toEqual([expect.objectContaining({ id: spx!.id, status: 'cancelled' })]);
    await expect(h.run(cancelAlert, { alertId: 'no-such-alert' })).rejects.toThrow(/no-such-alert/);
    expect(cancelAlert.parameters.safeParse({}).success).toBe(false);
    expect(cancelAlert.parameters.safeParse({ price: 600 }).success).toBe(false);
  });
});
