import type { ScanSchedule } from '../../shared/schemas/scanner';
import { MAX_SLEEP_MS, nodeScheduler, type Scheduler } from '../alerts/worker';
import type { Worker } from '../host';
import type { Logger } from '../observability/logger';
import type { WorkerHealth } from '../observability/worker-health';
import { nextRunAt } from './schedules/cadence';
import type { ScannerService } from './service';

/** The shortest interval health allows between ticks (schedules run at most once a minute). */
const MIN_INTERVAL_MS = 60_000;

export interface ScannerWorkerOptions {
  scanner: ScannerService;
  logger: Logger;
  clock?: () => number;
  scheduler?: Scheduler;
  /** SCANNER_ALL_HOURS: schedules run at every hour, not only in the regular session (tests, demos). */
  allHours?: boolean;
}

/** What one tick did. */
export interface ScannerTickReport {
  at: number;
  /** Enabled schedules. */
  schedules: number;
  /** Schedules that were due and ran. */
  ran: string[];
  /** New results over the schedules that ran. */
  fresh: number;
  /** Schedules whose run failed, or some of whose symbols did. */
  errors: { scheduleId: string; message: string }[];
}

/**
 * Runs the enabled scan schedules in market hours (the regular session): each every N minutes
 * after its last run, the due ones one after the other in a tick. Ticks never overlap (a tick
 * asked for while one runs gets that one); between ticks the worker sleeps until the next
 * schedule is due (an hour at most), and plans again when schedules change.
 */
export class ScannerWorker implements Worker {
  readonly name = 'scanner';
  private readonly options: ScannerWorkerOptions;
  private readonly clock: () => number;
  private readonly scheduler: Scheduler;
  private readonly log: Logger;
  private running = false;
  private timer: unknown;
  private inFlight: Promise<ScannerTickReport> | undefined;
  private last: ScannerTickReport | undefined;
  private lastFailure: string | null = null;
  private nextWakeAt: number | null = null;
  private intervalMs = MIN_INTERVAL_MS;
  private unsubscribe: (() => void) | undefined;

  constructor(options: ScannerWorkerOptions) {
    this.options = options;
    this.clock = options.clock ?? Date.now;
    this.scheduler = options.scheduler ?? nodeScheduler;
    this.log = options.logger.child({ worker: this.name });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.options.scanner.onSchedulesChanged(() => this.replan());
    void this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  /** Runs the schedules that are due (the timer calls it; tests call it directly). */
  tick(): Promise<ScannerTickReport> {
    this.inFlight ??= this.run().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  health(): WorkerHealth {
    const errors = this.last?.errors ?? [];
    return {
      lastTickAt: this.last ? new Date(this.last.at).toISOString() : null,
      itemsWatched: this.last?.schedules ?? 0,
      lastError: this.lastFailure ?? (errors.length ? errors.map((e) => e.message).join('; ').slice(0, 300) : null),
      intervalMs: this.intervalMs,
      data: { ran: this.last?.ran.length ?? 0, newResults: this.last?.fresh ?? 0, nextWakeAt: this.nextWakeAt === null ? null : new Date(this.nextWakeAt).toISOString() },
    };
  }

  /** A schedule was created, edited or deleted: wake now (a new one may be due) unless a tick is running, which plans again when it ends. */
  private replan(): void {
    if (!this.running || this.inFlight) return;
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    void this.wake();
  }

  private async wake(): Promise<void> {
    this.timer = undefined;
    await this.tick();
    if (!this.running || this.timer !== undefined) return;
    const now = this.clock();
    const due = this.enabled().map((s) => this.dueAt(s, now));
    const delay = Math.min(Math.max(0, Math.min(...due) - now), MAX_SLEEP_MS);
    this.nextWakeAt = now + delay;
    this.intervalMs = Math.max(MIN_INTERVAL_MS, delay);
    this.timer = this.scheduler.setTimeout(() => void this.wake(), delay);
  }

  private async run(): Promise<ScannerTickReport> {
    const now = this.clock();
    const report: ScannerTickReport = { at: now, schedules: 0, ran: [], fresh: 0, errors: [] };
    try {
      const schedules = this.enabled();
      report.schedules = schedules.length;
      for (const schedule of schedules.filter((s) => this.dueAt(s, now) <= now)) {
        try {
          const run = await this.options.scanner.runSchedule(schedule, now);
          report.ran.push(schedule.id);
          report.fresh += run.fresh.length;
          if (run.failed) report.errors.push({ scheduleId: schedule.id, message: run.failed });
          if (run.fresh.length) this.log.info('scan schedule found new results', { scheduleId: schedule.id, fresh: run.fresh.length, results: run.results });
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          report.errors.push({ scheduleId: schedule.id, message });
          this.log.warn('scan schedule run failed; retried at its next run', { scheduleId: schedule.id, error: message });
        }
      }
      this.lastFailure = null;
    } catch (error) {
      this.lastFailure = error instanceof Error ? error.message : String(error);
      this.log.error('scanner tick failed', { error });
    }
    this.last = report;
    return report;
  }

  private enabled(): ScanSchedule[] {
    return this.options.scanner.listSchedules().filter((s) => s.enabled);
  }

  private dueAt(schedule: ScanSchedule, now: number): number {
    return nextRunAt(schedule.everyMinutes, schedule.lastRunAt === null ? null : Date.parse(schedule.lastRunAt), now, this.options.allHours);
  }
}
