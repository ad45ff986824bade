import { randomUUID } from 'node:crypto';
import { CoachError, describeIssues, toIssues } from '../../shared/errors';
import type { Notification } from '../../shared/schemas/notifications';
import {
  SCAN_IDS,
  ScanRunInputSchema,
  type ScanCatalog,
  type ScanResult,
  type ScanRunInput,
  type ScanRunResult,
  type ScanSchedule,
  type ScheduleCreateParams,
  type ScheduleUpdateParams,
} from '../../shared/schemas/scanner';
import type { HandlerMap } from '../contract/dispatcher';
import type { EventBus } from '../contract/event-bus';
import type { Database } from '../db/database';
import type { NotificationsService } from '../notifications/service';
import type { Logger } from '../observability/logger';
import { resolveParams, scanDefinitions } from './catalog';
import { runScanRequest, type ScanDataSource } from './engine';
import { ScheduleRepository } from './schedules/repository';
import { defaultWatchlist } from './watchlist';

/** Reported results are remembered this long; their ids carry the session date, so older ones never come back. */
const SEEN_RETENTION_MS = 7 * 24 * 3600 * 1000;
/** New results named in a notification's body; the rest are counted. */
const NOTIFIED_BY_NAME = 3;

export interface ScannerServiceOptions {
  db: Database;
  events: EventBus;
  data: ScanDataSource;
  /** The profile's preferred symbols (read at each run: they lead the default watchlist). */
  preferredSymbols: () => readonly string[];
  /** Scanner notifications are written with the run's other writes and announced like alerts. */
  notifications: Pick<NotificationsService, 'repo' | 'announce'>;
  logger: Logger;
  clock?: () => number;
}

/** What one schedule run did. */
export interface ScheduleRunReport {
  scheduleId: string;
  results: number;
  /** Results the schedule had not reported before (each is notified once). */
  fresh: ScanResult[];
  notification: Notification | null;
  /** The symbols that failed, in a sentence ("2 symbol(s) failed: SPY (...), QQQ (...)"); null when none did. */
  failed: string | null;
}

/**
 * The opportunity scanner: the catalog, on-demand runs (`scanner:run`, and the coach's
 * `scan_opportunities` through `run`), schedules CRUD, and the runs of the schedule worker.
 */
export class ScannerService {
  readonly repo: ScheduleRepository;
  private readonly options: ScannerServiceOptions;
  private readonly clock: () => number;
  private readonly listeners = new Set<() => void>();

  constructor(options: ScannerServiceOptions) {
    this.options = options;
    this.clock = options.clock ?? Date.now;
    this.repo = new ScheduleRepository(options.db);
  }

  catalog(): ScanCatalog {
    return { scans: scanDefinitions(), defaultSymbols: this.watchlist() };
  }

  /**
   * Runs scans (default all) over symbols (default the watchlist) now, best score first, at most
   * `limit` results. Takes the contract's input unparsed, so the coach can call it directly.
   */
  async run(input: ScanRunInput = {}): Promise<ScanRunResult> {
    const parsed = ScanRunInputSchema.safeParse(input);
    if (!parsed.success) {
      const issues = toIssues(parsed.error);
      throw new CoachError('invalid_input', `Invalid input for scanner:run: ${describeIssues(issues)}`, { issues });
    }
    const { scans, symbols, params, limit } = parsed.data;
    return runScanRequest(
      this.options.data,
      { scans: scans ? [...new Set(scans)] : SCAN_IDS, symbols: symbols ? [...new Set(symbols)] : this.watchlist(), params: resolveParams(params), limit },
      this.clock,
    );
  }

  listSchedules(): ScanSchedule[] {
    return this.repo.list();
  }

  createSchedule(input: ScheduleCreateParams): ScanSchedule {
    const schedule = this.repo.insert(randomUUID(), { ...input, scans: [...new Set(input.scans)], symbols: input.symbols && [...new Set(input.symbols)] }, iso(this.clock()));
    this.changed('created', [schedule.id]);
    return schedule;
  }

  updateSchedule({ id, ...changes }: ScheduleUpdateParams): ScanSchedule {
    const existing = this.getSchedule(id);
    const scans = changes.scans ? [...new Set(changes.scans)] : existing.scans;
    const symbols = changes.symbols === undefined ? existing.symbols : changes.symbols && [...new Set(changes.symbols)];
    const schedule = this.repo.replace(
      id,
      { name: changes.name ?? existing.name, scans, symbols, everyMinutes: changes.everyMinutes ?? existing.everyMinutes, enabled: changes.enabled ?? existing.enabled },
      iso(this.clock()),
    );
    if (!schedule) throw new CoachError('not_found', `No scan schedule ${id}`);
    this.changed('updated', [id]);
    return schedule;
  }

