import fs from 'node:fs';
import path from 'node:path';
import type { AppInfo } from '../shared/schemas/app';
import { appHandlers } from './app/service';
import { loadConfig, APP_NAME, type AppConfig } from './config';
import { EventBus } from './contract/event-bus';
import { createDispatcher, mergeHandlers, type Dispatch } from './contract/dispatcher';
import { Database } from './db/database';
import { Monitoring, monitoringSettings, nodeSentrySdk } from './monitoring/monitoring';
import { BreakerHub } from './net/circuit-breaker';
import { HealthRegistry } from './observability/health';
import { HealthMonitor } from './observability/health-monitor';
import { createLogger, type Logger, type LoggerOptions } from './observability/logger';
import { workerCheck, type WorkerHealth } from './observability/worker-health';
import { SettingsService } from './settings/service';

export type { WorkerHealth } from './observability/worker-health';

/** A background service of the main process (alert watcher, scanner schedules, sync...). */
export interface Worker {
  readonly name: string;
  start(): void;
  /** Resolves when the job in flight (if any) has finished. */
  stop(): Promise<void>;
  /**
   * How the worker is doing (last tick, items watched, last error). When present, the host adds a
   * non-critical `worker:<name>` health check from it: degraded when stale or failing.
   */
  health?(): WorkerHealth;
}

export interface HostOptions {
  mode: AppInfo['mode'];
  env?: NodeJS.ProcessEnv;
  /** Data folder when TITM_DATA_DIR is not set (Electron passes `app.getPath('userData')`). */
  fallbackDataDir?: string;
  version: string;
  /** Replaces the log file and console (tests). */
  logSink?: LoggerOptions['sink'];
  /**
   * Error monitoring already started by the caller: the Electron shell starts it before the app is
   * ready, with Electron's SDK. Otherwise the host starts it with `@sentry/node`.
   */
  monitoring?: Monitoring;
}

export interface Host {
  readonly config: AppConfig;
  readonly info: AppInfo;
  readonly logger: Logger;
  readonly db: Database;
  readonly events: EventBus;
  readonly health: HealthRegistry;
  /** Every circuit breaker guarding an external provider (health lists them, monitoring reports transitions). */
  readonly breakers: BreakerHub;
  /** Error monitoring (Sentry when SENTRY_DSN is set; otherwise it does nothing). */
  readonly monitoring: Monitoring;
  readonly dispatch: Dispatch;
  /** Registers a background service; it starts with the host and is drained on stop. */
  addWorker(worker: Worker): void;
  start(): void;
  /** Stops the workers (draining their jobs) and closes the database. Safe to call twice. */
  stop(): Promise<void>;
}

/** The composition root: configuration, database, services, workers. */
export function createHost(options: HostOptions): Host {
  const config = loadConfig(options.env ?? process.env, options.fallbackDataDir);
  fs.mkdirSync(config.dataDir, { recursive: true });
  // First, so that everything after it (including a failing start) can be reported.
  const monitoring = options.monitoring ?? new Monitoring(nodeSentrySdk, monitoringSettings(config, options.version, options.env ?? process.env));
  const logger = createLogger({
    level: config.TITM_LOG_LEVEL,
    logDir: path.join(config.dataDir, 'logs'),
    console: options.mode === 'web',
    sink: options.logSink,
    onEntry: (level, msg, fields) => monitoring.logBreadcrumb(level, msg, fields),
  });
  const development = config.NODE_ENV !== 'production';
  const db = new Database({
    file: path.join(config.dataDir, 'titm.sqlite'),
    logger,
    slowQueryMs: config.TITM_SLOW_QUERY_MS,
    nativeBinding: config.TITM_SQLITE_BINDING,
  });
  const events = new EventBus(development);
  const health = new HealthRegistry();
  const breakers = new BreakerHub();
  breakers.onTransition((transition) => monitoring.breakerTransition(transition));
  health.register(
    'database',
    () => {
      db.prepare('SELECT 1').get();
      return { status: 'ok', data: { schemaVersion: db.schemaVersion } };
    },
    { critical: true },
  );
  health.register('provider:sentry', monitoring.check(), { critical: false });

  const info: AppInfo = {
    name: APP_NAME,
    version: options.version,
    mode: options.mode,
    dataDir: config.dataDir,
    platform: process.platform,
    startedAt: new Date().toISOString(),
  };
  const settings = new SettingsService(db, events);
  const dispatch = createDispatcher(mergeHandlers(appHandlers(info, health), settings.handlers(), monitoring.handlers()), {
    logger,
    validateOutput: development,
    onCrash: (error, ctx) => monitoring.captureError(error, ctx),
  });

  const workers: Worker[] = [];
  let startedAt: number | undefined;
  let stopping: Promise<void> | undefined;
  const addWorker = (worker: Worker) => {
    if (workers.some((w) => w.name === worker.name)) throw new Error(`Worker ${worker.name} is added twice`);
    workers.push(worker);
    const report = worker.health?.bind(worker);
    if (report) health.register(`worker:${worker.name}`, workerCheck(report, () => startedAt), { critical: false });
  };
  addWorker(new HealthMonitor(health, events, logger, config.TITM_HEALTH_INTERVAL_MS));

  return {
    config,
    info,
    logger,
    db,
    events,
    health,
    breakers,
    monitoring,
    dispatch,
    addWorker,
    start() {
      startedAt ??= Date.now();
      for (const worker of workers) worker.start();
      logger.info('host started', { mode: options.mode, version: options.version, workers: workers.length });
    },
    stop() {
      stopping ??= (async () => {
        await Promise.allSettled(workers.map((worker) => worker.stop()));
        db.close();
        logger.info('host stopped');
        await monitoring.close();
      })();
      return stopping;
    },
  };
}
