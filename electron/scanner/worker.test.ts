import { afterEach, describe, expect, it } from 'vitest';
import { NotificationSchema, type Notification } from '../../shared/schemas/notifications';
import type { NotificationPrefs } from '../../shared/schemas/profile';
import { ScannerResultsEventSchema, ScheduleCreateSchema, type ScannerResultsEvent, type ScheduleCreate } from '../../shared/schemas/scanner';
import { et, FakeTime, RecordingNotifier, settle } from '../alerts/testing';
import { EventBus } from '../contract/event-bus';
import { Database } from '../db/database';
import { marketDate, sessionFor } from '../market/calendar';
import { NotificationsService } from '../notifications/service';
import { silentLogger } from '../observability/logger';
import { ScannerService } from './service';
import { gapInputs, ScriptedScanData } from './testing';
import { ScannerWorker } from './worker';

function makeWorld(start: number) {
  const time = new FakeTime(start);
  const db = new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 1000 });
  const bus = new EventBus(true);
  const events: { name: string; payload: unknown }[] = [];
  bus.subscribe((name, payload) => events.push({ name, payload }));
  const notifier = new RecordingNotifier();
  const prefs: NotificationPrefs = { alertsEnabled: true, emailAlerts: false, browserNotifications: true };
  const notifications = new NotificationsService({ db, events: bus, logger: silentLogger, prefs: () => prefs, notifier });
  const data = new ScriptedScanData(time.clock);
  const scanner = new ScannerService({ db, events: bus, data, preferredSymbols: () => [], notifications, logger: silentLogger, clock: time.clock });
  const worker = new ScannerWorker({ scanner, logger: silentLogger, clock: time.clock, scheduler: time });
  const named = <T>(name: string) => events.filter((e) => e.name === name).map((e) => e.payload as T);
  const create = (input: ScheduleCreate) => scanner.createSchedule(ScheduleCreateSchema.parse(input));
  return { time, db, events, named, notifier, prefs, notifications, data, scanner, worker, create };
}

type World = ReturnType<typeof makeWorld>;
let world: World | undefined;
afterEach(async () => {
  await world?.worker.stop();
  world?.db.close();
  world = undefined;
});

const setUp = (start: number) => (world = makeWorld(start));

/** Fires the worker's timers until the fake clock reaches `until`. */
async function runUntil(w: World, until: number): Promise<void> {
  while (w.time.pending && w.time.now < until) await w.time.fireNext();
}

describe('ScannerWorker: market hours', () => {
  it('runs a 30-minute schedule at 09:30, 10:00 … 15:30 each session and never outside the regular session', async () => {
    const w = setUp(et('2026-12-01', '08:00'));
    w.data.set('SPY', gapInputs('SPY', 100));
    w.create({ name: 'Every half hour', scans: ['gap'], symbols: ['SPY'], everyMinutes: 30 });
    w.worker.start();
    await settle(() => w.time.pending > 0);
    // Two sessions, the evening and night between them, and a Saturday.
    await runUntil(w, et('2026-12-05', '12:00'));
    const runs = w.data.loads.map((l) => l.at);
    const halfHours = (date: string) => Array.from({ length: 13 }, (_, i) => et(date, '09:30') + i * 30 * 60_000);
    expect(runs).toEqual([...halfHours('2026-12-01'), ...halfHours('2026-12-02'), ...halfHours('2026-12-03'), ...halfHours('2026-12-04')]);
    for (const at of runs) {
      const session = sessionFor(at)!;
      expect(at >= session.open && at < session.close).toBe(true);
    }
    // Asleep at most an hour at a time, so health sees it tick while the market is closed.
    expect(Math.max(...w.time.delays)).toBe(3_600_000);
  });

  it('a disabled schedule does not run; enabling it in the session wakes the worker to run it at once', async () => {
    const w = setUp(et('2026-12-01', '10:00'));
    w.data.set('SPY', gapInputs('SPY', 100));
    const schedule = w.create({ name: 'Later', scans: ['gap'], symbols: ['SPY'], everyMinutes: 15, enabled: false });
    w.worker.start();
    await settle(() => w.time.pending > 0);
    expect(w.data.loads).toEqual([]);
    w.time.now = et('2026-12-01', '10:02');
    w.scanner.updateSchedule({ id: schedule.id, enabled: true });
    await settle(() => w.data.loads.length > 0 && w.time.pending > 0);
    expect(w.data.loads.map((l) => l.at)).toEqual([et('2026-12-01', '10:02')]);
    expect(w.scanner.getSchedule(schedule.id).lastRunAt).toBe(new Date(et('2026-12-01', '10:02')).toISOString());
  });
});

