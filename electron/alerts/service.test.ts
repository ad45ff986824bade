import { afterEach, describe, expect, it } from 'vitest';
import { AlertCreateSchema, AlertListInputSchema, AlertUpdateSchema, type AlertCreate, type AlertUpdate } from '../../shared/schemas/alerts';
import { CoachError } from '../../shared/errors';
import { et, makeAlertsWorld } from './testing';

type World = ReturnType<typeof makeAlertsWorld>;
let world: World | undefined;
afterEach(() => {
  world?.db.close();
  world = undefined;
});

function setUp(): World {
  world = makeAlertsWorld(et('2026-12-01', '10:00'));
  world.quotes.set('SPY', 600).set('QQQ', 500);
  return world;
}
const create = (w: World, input: AlertCreate) => w.alerts.create(AlertCreateSchema.parse(input));
const update = (w: World, input: AlertUpdate) => w.alerts.update(AlertUpdateSchema.parse(input));

/** The message of the CoachError `fn` rejects with, and its code. */
async function refusal(fn: () => Promise<unknown> | unknown): Promise<{ code: string; message: string; fields: unknown[] }> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof CoachError) return { code: error.code, message: error.message, fields: (error.issues ?? []).map((i) => i.path[0]) };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('AlertsService.create', () => {
  it('stores an active alert with its defaults', async () => {
    const w = setUp();
    const alert = await create(w, { symbol: ' spy ', condition: 'crosses', targetPrice: 601.5, triggerMode: 'every_time' });
    expect(alert).toMatchObject({
      symbol: 'SPY', condition: 'crosses', targetPrice: 601.5, level: null, percent: null, referencePrice: null, triggerMode: 'every_time', cooldownSeconds: 900,
      expiresAt: null, note: null, status: 'active', triggeredAt: null, triggerPrice: null, triggerCount: 0, rearmAt: null, lastPrice: null,
      userId: 'local', createdAt: '2026-12-01T15:00:00.000Z',
    });
  });

  it('refuses a symbol the market does not know, in the words of the provider', async () => {
    const w = setUp();
    expect(await refusal(() => create(w, { symbol: 'NOPE', condition: 'above', targetPrice: 5 }))).toEqual({
      code: 'invalid_input',
      message: 'Invalid input for alerts:create: symbol: Unknown symbol NOPE',
      fields: ['symbol'],
    });
  });

  it('lets other provider failures through as they are (not as an unknown symbol)', async () => {
    const w = setUp();
    w.quotes.fail('SPY');
    expect(await refusal(() => create(w, { symbol: 'SPY', condition: 'above', targetPrice: 5 }))).toMatchObject({ code: 'unavailable', message: 'Provider down for SPY' });
  });

  it('refuses an expiry that is not after now (the service clock)', async () => {
    const w = setUp();
    const now = new Date(et('2026-12-01', '10:00')).toISOString();
    expect(await refusal(() => create(w, { symbol: 'SPY', condition: 'above', targetPrice: 5, expiresAt: now }))).toMatchObject({
      message: `Invalid input for alerts:create: expiresAt: Expiry is in the past (${now}); give a later date and time, or none`,
      fields: ['expiresAt'],
    });
    const later = await create(w, { symbol: 'SPY', condition: 'above', targetPrice: 5, expiresAt: '2026-12-01T10:30:00-05:00' });
    expect(later.expiresAt).toBe('2026-12-01T15:30:00.000Z');
  });
});

