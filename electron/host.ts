import fs from 'node:fs';
import path from 'node:path';
import type { AppInfo } from '../shared/schemas/app';
import { KEY_NAMES } from '../shared/schemas/keys';
import { AlertsService } from './alerts/service';
import { AlertWorker } from './alerts/worker';
import { appHandlers } from './app/service';
import { ChatService } from './chat/service';
import type { ScreenCapturer } from './screenshot/capture';
import { ScreenshotService, type ImageChecker } from './screenshot/service';
import type { PositionExtractor } from './screenshot/types';
import { OpenAiVisionExtractor } from './screenshot/vision/openai-vision';
import { checkImage } from './screenshot/image';
import { LocalOcrExtractor } from './screenshot/local-extractor';
import { marketDate } from './market/calendar';
import { CHAT_FUNCTIONS } from './chat/functions';
import { createOfflineProvider } from './chat/providers';
import { DEFAULT_OPENAI_MODEL, OpenAiProvider } from './chat/providers/openai';
import type { ChatFunction, ChatProvider } from './chat/types';
import { loadConfig, APP_NAME, type AppConfig } from './config';
import { EventBus } from './contract/event-bus';
import { createDispatcher, mergeHandlers, type Dispatch } from './contract/dispatcher';
import { createStreamDispatcher, mergeStreamHandlers, type StreamDispatch } from './contract/stream-dispatcher';
import { StreamRegistry } from './contract/stream-registry';
import { Database } from './db/database';
import { JournalService } from './journal/service';
import { LevelsService } from './levels/service';
import { MacroService } from './macro/service';
import { MarketService } from './market/service';
import { Monitoring, monitoringSettings, nodeSentrySdk } from './monitoring/monitoring';
import { BreakerHub } from './net/circuit-breaker';
import { providerCheck } from './net/provider-health';
import { HealthRegistry } from './observability/health';
import type { NativeNotifier } from './notifications/notifier';
import { NotificationsService } from './notifications/service';
import { HealthMonitor } from './observability/health-monitor';
import { createLogger, type Logger, type LoggerOptions } from './observability/logger';
import { workerCheck, type WorkerHealth } from './observability/worker-health';
import { OptionsChainService } from './options/chains/service';
import { LeapsService } from './options/leaps/service';
import { PositionsService } from './options/positions/service';
import { ProfileService } from './profile/service';
import { MarketScanData } from './scanner/market-data';
import { ScannerService } from './scanner/service';
import { ScannerWorker } from './scanner/worker';
import type { Encryptor } from './secrets/encryptor';
import { SecretsService } from './secrets/service';
import { SettingsService } from './settings/service';