describe('ScannerWorker: new results notify once', () => {
  it('notifies each new result once: SPY at 10:00, AAPL when it gaps at 10:10, nothing when they repeat, both again on the next session', async () => {
    const w = setUp(et('2026-12-01', '10:00'));
    w.data.set('SPY', gapInputs('SPY', 102)).set('AAPL', gapInputs('AAPL', 100));
    const schedule = w.create({ name: 'Gaps', scans: ['gap'], symbols: ['SPY', 'AAPL'], everyMinutes: 5 });
    w.worker.start();
    await settle(() => w.time.pending > 0);

    const results = () => w.named<ScannerResultsEvent>('scanner:results');
    expect(results()).toHaveLength(1);
    const [first] = results();
    expect(ScannerResultsEventSchema.parse(first)).toEqual(first);
    expect(first).toMatchObject({ scheduleId: schedule.id, scheduleName: 'Gaps', toast: true, results: [{ id: 'gap:SPY:bullish:2026-12-01' }] });
    expect(NotificationSchema.parse(first!.notification)).toMatchObject({ type: 'scanner_results', alertId: null, title: 'Scanner: 1 new result (Gaps)', body: 'SPY Gap up / down (bullish, 100).', read: false });
    expect(w.notifier.shown.map((s) => s.notification.title)).toEqual(['Scanner: 1 new result (Gaps)']);
    expect(w.named<Notification>('notifications:created')).toEqual([first!.notification]);

    await w.time.fireNext(); // 10:05: the same SPY gap
    expect(w.time.now).toBe(et('2026-12-01', '10:05'));
    expect(results()).toHaveLength(1);
    expect(w.scanner.getSchedule(schedule.id)).toMatchObject({ lastResultCount: 1, lastNewCount: 0, lastError: null });

    w.data.set('AAPL', gapInputs('AAPL', 97)); // AAPL gaps down 3 %
    await w.time.fireNext(); // 10:10
    expect(results()).toHaveLength(2);
    expect(results()[1]!.results.map((r) => r.id)).toEqual(['gap:AAPL:bearish:2026-12-01']);
    expect(results()[1]!.notification.title).toBe('Scanner: 1 new result (Gaps)');
    expect(w.scanner.getSchedule(schedule.id)).toMatchObject({ lastResultCount: 2, lastNewCount: 1 });

    await runUntil(w, et('2026-12-01', '16:00'));
    expect(results()).toHaveLength(2);
    await runUntil(w, et('2026-12-02', '09:31'));
    expect(results()).toHaveLength(3);
    expect(results()[2]!.results.map((r) => r.id).sort()).toEqual(['gap:AAPL:bearish:2026-12-02', 'gap:SPY:bullish:2026-12-02']);
    expect(results()[2]!.notification).toMatchObject({ title: 'Scanner: 2 new results (Gaps)', body: 'AAPL Gap up / down (bearish, 100); SPY Gap up / down (bullish, 100).' });
    expect(w.notifications.list({ unread: true, limit: 10 }).unreadCount).toBe(3);
  });

  it('the notification names the three best new results and counts the rest; with alerts off it is stored but neither toasted nor popped up', async () => {
    const w = setUp(et('2026-12-01', '10:00'));
    w.prefs.alertsEnabled = false;
    const moves: Record<string, number> = { SPY: 101.2, QQQ: 102, IWM: 98.5, AAPL: 104, MSFT: 101.1 };
    for (const [symbol, last] of Object.entries(moves)) w.data.set(symbol, gapInputs(symbol, last));
    await w.scanner.runSchedule(w.create({ name: 'Five', scans: ['gap'], symbols: Object.keys(moves), everyMinutes: 5 }), w.time.now);
    const [event] = w.named<ScannerResultsEvent>('scanner:results');
    // Scores: AAPL 4 % and QQQ 2 % → 100, IWM 1.5 % → 75, SPY 1.2 % → 60, MSFT 1.1 % → 55.
    expect(event!.notification.body).toBe('AAPL Gap up / down (bullish, 100); QQQ Gap up / down (bullish, 100); IWM Gap up / down (bearish, 75); and 2 more.');
    expect(event!.toast).toBe(false);
    expect(w.notifier.shown).toEqual([]);
  });

  it('a schedule deleted while it ran reports nothing; failing symbols are kept on the schedule and in the worker health', async () => {
    const w = setUp(et('2026-12-01', '10:00'));
    w.data.set('SPY', gapInputs('SPY', 102)).fail('QQQ', new Error('provider down'));
    const schedule = w.create({ name: 'Gaps', scans: ['gap'], symbols: ['SPY', 'QQQ'], everyMinutes: 5 });
    w.worker.start();
    await settle(() => w.time.pending > 0);
    expect(w.scanner.getSchedule(schedule.id).lastError).toBe('1 symbol(s) failed: QQQ (provider down)');
    expect(w.worker.health()).toMatchObject({ lastTickAt: new Date(et('2026-12-01', '10:00')).toISOString(), itemsWatched: 1, lastError: '1 symbol(s) failed: QQQ (provider down)', intervalMs: 300_000, data: { ran: 1, newResults: 1 } });

    const gone = w.scanner.getSchedule(schedule.id);
    w.scanner.deleteSchedule(schedule.id);
    w.data.set('AAPL', gapInputs('AAPL', 95));
    expect(await w.scanner.runSchedule({ ...gone, symbols: ['AAPL'] }, w.time.now)).toMatchObject({ fresh: [], notification: null });
    expect(w.named('scanner:results')).toHaveLength(1);
    expect(w.db.prepare('SELECT COUNT(*) AS n FROM ai_coach_scanner_seen').get()).toEqual({ n: 0 });
  });

  it('ticks never overlap: a tick asked for while one runs is that one', async () => {
    const w = setUp(et('2026-12-01', '10:00'));
    w.data.set('SPY', gapInputs('SPY', 102));
    w.create({ name: 'Gaps', scans: ['gap'], symbols: ['SPY'], everyMinutes: 5 });
    const release = w.data.hold();
    const first = w.worker.tick();
    const second = w.worker.tick();
    expect(second).toBe(first);
    release();
    expect((await first).ran).toHaveLength(1);
    expect(w.data.loads).toHaveLength(1);
    expect(marketDate(w.data.loads[0]!.at)).toBe('2026-12-01');
  });
});
