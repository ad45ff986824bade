import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AlertCreate } from '../../shared/schemas/alerts';
import { AlertCreateSchema, AlertUpdateSchema } from '../../shared/schemas/alerts';
import { et, makeAlertsWorld, settle } from './testing';
import { AlertWorker, MAX_SLEEP_MS } from './worker';
import { silentLogger } from '../observability/logger';

type World = ReturnType<typeof makeAlertsWorld>;
let world: World | undefined;
afterEach(async () => {
  await world?.worker.stop();
  world?.db.close();
  world = undefined;
});

/** A world at Tuesday 2026-12-01 10:00 New York (regular session). */
function setUp(start = et('2026-12-01', '10:00')): World {
  world = makeAlertsWorld(start);
  return world;
}

async function create(w: World, input: AlertCreate) {
  const alert = await w.alerts.create(AlertCreateSchema.parse(input));
  w.quotes.requests.length = 0; // creating checks the symbol with a quote; count only the ticks'
  return alert;
}

/** Ticks at `prices` (one per tick, 30 s apart); returns, per tick, the ids that fired. */
async function walk(w: World, symbol: string, prices: number[]): Promise<string[][]> {
  const fired: string[][] = [];
  for (const price of prices) {
    w.quotes.set(symbol, price);
    fired.push((await w.worker.tick()).fired);
    w.time.now += 30_000;
  }
  return fired;
}

describe('AlertWorker tick: conditions', () => {
  it.each([
    // condition, target, price path, ticks that fire (0-based)
    ['above', 600, [599, 599.99, 600, 601], [2]],
    ['below', 600, [601, 600.01, 600, 590], [2]],
    ['crosses_above', 600, [598, 599.5, 600.25, 601], [2]],
    ['crosses_below', 600, [602, 600.5, 599.75, 599], [2]],
    ['crosses', 600, [598, 601, 603], [1]],
  ] as const)('%s %d fires exactly once, on the tick that meets it (once mode)', async (condition, target, path, expected) => {
    const w = setUp();
    w.quotes.set('SPY', path[0]);
    const alert = await create(w, { symbol: 'SPY', condition, targetPrice: target });
    const fired = await walk(w, 'SPY', [...path]);
    expect(fired.flatMap((ids, i) => (ids.includes(alert.id) ? [i] : []))).toEqual(expected);
    expect(w.alerts.get(alert.id)).toMatchObject({ status: 'triggered', triggerPrice: path[expected[0]], triggerCount: 1 });
  });

  it('a gap across the target fires the crossing (598 then 603 never printed 600)', async () => {
    const w = setUp();
    w.quotes.set('SPY', 598);
    const up = await create(w, { symbol: 'SPY', condition: 'crosses_above', targetPrice: 600 });
    const either = await create(w, { symbol: 'SPY', condition: 'crosses', targetPrice: 600 });
    expect(await walk(w, 'SPY', [598, 603])).toEqual([[], [up.id, either.id]]);
    expect(w.alerts.get(up.id).triggerPrice).toBe(603);
  });

  it('no fire without a cross: a crossing alert made while the price is already past the target waits for a real cross', async () => {
    const w = setUp();
    w.quotes.set('SPY', 605);
    const alert = await create(w, { symbol: 'SPY', condition: 'crosses_above', targetPrice: 600 });
    // 605 is only the baseline; staying above never fires; falling under and coming back is a cross.
    const fired = await walk(w, 'SPY', [605, 607, 601, 599, 600.5]);
    expect(fired.map((ids) => ids.includes(alert.id))).toEqual([false, false, false, false, true]);
  });

  it('percent moves fire at reference × (1 ± percent): 2 % up from 500 is 510, 3 % down from 6000 is 5820', async () => {
    const w = setUp();
    w.quotes.set('SPY', 500).set('SPX', 6000);
    const up = await create(w, { symbol: 'SPY', condition: 'pct_move_up', percent: 2, referencePrice: 500 });
    // No reference given: measured from the last price at creation (6000).
    const down = await create(w, { symbol: 'SPX', condition: 'pct_move_down', percent: 3 });
    expect(up.targetPrice).toBe(510);
    expect(down).toMatchObject({ referencePrice: 6000, targetPrice: 5820 });
    w.quotes.set('SPX', 5820.01);
    expect((await walk(w, 'SPY', [509.99])).flat()).toEqual([]);
    w.quotes.set('SPX', 5820);
    expect((await walk(w, 'SPY', [510])).flat().sort()).toEqual([up.id, down.id].sort());
  });

  it('never fires an alert twice across ticks (once mode), and a fired alert is no longer watched', async () => {
    const w = setUp();
    w.quotes.set('SPY', 601);
    const alert = await create(w, { symbol: 'SPY', condition: 'above', targetPrice: 600 });
    expect(await walk(w, 'SPY', [601, 602, 603])).toEqual([[alert.id], [], []]);
    expect(w.notifications.repo.list({ unread: false, limit: 10 })).toHaveLength(1);
    // With its only alert done, later ticks ask for no quote at all.
    expect(w.quotes.requests).toEqual(['SPY']);
  });
});