  deleteSchedule(id: string): void {
    if (!this.repo.delete(id)) throw new CoachError('not_found', `No scan schedule ${id}`);
    this.changed('deleted', [id]);
  }

  getSchedule(id: string): ScanSchedule {
    const schedule = this.repo.get(id);
    if (!schedule) throw new CoachError('not_found', `No scan schedule ${id}`);
    return schedule;
  }

  /** Called after every create, update and delete (the worker plans its next wake again). */
  onSchedulesChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * One run of a schedule started at `now`: its scans over its symbols, the results it has not
   * reported before remembered, the run recorded and one notification for the new results, all in
   * one transaction; then the notification announced and `scanner:results` emitted.
   */
  async runSchedule(schedule: ScanSchedule, now: number): Promise<ScheduleRunReport> {
    const at = iso(now);
    let run: ScanRunResult;
    try {
      run = await this.run({ scans: schedule.scans, ...(schedule.symbols ? { symbols: schedule.symbols } : {}) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.repo.recordRun(schedule.id, { at, resultCount: 0, newCount: 0, error: message });
      this.changed('ran', [schedule.id]);
      throw error;
    }
    const failed = run.errors.length ? `${run.errors.length} symbol(s) failed: ${run.errors.slice(0, 3).map((e) => `${e.symbol} (${e.message})`).join(', ')}` : null;
    const { fresh, notification } = this.options.db.transaction(() => {
      // A schedule deleted while it ran reports nothing.
      if (!this.repo.get(schedule.id)) return { fresh: [], notification: null };
      const unseen = new Set(this.repo.unseen(schedule.id, run.results.map((r) => r.id)));
      const fresh = run.results.filter((r) => unseen.has(r.id));
      this.repo.markSeen(schedule.id, [...unseen], at);
      this.repo.recordRun(schedule.id, { at, resultCount: run.results.length, newCount: fresh.length, error: failed });
      this.repo.forgetSeenBefore(iso(now - SEEN_RETENTION_MS));
      const notification = fresh.length ? this.options.notifications.repo.insert({ id: randomUUID(), alertId: null, type: 'scanner_results', createdAt: at, ...resultsMessage(schedule.name, fresh) }) : null;
      return { fresh, notification };
    });
    this.changed('ran', [schedule.id]);
    if (notification) {
      const toast = this.options.notifications.announce(notification);
      this.options.events.emit('scanner:results', { scheduleId: schedule.id, scheduleName: schedule.name, results: fresh, notification, toast });
    }
    return { scheduleId: schedule.id, results: run.results.length, fresh, notification, failed };
  }

  handlers(): HandlerMap {
    return {
      'scanner:catalog': () => this.catalog(),
      'scanner:run': async (input, ctx) => {
        const result = await this.run(input);
        ctx.log.info('scanner run', { symbols: result.symbols.length, scans: result.scans.length, results: result.results.length, errors: result.errors.length, ms: result.ms });
        return result;
      },
      'scanner:schedules:list': () => ({ schedules: this.listSchedules() }),
      'scanner:schedules:create': (input, ctx) => {
        const schedule = this.createSchedule(input);
        ctx.log.info('scan schedule created', { id: schedule.id, scans: schedule.scans, everyMinutes: schedule.everyMinutes });
        return schedule;
      },
      'scanner:schedules:update': (input) => this.updateSchedule(input),
      'scanner:schedules:delete': ({ id }) => {
        this.deleteSchedule(id);
        return { removed: true };
      },
    };
  }

  private watchlist(): string[] {
    return defaultWatchlist(this.options.preferredSymbols());
  }

  private changed(reason: 'created' | 'updated' | 'deleted' | 'ran', ids: string[]): void {
    this.options.events.emit('scanner:schedulesChanged', { reason, ids });
    if (reason !== 'ran') for (const listener of this.listeners) listener();
  }
}

/** Title and body of a schedule's notification: the count, and the best new results by name. */
export function resultsMessage(scheduleName: string, fresh: readonly ScanResult[]): { title: string; body: string } {
  const named = [...fresh].sort((a, b) => b.score - a.score).slice(0, NOTIFIED_BY_NAME);
  const more = fresh.length - named.length;
  const body = named.map((r) => `${r.symbol} ${r.scanName} (${r.direction}, ${Math.round(r.score)})`).join('; ') + (more ? `; and ${more} more` : '') + '.';
  return { title: `Scanner: ${fresh.length} new result${fresh.length === 1 ? '' : 's'} (${scheduleName})`, body };
}

const iso = (ms: number): string => new Date(ms).toISOString();
