import fs from 'node:fs';
import path from 'node:path';
import type { AppInfo } from '../shared/schemas/app';
import { KEY_NAMES } from '../shared/schemas/keys';
import { appHandlers } from './app/service';
import { loadConfig, APP_NAME, type AppConfig } from './config';
import { EventBus } from './contract/event-bus';
import { createDispatcher, mergeHandlers, type Dispatch } from './contract/dispatcher';
import { Database } from './db/database';
import { BreakerHub } from './net/circuit-breaker';
import { HealthRegistry } from './observability/health';
import { HealthMonitor } from './observability/health-monitor';
import { JournalService } from './journal/service';
import { createLogger, type Logger, type LoggerOptions } from './observability/logger';
import { ProfileService } from './profile/service';
import type { Encryptor } from './secrets/encryptor';
import { SecretsService } from './secrets/service';
import { MarketService } from './market/service';
import { providerCheck } from './net/provider-health';
import { SettingsService } from './settings/service';

/** Saved service keys in the data folder (mode 0600, encrypted when the OS allows). */
export const SECRETS_FILE = 'secrets.json';

/** A background service of the main process (alert watcher, scanner schedules, sync...). */
export interface Worker {
  readonly name: string;
  start(): void;
  /** Resolves when the job in flight (if any) has finished. */
  stop(): Promise<void>;
}

export interface HostOptions {
  mode: AppInfo['mode'];
  env?: NodeJS.ProcessEnv;
  /** Data folder when TITM_DATA_DIR is not set (Electron passes `app.getPath('userData')`). */
  fallbackDataDir?: string;
  version: string;
  /** Replaces the log file and console (tests). */
  logSink?: LoggerOptions['sink'];
  /** OS encryption of saved service keys (the desktop shell's safeStorage adapter); none in web mode. */
  encryptor?: Encryptor;
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
  /** The local user's profile; the chat counts each message with `profile.recordQuery()`. */
  readonly profile: ProfileService;
  /** Service keys (saved in the Profile tab, else env / config.json): `get`, `getter`, `onChange`. */
  readonly secrets: SecretsService;
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
  const logger = createLogger({
    level: config.TITM_LOG_LEVEL,
    logDir: path.join(config.dataDir, 'logs'),
    console: options.mode === 'web',
    sink: options.logSink,
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
  health.register(
    'database',
    () => {
      db.prepare('SELECT 1').get();
      return { status: 'ok', data: { schemaVersion: db.schemaVersion } };
    },
    { critical: true },
  );

  const info: AppInfo = {
    name: APP_NAME,
    version: options.version,
    mode: options.mode,
    dataDir: config.dataDir,
    platform: process.platform,
    startedAt: new Date().toISOString(),
  };
  const settings = new SettingsService(db, events);
  const profile = new ProfileService({ db, events });
  const secrets = new SecretsService({
    file: path.join(config.dataDir, SECRETS_FILE),
    encryptor: options.encryptor,
    fallback: Object.fromEntries(KEY_NAMES.map((name) => [name, config[name]])),
    logger,
    events,
  });
  const massiveBreaker = breakers.create('massive', { failureThreshold: 5, cooldownMs: 30_000 });
  const market = new MarketService({
    db,
    logger,
    // Read at every call: a key saved in the Profile tab switches to Massive without a restart.
    apiKey: secrets.getter('MASSIVE_API_KEY'),
    baseUrl: config.MASSIVE_BASE_URL,
    timeoutMs: config.MASSIVE_TIMEOUT_MS,
    breaker: massiveBreaker,
  });
  health.register('provider:market', providerCheck(() => market.describe(), massiveBreaker), { critical: false });
  const journal = new JournalService(db, events);
  const dispatch = createDispatcher(
    mergeHandlers(appHandlers(info, health), settings.handlers(), profile.handlers(), secrets.handlers(), market.handlers(), journal.handlers()),
    { logger, validateOutput: development },
  );

  const workers: Worker[] = [new HealthMonitor(health, events, logger, config.TITM_HEALTH_INTERVAL_MS)];
  let stopping: Promise<void> | undefined;

  return {
    config,
    info,
    logger,
    db,
    events,
    health,
    breakers,
    profile,
    secrets,
    dispatch,
    addWorker(worker) {
      if (workers.some((w) => w.name === worker.name)) throw new Error(`Worker ${worker.name} is added twice`);
      workers.push(worker);
    },
    start() {
      for (const worker of workers) worker.start();
      logger.info('host started', { mode: options.mode, version: options.version, workers: workers.length });
    },
    stop() {
      stopping ??= (async () => {
        await Promise.allSettled(workers.map((worker) => worker.stop()));
        db.close();
        logger.info('host stopped');
      })();
      return stopping;
    },
  };
}