describe('AlertWorker tick: every_time, cooldown, expiry', () => {
  it('every_time re-arms after its cooldown: above 600 held for 2 min with a 60 s cooldown fires at 0, 60 and 120 s', async () => {
    const w = setUp();
    w.quotes.set('SPY', 601);
    const alert = await create(w, { symbol: 'SPY', condition: 'above', targetPrice: 600, triggerMode: 'every_time', cooldownSeconds: 60 });
    const fired = await walk(w, 'SPY', [601, 601, 601, 601, 601]);
    expect(fired.map((ids) => ids.length)).toEqual([1, 0, 1, 0, 1]);
    expect(w.alerts.get(alert.id)).toMatchObject({ status: 'active', triggerCount: 3, rearmAt: new Date(et('2026-12-01', '10:02') + 60_000).toISOString() });
    expect(w.notifications.repo.unreadCount()).toBe(3);
  });

  it('a cross during the cooldown is not delivered late, and the next real cross fires', async () => {
    const w = setUp();
    w.quotes.set('SPY', 599);
    const alert = await create(w, { symbol: 'SPY', condition: 'crosses_above', targetPrice: 600, triggerMode: 'every_time', cooldownSeconds: 90 });
    // t0 baseline 599 · t30 cross (fires, re-arms at t120) · t60 599 · t90 cross inside the cooldown · t120 still above · t150 599 · t180 cross
    const fired = await walk(w, 'SPY', [599, 601, 599, 601, 602, 599, 600]);
    expect(fired.map((ids) => ids.includes(alert.id))).toEqual([false, true, false, false, false, false, true]);
  });

  it('marks alerts expired when their expiry comes, and never fires them after', async () => {
    const w = setUp();
    w.quotes.set('SPY', 590);
    const alert = await create(w, { symbol: 'SPY', condition: 'above', targetPrice: 600, expiresAt: new Date(et('2026-12-01', '10:00') + 45_000).toISOString() });
    const report0 = await w.worker.tick();
    w.time.now += 30_000;
    await w.worker.tick();
    w.time.now += 30_000; // 10:01:00, past the 10:00:45 expiry
    w.quotes.set('SPY', 650);
    const report2 = await w.worker.tick();
    expect(report0.expired).toEqual([]);
    expect(report2).toMatchObject({ expired: [alert.id], fired: [], alertsWatched: 0 });
    expect(w.alerts.get(alert.id).status).toBe('expired');
    expect(w.named('alerts:changed')).toContainEqual({ reason: 'expired', ids: [alert.id] });
  });
});

