import type { Quote } from '../../shared/schemas/market';
import type { Worker } from '../host';
import type { NotificationsService } from '../notifications/service';
import type { Logger } from '../observability/logger';
import type { WorkerHealth } from '../observability/worker-health';
import { inBatches } from '../net/in-batches';
import { EXTENDED_TICK_MS, planTick, REGULAR_TICK_MS, type TickPlan } from './cadence';
import { evaluateAlert } from './evaluate';
import { LevelPrices, type LevelSource, type SessionLevels } from './level-prices';
import type { WatchedAlert } from './repository';
import type { AlertsService, FiredAlert, QuoteSource, TickWrites } from './service';

/** Timers of the worker; tests pass a fake one that moves a fake clock. */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const nodeScheduler: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The longest sleep: the plan is made again after it, so a laptop waking or a clock change is caught within the hour. */
export const MAX_SLEEP_MS = 3_600_000;
/** Quote requests in flight at once (a provider fetching uncached quotes is not flooded). */
export const QUOTE_CONCURRENCY = 8;

export interface AlertWorkerOptions {
  alerts: AlertsService;
  delivery: Pick<NotificationsService, 'deliver'>;
  quotes: QuoteSource;
  levels: LevelSource;
  logger: Logger;
  clock?: () => number;
  scheduler?: Scheduler;
  /** ALERT_TICK_MS: one fixed interval at every hour instead of the market-hours cadence. */
  fixedIntervalMs?: number;
}

/** What one tick did. */
export interface TickReport {
  at: number;
  alertsWatched: number;
  symbols: number;
  fired: string[];
  expired: string[];
  /** Symbols whose quote or levels failed: their alerts wait for the next tick. */
  errors: { symbol: string; message: string }[];
}

/**
 * Watches the active alerts: on the market-hours cadence (30 s regular, 2 min extended, asleep
 * while closed), one quote per symbol, evaluation, and the triggers written and delivered. Ticks
 * never overlap: a tick asked for while one runs gets that one.
 */
export class AlertWorker implements Worker {
  readonly name = 'alerts';
  private readonly options: AlertWorkerOptions;
  private readonly clock: () => number;
  private readonly scheduler: Scheduler;
  private readonly levelPrices: LevelPrices;
  private readonly log: Logger;
  private running = false;
  private timer: unknown;
  private inFlight: Promise<TickReport> | undefined;
  private last: TickReport | undefined;
  private lastFailure: string | null = null;
  private plan: TickPlan | undefined;
  private watched: WatchedSet | undefined;
  /** The gap the health check allows between ticks; while closed, from the last tick to the next pre-market. */
  private intervalMs = REGULAR_TICK_MS;