describe('AlertsService.update', () => {
  it('switching a price alert to a key level drops the target price; switching back drops the level', async () => {
    const w = setUp();
    const alert = await create(w, { symbol: 'SPY', condition: 'crosses_above', targetPrice: 610 });
    expect(await update(w, { id: alert.id, level: 'PMH' })).toMatchObject({ level: 'PMH', targetPrice: null });
    expect(await update(w, { id: alert.id, targetPrice: 612 })).toMatchObject({ level: null, targetPrice: 612 });
  });

  it('switching to a percent move measures from the last price and drops the target; leaving it drops percent and reference', async () => {
    const w = setUp();
    const alert = await create(w, { symbol: 'SPY', condition: 'above', targetPrice: 610 });
    // 600 × (100 + 1.5) / 100 = 609
    expect(await update(w, { id: alert.id, condition: 'pct_move_up', percent: 1.5 })).toMatchObject({ referencePrice: 600, targetPrice: 609, level: null });
    expect(await update(w, { id: alert.id, condition: 'below', targetPrice: 590 })).toMatchObject({ percent: null, referencePrice: null, targetPrice: 590 });
  });

  it('a new percent on a percent move keeps its reference: 2 % down from 600 is 588', async () => {
    const w = setUp();
    const alert = await create(w, { symbol: 'SPY', condition: 'pct_move_down', percent: 1 });
    w.quotes.set('SPY', 650);
    expect(await update(w, { id: alert.id, percent: 2 })).toMatchObject({ referencePrice: 600, targetPrice: 588 });
  });

  it('another symbol is checked, starts the crossing baseline over, and moves a percent move’s reference to its price', async () => {
    const w = setUp();
    const alert = await create(w, { symbol: 'SPY', condition: 'pct_move_up', percent: 10 });
    await w.worker.tick();
    expect(w.alerts.get(alert.id).lastPrice).toBe(600);
    // 500 × 1.1 = 550
    expect(await update(w, { id: alert.id, symbol: 'QQQ' })).toMatchObject({ symbol: 'QQQ', referencePrice: 500, targetPrice: 550, lastPrice: null });
    expect(await refusal(() => update(w, { id: alert.id, symbol: 'NOPE' }))).toMatchObject({ code: 'invalid_input', fields: ['symbol'] });
  });

  it('refuses changes that break the rules, naming the field, and leaves the alert as it was', async () => {
    const w = setUp();
    const alert = await create(w, { symbol: 'SPY', condition: 'above', targetPrice: 610 });
    expect(await refusal(() => update(w, { id: alert.id, targetPrice: null }))).toEqual({
      code: 'invalid_input',
      message: 'Invalid input for alerts:update: targetPrice: Give a target price (above 0) or a key level',
      fields: ['targetPrice'],
    });
    expect(await refusal(() => update(w, { id: alert.id, condition: 'pct_move_down', percent: 100 }))).toMatchObject({ message: 'Invalid input for alerts:update: percent: A fall must be less than 100 %' });
    expect(await refusal(() => update(w, { id: alert.id, expiresAt: '2026-12-01T14:59:00Z' }))).toMatchObject({ fields: ['expiresAt'] });
    expect(w.alerts.get(alert.id)).toEqual(alert);
    expect(await refusal(() => update(w, { id: 'missing', note: 'x' }))).toMatchObject({ code: 'not_found', message: 'No alert missing' });
  });

  it("re-arms a triggered alert with status 'active', clearing its cooldown; an expired one only with a later expiry", async () => {
    const w = setUp();
    w.quotes.set('SPY', 611);
    const fired = await create(w, { symbol: 'SPY', condition: 'above', targetPrice: 610 });
    const expiring = await create(w, { symbol: 'SPY', condition: 'below', targetPrice: 500, expiresAt: '2026-12-01T15:00:30Z' });
    await w.worker.tick();
    expect(w.alerts.get(fired.id).status).toBe('triggered');
    expect(await update(w, { id: fired.id, status: 'active' })).toMatchObject({ status: 'active', triggerCount: 1, rearmAt: null });

    w.time.now += 60_000;
    expect(w.alerts.get(expiring.id).status).toBe('expired');
    expect(await refusal(() => update(w, { id: expiring.id, status: 'active' }))).toMatchObject({ fields: ['expiresAt'] });
    expect(await update(w, { id: expiring.id, status: 'active', expiresAt: null })).toMatchObject({ status: 'active', expiresAt: null });
  });
});

describe('AlertsService cancel, delete, list', () => {
  it('cancels an active alert once; a triggered one cannot be cancelled; delete removes it', async () => {
    const w = setUp();
    const alert = await create(w, { symbol: 'SPY', condition: 'below', targetPrice: 500 });
    expect(w.alerts.cancel(alert.id).status).toBe('cancelled');
    expect(w.alerts.cancel(alert.id).status).toBe('cancelled');
    expect(w.named('alerts:changed').filter((e) => (e as { reason: string }).reason === 'cancelled')).toHaveLength(1);

    const fired = await create(w, { symbol: 'SPY', condition: 'above', targetPrice: 599 });
    await w.worker.tick();
    expect(await refusal(() => w.alerts.cancel(fired.id))).toMatchObject({ message: 'Invalid input for alerts:cancel: id: The alert is already triggered; only an active alert can be cancelled' });

    w.alerts.delete(alert.id);
    expect(await refusal(() => w.alerts.get(alert.id))).toMatchObject({ code: 'not_found' });
    expect(await refusal(() => w.alerts.delete(alert.id))).toMatchObject({ code: 'not_found' });
  });

  it('lists newest first with status and symbol filters, marking due expiries first (no tick runs while the market is closed)', async () => {
    const w = setUp();
    const a = await create(w, { symbol: 'SPY', condition: 'below', targetPrice: 500, expiresAt: '2026-12-01T15:01:00Z' });
    w.time.now += 1000;
    const b = await create(w, { symbol: 'QQQ', condition: 'below', targetPrice: 400 });
    const list = (input: object) => w.alerts.list(AlertListInputSchema.parse(input)).map((x) => x.id);
    expect(list({})).toEqual([b.id, a.id]);
    expect(list({ symbol: 'qqq' })).toEqual([b.id]);
    w.time.now = et('2026-12-01', '10:02');
    expect(list({ status: 'active' })).toEqual([b.id]);
    expect(list({ status: 'expired' })).toEqual([a.id]);
  });
});