describe('AlertWorker tick: quotes and failures', () => {
  it('asks for one quote per unique symbol, however many alerts watch it', async () => {
    const w = setUp();
    w.quotes.set('SPY', 600).set('QQQ', 500).set('AAPL', 230);
    for (const target of [610, 620, 630, 640, 650]) await create(w, { symbol: 'SPY', condition: 'above', targetPrice: target });
    for (const target of [510, 520, 530]) await create(w, { symbol: 'QQQ', condition: 'crosses', targetPrice: target });
    await create(w, { symbol: 'AAPL', condition: 'below', targetPrice: 200 });
    const report = await w.worker.tick();
    expect(report).toMatchObject({ alertsWatched: 9, symbols: 3 });
    expect([...w.quotes.requests].sort()).toEqual(['AAPL', 'QQQ', 'SPY']);
  });

  it('a provider error on one symbol leaves the others working, and that symbol is retried next tick', async () => {
    const w = setUp();
    w.quotes.set('SPY', 601).set('QQQ', 501).set('AAPL', 199);
    const spy = await create(w, { symbol: 'SPY', condition: 'above', targetPrice: 600 });
    const qqq = await create(w, { symbol: 'QQQ', condition: 'above', targetPrice: 500 });
    const aapl = await create(w, { symbol: 'AAPL', condition: 'below', targetPrice: 200 });
    w.quotes.fail('QQQ');
    const first = await w.worker.tick();
    expect(first.fired.sort()).toEqual([spy.id, aapl.id].sort());
    expect(first.errors).toEqual([{ symbol: 'QQQ', message: 'Provider down for QQQ' }]);
    expect(w.worker.health()).toMatchObject({ lastError: '1 symbol(s) failed: QQQ (Provider down for QQQ)', itemsWatched: 3 });
    expect(w.alerts.get(qqq.id).status).toBe('active');

    w.quotes.heal('QQQ');
    w.time.now += 30_000;
    const second = await w.worker.tick();
    expect(second).toMatchObject({ fired: [qqq.id], errors: [] });
    expect(w.worker.health().lastError).toBeNull();
  });

  it('ticks never overlap: a tick asked for while one runs is that same tick, with one quote per symbol', async () => {
    const w = setUp();
    w.quotes.set('SPY', 601);
    await create(w, { symbol: 'SPY', condition: 'above', targetPrice: 600 });
    const release = w.quotes.hold();
    const first = w.worker.tick();
    const second = w.worker.tick();
    expect(second).toBe(first);
    await settle(() => w.quotes.requests.length > 0);
    release();
    expect((await first).fired).toHaveLength(1);
    expect(w.quotes.requests).toEqual(['SPY']);
    expect(w.notifications.repo.unreadCount()).toBe(1);
  });

  it('the timer plans the next tick only when the running one has finished', async () => {
    const w = setUp();
    w.quotes.set('SPY', 599);
    await create(w, { symbol: 'SPY', condition: 'above', targetPrice: 600 });
    const release = w.quotes.hold();
    w.worker.start();
    await settle(() => w.quotes.requests.length > 0);
    expect(w.time.pending).toBe(0);
    release();
    await settle(() => w.time.pending > 0);
    expect(w.time.delays).toEqual([30_000]);
  });

  it('an alert edited while the tick waits for its quote is not fired by its old definition; the next tick judges the new one', async () => {
    const w = setUp();
    w.quotes.set('SPY', 601);
    const alert = await create(w, { symbol: 'SPY', condition: 'above', targetPrice: 600 });
    const release = w.quotes.hold();
    const tick = w.worker.tick();
    await settle(() => w.quotes.requests.length > 0);
    await w.alerts.update(AlertUpdateSchema.parse({ id: alert.id, targetPrice: 650 }));
    release();
    expect((await tick).fired).toEqual([]);
    // The baseline is the symbol's price, written all the same.
    expect(w.alerts.get(alert.id)).toMatchObject({ status: 'active', targetPrice: 650, triggerCount: 0, lastPrice: 601 });
    w.quotes.set('SPY', 651);
    w.time.now += 30_000;
    expect((await w.worker.tick()).fired).toEqual([alert.id]);
  });

  it('reads the active alerts from the database only when they changed outside its ticks, and sees every change', async () => {
    const w = setUp();
    w.quotes.set('SPY', 590).set('QQQ', 500);
    const reads = vi.spyOn(w.alerts.repo, 'watched');
    const first = await create(w, { symbol: 'SPY', condition: 'crosses', targetPrice: 600, triggerMode: 'every_time', cooldownSeconds: 60 });
    expect(await walk(w, 'SPY', [590, 601, 599])).toEqual([[], [first.id], []]);
    expect(reads).toHaveBeenCalledTimes(1); // its own writes (baselines, a trigger) kept its copy current
    const second = await create(w, { symbol: 'QQQ', condition: 'below', targetPrice: 499 });
    w.alerts.cancel(first.id);
    w.quotes.set('QQQ', 498);
    expect(await walk(w, 'SPY', [610])).toEqual([[second.id]]);
    expect(reads).toHaveBeenCalledTimes(2);
    expect((await w.worker.tick()).alertsWatched).toBe(0);
  });

  it('keeps the crossing baseline in the database: a worker started after a restart sees the cross', async () => {
    const w = setUp();
    w.quotes.set('SPY', 598);
    const alert = await create(w, { symbol: 'SPY', condition: 'crosses_above', targetPrice: 600 });
    await w.worker.tick();
    expect(w.alerts.get(alert.id)).toMatchObject({ lastPrice: 598, lastPriceAt: new Date(et('2026-12-01', '10:00')).toISOString() });
    const restarted = new AlertWorker({ alerts: w.alerts, delivery: w.notifications, quotes: w.quotes, levels: w.levels, logger: silentLogger, clock: w.time.clock, scheduler: w.time });
    w.quotes.set('SPY', 601);
    w.time.now += 30_000;
    expect((await restarted.tick()).fired).toEqual([alert.id]);
  });
});