  constructor(options: AlertWorkerOptions) {
    this.options = options;
    this.clock = options.clock ?? Date.now;
    this.scheduler = options.scheduler ?? nodeScheduler;
    this.levelPrices = new LevelPrices(options.levels);
    this.log = options.logger.child({ worker: this.name });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  /** One pass over the active alerts (the timer calls it; tests and the bench call it directly). */
  tick(): Promise<TickReport> {
    this.inFlight ??= this.run().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  health(): WorkerHealth {
    const errors = this.last?.errors ?? [];
    const failedSymbols = errors.length ? `${errors.length} symbol(s) failed: ${errors.slice(0, 3).map((e) => `${e.symbol} (${e.message})`).join(', ')}` : null;
    const lastTickAt = this.last ? this.last.at : null;
    return {
      lastTickAt: lastTickAt === null ? null : new Date(lastTickAt).toISOString(),
      itemsWatched: this.last?.alertsWatched ?? 0,
      lastError: this.lastFailure ?? failedSymbols,
      intervalMs: this.intervalMs,
      data: {
        symbols: this.last?.symbols ?? 0,
        failedSymbols: errors.length,
        phase: this.plan?.phase ?? null,
        nextTickAt: this.plan ? new Date(this.plan.nextTickAt).toISOString() : null,
      },
    };
  }

  /** Ticks when the market is in session (or always with a fixed interval), then sleeps until the next tick is due. */
  private async wake(): Promise<void> {
    this.timer = undefined;
    if (planTick(this.clock(), this.options.fixedIntervalMs).ticks) await this.tick();
    if (!this.running) return;
    const now = this.clock();
    this.plan = planTick(now, this.options.fixedIntervalMs);
    // While the market is closed the next tick is hours or days away: that gap is the interval, not a stall.
    const cadence = this.options.fixedIntervalMs ?? (this.plan.phase === 'open' ? REGULAR_TICK_MS : EXTENDED_TICK_MS);
    this.intervalMs = this.plan.ticks ? cadence : Math.max(cadence, this.plan.nextTickAt - (this.last?.at ?? now));
    this.timer = this.scheduler.setTimeout(() => void this.wake(), Math.min(Math.max(0, this.plan.nextTickAt - now), MAX_SLEEP_MS));
  }

  private async run(): Promise<TickReport> {
    const now = this.clock();
    try {
      const { alerts } = this.options;
      const expired = alerts.expireDue(now);
      const watched = this.watchedAlerts();
      const alertsWatched = watched.count;
      const symbols = watched.bySymbol.size;
      const writes: TickWrites = { observations: [], levels: [], triggers: [] };
      const errors: TickReport['errors'] = [];
      await inBatches([...watched.bySymbol], QUOTE_CONCURRENCY, async ([symbol, symbolAlerts]) => {
        const failed = (what: string, error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          errors.push({ symbol, message });
          this.log.warn(`alert ${what} failed; retried next tick`, { symbol, error: message });
        };
        let quote: Quote;
        try {
          quote = await this.options.quotes.quote(symbol);
        } catch (error) {
          return failed('quote', error);
        }
        let levels: SessionLevels | undefined;
        const wanted = symbolAlerts.flatMap((a) => a.level ?? []);
        if (wanted.length) levels = await this.levelPrices.of(symbol, wanted, now).catch((error: unknown) => void failed('levels', error));
        for (const alert of symbolAlerts) evaluate(alert, quote.last, levels, now, writes);
        // Every alert of the symbol shares its baseline: one write when the price moved (or an alert is new).
        if (symbolAlerts.some((a) => a.lastPrice !== quote.last)) writes.observations.push({ symbol, price: quote.last, at: new Date(quote.time).toISOString() });
      });
      const fired = alerts.record(writes, now);
      this.keepUp(watched, writes, fired);
      this.options.delivery.deliver(fired);
      if (fired.length) this.log.info('alerts fired', { ids: fired.map((f) => f.alert.id) });
      this.lastFailure = null;
      this.last = { at: now, alertsWatched, symbols, fired: fired.map((f) => f.alert.id), expired, errors };
    } catch (error) {
      this.watched = undefined;
      this.lastFailure = error instanceof Error ? error.message : String(error);
      this.log.error('alert tick failed', { error });
      this.last = { at: now, alertsWatched: this.last?.alertsWatched ?? 0, symbols: this.last?.symbols ?? 0, fired: [], expired: [], errors: [] };
    }
    return this.last;
  }

  /**
   * The active alerts by symbol. Read from the database only when alerts changed outside the ticks
   * (the service's revision moved): 10 000 rows each tick would cost more than the rest of it.
   */
  private watchedAlerts(): WatchedSet {
    const { alerts } = this.options;
    if (this.watched?.revision !== alerts.revision) {
      const revision = alerts.revision;
      const rows = alerts.repo.watched();
      const bySymbol = new Map<string, WatchedAlert[]>();
      for (const alert of rows) {
        const group = bySymbol.get(alert.symbol);
        if (group) group.push(alert);
        else bySymbol.set(alert.symbol, [alert]);
      }
      this.watched = { revision, bySymbol, byId: new Map(rows.map((a) => [a.id, a])), count: rows.length };
    }
    return this.watched;
  }

  /** Applies the tick's own writes to the copy, as the database now has them; a change by someone else meanwhile drops it. */
  private keepUp(watched: WatchedSet, writes: TickWrites, fired: FiredAlert[]): void {
    if (this.options.alerts.revision !== watched.revision) {
      this.watched = undefined;
      return;
    }
    for (const o of writes.observations) for (const alert of watched.bySymbol.get(o.symbol)!) alert.lastPrice = o.price;
    for (const l of writes.levels) Object.assign(watched.byId.get(l.id)!, { targetPrice: l.price, levelDate: l.date });
    for (const { alert } of fired) {
      const copy = watched.byId.get(alert.id)!;
      if (alert.status === 'active') {
        Object.assign(copy, { rearmAt: alert.rearmAt, version: copy.version + 1 });
        continue;
      }
      watched.byId.delete(alert.id);
      watched.bySymbol.set(alert.symbol, watched.bySymbol.get(alert.symbol)!.filter((a) => a.id !== alert.id));
      if (!watched.bySymbol.get(alert.symbol)!.length) watched.bySymbol.delete(alert.symbol);
      watched.count--;
    }
  }
}

/** The worker's copy of the active alerts, and the service revision it was read at. */
interface WatchedSet {
  revision: number;
  bySymbol: Map<string, WatchedAlert[]>;
  byId: Map<string, WatchedAlert>;
  count: number;
}

/**
 * Evaluates one alert at the symbol's `price`, adding its level and trigger writes to `writes`. The
 * price becomes the baseline even while a key level is unknown (not formed yet, or its fetch
 * failed): a crossing is always judged between the last two prices seen, so a breakout over the
 * 15-minute opening range high fires on the tick the range completes.
 */
function evaluate(alert: WatchedAlert, price: number, levels: SessionLevels | undefined, now: number, writes: TickWrites): void {
  const { id, version } = alert;
  let target = alert.targetPrice;
  if (alert.level) {
    const levelPrice = levels?.prices.get(alert.level);
    target = levelPrice ?? null;
    if (levelPrice !== undefined && (levelPrice !== alert.targetPrice || levels!.date !== alert.levelDate)) writes.levels.push({ id, version, price: levelPrice, date: levels!.date });
  }
  const rearmAt = alert.rearmAt === null ? null : Date.parse(alert.rearmAt);
  if (evaluateAlert({ condition: alert.condition, targetPrice: target, lastPrice: alert.lastPrice, rearmAt }, price, now)) {
    writes.triggers.push({ id, version, price, rearmAt: alert.triggerMode === 'every_time' ? new Date(now + alert.cooldownSeconds * 1000).toISOString() : null });
  }
}
