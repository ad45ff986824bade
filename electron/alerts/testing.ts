import { CoachError } from '../../shared/errors';
import type { Quote } from '../../shared/schemas/market';
import type { NotificationPrefs } from '../../shared/schemas/profile';
import { EventBus } from '../contract/event-bus';
import { Database } from '../db/database';
import type { NativeNotification, NativeNotifier } from '../notifications/notifier';
import { NotificationsService } from '../notifications/service';
import { silentLogger } from '../observability/logger';
import { Gate } from '../testing/gate';
import type { LevelSource } from './level-prices';
import { AlertsService, type QuoteSource } from './service';
import { AlertWorker, type Scheduler } from './worker';

/** Instants in New York winter time (EST, UTC−5), e.g. et('2026-12-01', '10:00'). */
export const et = (date: string, time: string): number => Date.parse(`${date}T${time}:00-05:00`);

/** Quotes a test moves by hand; a symbol can be made to fail or to wait. Counts every request. */
export class ScriptedQuotes implements QuoteSource {
  readonly requests: string[] = [];
  private readonly prices = new Map<string, number>();
  private readonly failures = new Map<string, Error>();
  private readonly gate = new Gate();

  constructor(private readonly clock: () => number) {}

  set(symbol: string, price: number): this {
    this.prices.set(symbol, price);
    return this;
  }

  fail(symbol: string, error: Error = new CoachError('unavailable', `Provider down for ${symbol}`)): this {
    this.failures.set(symbol, error);
    return this;
  }

  heal(symbol: string): this {
    this.failures.delete(symbol);
    return this;
  }

  /** Quotes wait until the returned function is called. */
  hold(): () => void {
    return this.gate.hold();
  }

  async quote(symbol: string): Promise<Quote> {
    this.requests.push(symbol);
    await this.gate.pass();
    const failure = this.failures.get(symbol);
    if (failure) throw failure;
    const last = this.prices.get(symbol);
    if (last === undefined) throw new CoachError('not_found', `Unknown symbol ${symbol}`);
    return { symbol, last, change: 0, changePercent: 0, prevClose: last, session: 'open', time: this.clock(), source: 'simulated' };
  }
}

/** Key levels a test sets by hand, per symbol, for the session `date`. */
export class ScriptedLevels implements LevelSource {
  readonly requests: string[] = [];
  readonly bySymbol = new Map<string, { date: string; levels: { name: string; price: number }[] }>();

  async levels({ symbol }: { symbol: string }) {
    this.requests.push(symbol);
    const levels = this.bySymbol.get(symbol);
    if (!levels) throw new CoachError('not_found', `No levels for ${symbol}`);
    return levels;
  }
}

/** A clock that only moves when told, and timers that fire when the test says so. */
export class FakeTime implements Scheduler {
  now: number;
  readonly delays: number[] = [];
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;

  constructor(start: number) {
    this.now = start;
  }

  readonly clock = (): number => this.now;

  setTimeout(fn: () => void, ms: number): unknown {
    this.delays.push(ms);
    const id = ++this.ids;
    this.timers.push({ at: this.now + ms, fn, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  get pending(): number {
    return this.timers.length;
  }

  /** Moves the clock to the next timer and runs it, then lets the worker finish its tick and plan the next one. */
  async fireNext(): Promise<void> {
    this.timers.sort((a, b) => a.at - b.at);
    const timer = this.timers.shift();
    if (!timer) throw new Error('no timer pending');
    this.now = timer.at;
    timer.fn();
    await settle(() => this.timers.length > 0);
  }
}

/** Lets promises run until `done()` holds (at most a few hundred turns of the event loop). */
export async function settle(done: () => boolean = () => false, turns = 200): Promise<void> {
  for (let i = 0; i < turns && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
}

/** A recorded native notifier whose popups a test can click. */
export class RecordingNotifier implements NativeNotifier {
  readonly kind = 'recording';
  readonly shown: { notification: NativeNotification; click: () => void }[] = [];

  async show(notification: NativeNotification, onClick: () => void): Promise<void> {
    this.shown.push({ notification, click: onClick });
  }
}

/** Alerts, notifications and a worker on an in-memory database, with scripted quotes and levels, a fake clock and every event. */
export function makeAlertsWorld(start: number, options: { fixedIntervalMs?: number } = {}) {
  const time = new FakeTime(start);
  const db = new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 1000 });
  const bus = new EventBus(true);
  const events: { name: string; payload: unknown }[] = [];
  bus.subscribe((name, payload) => events.push({ name, payload }));
  const quotes = new ScriptedQuotes(time.clock);
  const levels = new ScriptedLevels();
  const notifier = new RecordingNotifier();
  const prefs: NotificationPrefs = { alertsEnabled: true, emailAlerts: false, browserNotifications: true };
  const notifications = new NotificationsService({ db, events: bus, logger: silentLogger, prefs: () => prefs, notifier });
  const alerts = new AlertsService({ db, events: bus, quotes, notifications: notifications.repo, clock: time.clock });
  const worker = new AlertWorker({ alerts, delivery: notifications, quotes, levels, logger: silentLogger, clock: time.clock, scheduler: time, fixedIntervalMs: options.fixedIntervalMs });
  const named = (name: string) => events.filter((e) => e.name === name).map((e) => e.payload);
  return { time, db, events, named, quotes, levels, notifier, prefs, notifications, alerts, worker };
}