describe('AlertWorker key levels', () => {
  it('resolves a key level by name for the session and fires on its cross', async () => {
    const w = setUp();
    w.levels.bySymbol.set('SPY', { date: '2026-12-01', levels: [{ name: 'PDH', price: 605.2 }, { name: 'PDL', price: 596.1 }] });
    w.quotes.set('SPY', 604);
    const alert = await create(w, { symbol: 'SPY', condition: 'crosses_above', level: 'PDH' });
    expect(alert.targetPrice).toBeNull();
    expect(await walk(w, 'SPY', [604, 606])).toEqual([[], [alert.id]]);
    expect(w.alerts.get(alert.id)).toMatchObject({ targetPrice: 605.2, levelDate: '2026-12-01', triggerPrice: 606 });
    expect(w.named('notifications:created')).toMatchObject([{ title: 'SPY crossed above PDH (605.20)', body: 'SPY at 606.00, 10:00 ET.' }]);
    // Two ticks 30 s apart: the levels were fetched once (refreshed every 5 minutes).
    expect(w.levels.requests).toEqual(['SPY']);
  });

  it('waits while the level has not formed (ORH 15m before 09:45), then fires on the breakout the tick it forms', async () => {
    const w = setUp(et('2026-12-01', '09:35'));
    w.levels.bySymbol.set('SPY', { date: '2026-12-01', levels: [{ name: 'PDH', price: 605 }] });
    w.quotes.set('SPY', 604);
    const alert = await create(w, { symbol: 'SPY', condition: 'crosses_above', level: 'ORH 15m' });
    // 09:35, no opening range yet: nothing fires; the price is still the baseline.
    expect((await w.worker.tick()).fired).toEqual([]);
    expect(w.alerts.get(alert.id)).toMatchObject({ targetPrice: null, lastPrice: 604 });
    w.time.now = et('2026-12-01', '09:44');
    w.quotes.set('SPY', 602.5);
    expect((await w.worker.tick()).fired).toEqual([]);
    // 09:45: the range is complete (high 603; a missing level is looked for again after 30 s) and 602.5 → 603.4 crosses it.
    w.time.now = et('2026-12-01', '09:45');
    w.levels.bySymbol.set('SPY', { date: '2026-12-01', levels: [{ name: 'PDH', price: 605 }, { name: 'ORH 15m', price: 603 }] });
    w.quotes.set('SPY', 603.4);
    expect((await w.worker.tick()).fired).toEqual([alert.id]);
    expect(w.levels.requests).toEqual(['SPY', 'SPY', 'SPY']);
  });

  it('a failing levels fetch is reported and leaves the price alerts of the same symbol working', async () => {
    const w = setUp();
    w.quotes.set('SPY', 601);
    const level = await create(w, { symbol: 'SPY', condition: 'above', level: 'VWAP' });
    const price = await create(w, { symbol: 'SPY', condition: 'above', targetPrice: 600 });
    const report = await w.worker.tick();
    expect(report.fired).toEqual([price.id]);
    expect(report.errors).toEqual([{ symbol: 'SPY', message: 'No levels for SPY' }]);
    expect(w.alerts.get(level.id).status).toBe('active');
  });
});