/** Saved service keys in the data folder (mode 0600, encrypted when the OS allows). */
export const SECRETS_FILE = 'secrets.json';

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
  /** OS encryption of saved service keys (the desktop shell's safeStorage adapter); none in web mode. */
  encryptor?: Encryptor;
  /**
   * Error monitoring already started by the caller: the Electron shell starts it before the app is
   * ready, with Electron's SDK. Otherwise the host starts it with `@sentry/node`.
   */
  monitoring?: Monitoring;
  /**
   * Native OS popups of notifications (Electron's `Notification` in the desktop shell, node-notifier
   * in web mode). Absent: notifications stay in-app (toast, badge, list). A click on a popup emits
   * `notifications:clicked`.
   */
  notifier?: NativeNotifier;
  /** Screen capture of the desktop shell (desktopCapturer); absent in web mode. */
  capturer?: ScreenCapturer;
  /**
   * The screenshot reader's image check and local OCR (tests pass doubles). Absent: the real ones
   * (electron/screenshot/image.ts, electron/screenshot/local-extractor.ts).
   */
  screenshot?: { checkImage?: ImageChecker; localOcr?: PositionExtractor };
  /** Replaces the chat's engine and functions (tests drive turns with scripted doubles). */
  chat?: { provider?: ChatProvider; functions?: ChatFunction[] };
  /**
   * The clock market data is read at, and everything priced from it (levels, chains, positions,
   * LEAPS, macro, scans). Absent: the wall clock. Tests hold it still so that two reads taken during
   * a live session agree.
   */
  marketClock?: () => number;
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
  /** Error monitoring (Sentry when SENTRY_DSN is set; otherwise it does nothing). */
  readonly monitoring: Monitoring;
  /** Price alerts (CRUD and the writes of the alert worker's ticks). */
  readonly alerts: AlertsService;
  /** The notification inbox and the delivery of fired alerts (events, native popups). */
  readonly notifications: NotificationsService;
  /** The AI coach's sessions and turns. */
  readonly chat: ChatService;
  /** The opportunity scanner: `run({scans?, symbols?, limit?})` for the coach's scan_opportunities, schedules CRUD. */
  readonly scanner: ScannerService;
  /** Broker screenshots: the daily limit, capture, and the reading of positions (`screenshot:extract`). */
  readonly screenshots: ScreenshotService;
  readonly dispatch: Dispatch;
  /** The streaming calls of the contract (`streams`: the chat's answers). */
  readonly streams: StreamDispatch;
  /** Streams in flight by their caller's id (IPC registers them; `chat:cancel` stops one). */
  readonly streamRegistry: StreamRegistry;
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
  const health = new HealthRegistry((value) => monitoring.scrub(value));
  const breakers = new BreakerHub();
  breakers.onTransition((transition) => monitoring.breakerTransition(transition));
  health.register(
    'database',
    () => {
      db.prepare('SELECT 1').get();
      return { status: 'ok', detail: 'SQLite answers', data: { schemaVersion: db.schemaVersion } };
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
  const profile = new ProfileService({ db, events });
  const secrets = new SecretsService({
    file: path.join(config.dataDir, SECRETS_FILE),
    encryptor: options.encryptor,
    fallback: Object.fromEntries(KEY_NAMES.map((name) => [name, config[name]])),
    logger,
    events,
  });
  // A DSN saved in the Profile tab wins over SENTRY_DSN and applies without a restart; every saved
  // key joins the values the scrubber removes before anything leaves the machine.
  const followSecrets = () => monitoring.addSecrets(KEY_NAMES.flatMap((name) => secrets.get(name) ?? []));
  followSecrets();
  if (secrets.get('SENTRY_DSN') !== config.SENTRY_DSN) monitoring.start(secrets.get('SENTRY_DSN'));
  secrets.onChange((name) => {
    followSecrets();
    if (name === 'SENTRY_DSN') monitoring.start(secrets.get('SENTRY_DSN'));
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
    now: options.marketClock,
  });
  health.register('provider:market', providerCheck(() => market.describe(), massiveBreaker), { critical: false });
  const levels = new LevelsService({ market, now: options.marketClock });
  const optionChains = new OptionsChainService({
    market,
    // The market's client: one key, one breaker, so an outage seen by either trips both.
    massive: market.massiveClient,
    apiKey: secrets.getter('MASSIVE_API_KEY'),
    now: options.marketClock,
  });
  const journal = new JournalService(db, events);
  const notifications = new NotificationsService({ db, events, logger, notifier: options.notifier, prefs: () => profile.get().notificationPrefs });
  const alerts = new AlertsService({ db, events, quotes: market, notifications: notifications.repo });
  const positions = new PositionsService({ db, events, chains: optionChains, market, now: options.marketClock });
  const macro = new MacroService({ market, now: options.marketClock });
  const leaps = new LeapsService({ market, chains: optionChains, now: options.marketClock });
  const scanner = new ScannerService({
    db,
    events,
    data: new MarketScanData({ market, levels, chains: optionChains, clock: options.marketClock }),
    preferredSymbols: () => profile.get().preferredSymbols,
    notifications,
    logger,
  });
  const streamRegistry = new StreamRegistry();
  const offlineCoach = createOfflineProvider({ paceMs: config.OFFLINE_COACH_PACE_MS });
  const openAiKey = secrets.getter('OPENAI_API_KEY');
  const openAiBreaker = breakers.create('openai', { failureThreshold: 5, cooldownMs: 30_000 });
  // Tesseract's worker thread starts with the first reading and ends with the host.
  const localOcr = options.screenshot?.localOcr ?? new LocalOcrExtractor({ today: () => marketDate(Date.now()) });
  const screenshots = new ScreenshotService({
    db,
    dailyLimit: () => settings.list()['screenshot.dailyLimit'],
    capturer: options.capturer,
    checkImage: options.screenshot?.checkImage ?? checkImage,
    extractors: {
      local: localOcr,
      // Same server, key and breaker as the chat: an outage seen by either trips both.
      vision: {
        extractor: new OpenAiVisionExtractor({
          apiKey: openAiKey,
          baseURL: config.OPENAI_BASE_URL,
          model: config.OPENAI_VISION_MODEL ?? config.OPENAI_MODEL ?? DEFAULT_OPENAI_MODEL,
          timeoutMs: config.OPENAI_TIMEOUT_MS,
          breaker: openAiBreaker,
        }),
        enabled: () => Boolean(openAiKey()),
      },
    },
  });
  const openAi = new OpenAiProvider({
    apiKey: openAiKey,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    breaker: openAiBreaker,
  });
  // Asked at each turn: a key saved in the Profile tab switches the coach to the model without a restart.
  const chatProvider = () => (openAiKey() ? openAi : offlineCoach);
  health.register('provider:chat', providerCheck(() => ({ source: chatProvider() === openAi ? `openai (${openAi.model})` : 'offline coach', configured: chatProvider() === openAi }), openAiBreaker), { critical: false });
  const replacedProvider = options.chat?.provider;
  const chat = new ChatService({
    db,
    events,
    profile,
    // The functions call the services through the contract (validated, logged with the turn's request id).
    dispatch: (name, input, ctx) => dispatch(name, input, ctx),
    functions: options.chat?.functions ?? CHAT_FUNCTIONS,
    provider: replacedProvider ? () => replacedProvider : chatProvider,
    streams: streamRegistry,
  });
  const dispatch: Dispatch = createDispatcher(
    mergeHandlers(
      appHandlers(info, health),
      settings.handlers(),
      monitoring.handlers(),
      profile.handlers(),
      secrets.handlers(),
      market.handlers(),
      levels.handlers(),
      journal.handlers(),
      alerts.handlers(),
      notifications.handlers(),
      optionChains.handlers(),
      positions.handlers(),
      leaps.handlers(),
      macro.handlers(),
      scanner.handlers(),
      chat.handlers(),
      screenshots.handlers(),
    ),
    { logger, validateOutput: development, onCrash: (error, ctx) => monitoring.captureError(error, ctx) },
  );
  const dispatchStream = createStreamDispatcher(mergeStreamHandlers(chat.streamHandlers(), screenshots.streamHandlers()), {
    logger,
    validateOutput: development,
    onCrash: (error, ctx) => monitoring.captureError(error, ctx),
  });
  // Every answer in flight, over IPC or HTTP: stop() lets each store what it keeps before the database closes.
  const answering = new Set<Promise<unknown>>();
  const streams: StreamDispatch = (name, input, ctx) => {
    const run = dispatchStream(name, input, ctx);
    answering.add(run);
    void run.finally(() => answering.delete(run));
    return run;
  };

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
  if (config.ALERT_WORKER_ENABLED) {
    addWorker(new AlertWorker({ alerts, delivery: notifications, quotes: market, levels, logger, fixedIntervalMs: config.ALERT_TICK_MS }));
  }
  if (config.SCANNER_WORKER_ENABLED) addWorker(new ScannerWorker({ scanner, logger, allHours: config.SCANNER_ALL_HOURS }));

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
    monitoring,
    alerts,
    notifications,
    scanner,
    chat,
    screenshots,
    dispatch,
    streams,
    streamRegistry,
    addWorker,
    start() {
      startedAt ??= Date.now();
      for (const worker of workers) worker.start();
      logger.info('host started', { mode: options.mode, version: options.version, workers: workers.length });
    },
    stop() {
      stopping ??= (async () => {
        // Answers still streaming stop (IPC here; HTTP ones when the local API cut their connection) and
        // store their partial text before the database closes; bounded, so a stuck one cannot hold the quit.
        streamRegistry.cancelAll();
        const answersStored = Promise.race([Promise.allSettled([...answering]), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
        await Promise.allSettled([...workers.map((worker) => worker.stop()), answersStored]);
        // After the readings in flight (they are streams too): the OCR worker ends last.
        await screenshots.dispose().catch((error: unknown) => logger.warn('screenshot reader did not stop cleanly', { error }));
        db.close();
        logger.info('host stopped');
        await monitoring.close();
      })();
      return stopping;
    },
  };
}