describe('AlertWorker cadence (NYSE calendar, fake clock)', () => {
  async function started(start: number) {
    const w = setUp(start);
    w.quotes.set('SPY', 500);
    await create(w, { symbol: 'SPY', condition: 'above', targetPrice: 600 });
    w.worker.start();
    await settle(() => w.time.pending > 0);
    return w;
  }

  it('ticks at once in regular hours, then every 30 s', async () => {
    const w = await started(et('2026-12-01', '10:00'));
    await w.time.fireNext();
    await w.time.fireNext();
    expect(w.quotes.requests).toHaveLength(3);
    expect(w.time.delays).toEqual([30_000, 30_000, 30_000]);
    expect(w.worker.health()).toMatchObject({ lastTickAt: new Date(et('2026-12-01', '10:00') + 60_000).toISOString(), itemsWatched: 1, intervalMs: 30_000 });
  });

  it('ticks every 2 min in pre-market, and at 09:30:00 sharp when the regular session opens', async () => {
    const w = await started(et('2026-12-01', '09:26'));
    for (let i = 0; i < 3; i++) await w.time.fireNext();
    // 09:26 → 09:28 → 09:30 (2 min each), then the regular 30 s; 09:30 is a tick of its own.
    expect(w.time.delays).toEqual([120_000, 120_000, 30_000, 30_000]);
    expect(w.time.now).toBe(et('2026-12-01', '09:30') + 30_000);
    expect(w.quotes.requests).toHaveLength(4);
  });

  it('does not tick on a holiday (Christmas, Friday 2026-12-25) or the weekend: the first tick is Monday 04:00', async () => {
    const w = await started(et('2026-12-25', '10:00'));
    expect(w.quotes.requests).toEqual([]);
    while (w.time.now < et('2026-12-28', '04:00')) await w.time.fireNext();
    expect(w.time.now).toBe(et('2026-12-28', '04:00'));
    expect(w.quotes.requests).toEqual(['SPY']);
    // Asleep in steps of at most an hour (so a laptop waking re-plans), then pre-market's 2 minutes.
    expect(Math.max(...w.time.delays.slice(0, -1))).toBe(MAX_SLEEP_MS);
    expect(w.time.delays.at(-1)).toBe(120_000);
    expect(w.worker.health()).toMatchObject({ intervalMs: 120_000, data: { phase: 'pre', nextTickAt: new Date(et('2026-12-28', '04:02')).toISOString() } });
  });

  it('health while closed counts the sleep as the interval, so a weekend is not a stall', async () => {
    const w = await started(et('2026-12-25', '10:00'));
    expect(w.worker.health()).toMatchObject({ lastTickAt: null, intervalMs: et('2026-12-28', '04:00') - et('2026-12-25', '10:00'), data: { phase: 'closed' } });
  });

  it('a fixed interval (ALERT_TICK_MS) ticks on a holiday too', async () => {
    world = makeAlertsWorld(et('2026-12-25', '10:00'), { fixedIntervalMs: 500 });
    const w = world;
    w.quotes.set('SPY', 601);
    const alert = await create(w, { symbol: 'SPY', condition: 'above', targetPrice: 600 });
    w.worker.start();
    await settle(() => w.time.pending > 0);
    expect(w.time.delays).toEqual([500]);
    expect(w.alerts.get(alert.id).status).toBe('triggered');
  });

  it('stop cancels the sleeping timer and waits for a tick in flight', async () => {
    const w = await started(et('2026-12-01', '10:00'));
    expect(w.time.pending).toBe(1);
    await w.worker.stop();
    expect(w.time.pending).toBe(0);
  });
});
