import * as Sentry from '@sentry/node';
import { CoachError } from '../../shared/errors';
import { createScrubber, secretValues, type Scrubber } from '../../shared/scrub';
import type { MonitoringConfig } from '../../shared/schemas/monitoring';
import type { AppConfig } from '../config';
import type { HandlerMap } from '../contract/dispatcher';
import type { CheckFn } from '../observability/health';
import type { LogFields, LogLevel } from '../observability/logger';
import { CircuitBreaker, type BreakerTransition } from '../net/circuit-breaker';
import { providerCheck } from '../net/provider-health';
import { parseDsn } from './dsn';
import { scrubEnvelopeBytes, scrubStructuredEnvelope, type StructuredEnvelope } from './envelope';
import { readInstallId } from './install-id';

type Transport = ReturnType<NonNullable<Sentry.NodeOptions['transport']>>;
type TransportFactory = (options: Parameters<NonNullable<Sentry.NodeOptions['transport']>>[0]) => Transport;

/**
 * The SDK that owns the process: `@sentry/node` in web mode and tests, `@sentry/electron/main` in the
 * desktop app (adapted in electron/platform/, the only place that may import it). Both are the same
 * SDK family on one `@sentry/core`, so capturing goes through `@sentry/node`'s functions either way.
 */
export interface SentrySdk {
  init(options: Sentry.NodeOptions): void;
  /** The SDK's own transport (Node http, or Electron's net with an offline queue). */
  makeTransport: TransportFactory;
}

export const nodeSentrySdk: SentrySdk = {
  init: (options) => void Sentry.init(options),
  makeTransport: Sentry.makeNodeTransport,
};

export interface MonitoringSettings {
  /** Monitoring is off (nothing initialised, nothing sent) without one. */
  dsn: string | undefined;
  environment: string;
  release: string;
  tracesSampleRate: number;
  /** The anonymous id of this installation, Sentry's user id. */
  installId: string;
  /** Exact values that must never leave the machine (API token, API keys, the DSN's key...). */
  secrets: string[];
  /** Whether the test-error tools are available (never in production). */
  testTools: boolean;
}

/** The release name events and uploaded source maps share. */
export function releaseName(version: string): string {
  return `titm-ai-coach@${version}`;
}

/** Monitoring settings from the configuration; the environment's secrets are added to the config's. */
export function monitoringSettings(config: AppConfig, version: string, env: NodeJS.ProcessEnv = process.env): MonitoringSettings {
  const dsnKey = config.SENTRY_DSN ? parseDsn(config.SENTRY_DSN)?.publicKey : undefined;
  return {
    dsn: config.SENTRY_DSN,
    environment: config.SENTRY_ENVIRONMENT ?? config.NODE_ENV,
    release: releaseName(version),
    tracesSampleRate: config.SENTRY_TRACES_SAMPLE_RATE,
    installId: readInstallId(config.dataDir),
    secrets: [...secretValues(config), ...secretValues(env), ...(config.SENTRY_DSN ? [config.SENTRY_DSN] : []), ...(dsnKey ? [dsnKey] : [])],
    testTools: config.NODE_ENV !== 'production',
  };
}

export interface ErrorContext {
  requestId: string;
  /** The contract call that crashed. */
  call?: string;
  transport?: string;
  method?: string;
  path?: string;
}

export interface TunnelResult {
  status: number;
  retryAfter?: string;
}

const RATE_LIMIT_REPORT_EVERY_MS = 60_000;
const FORWARD_TIMEOUT_MS = 10_000;
const BREADCRUMB_LEVEL: Record<LogLevel, Sentry.SeverityLevel> = { error: 'error', warn: 'warning', info: 'info', debug: 'debug' };

/**
 * Error monitoring: one `start(dsn)` that (re)initialises the SDK, and what the app reports through
 * it. Everything sent is scrubbed twice over: by `beforeSend`/`beforeBreadcrumb`, then once more as
 * an envelope in the transport (sessions, client reports, anything a hook does not see).
 */
export class Monitoring {
  private settings: MonitoringSettings;
  private scrubber: Scrubber;
  private started = false;
  private readonly rateLimitReported = new Map<string, number>();
  /**
   * Guards sending to Sentry. It is not in the host's BreakerHub on purpose: hub transitions are
   * reported to Sentry, and Sentry being down is no news to send to Sentry.
   */
  readonly breaker = new CircuitBreaker('sentry', { failureThreshold: 3, cooldownMs: 60_000 });

  constructor(
    private readonly sdk: SentrySdk,
    settings: MonitoringSettings,
  ) {
    this.settings = settings;
    this.scrubber = createScrubber(settings.secrets);
    this.start(settings.dsn);
  }

  get enabled(): boolean {
    return this.started;
  }

  /**
   * Initialises the SDK with `dsn` (the DSN can change at run time, e.g. entered in the Profile tab);
   * undefined turns monitoring off.
   */
  start(dsn: string | undefined): void {
    if (this.started) void Sentry.close(2000);
    this.settings = { ...this.settings, dsn };
    this.started = false;
    if (!dsn) return;
    const key = parseDsn(dsn)?.publicKey;
    this.addSecrets([dsn, ...(key ? [key] : [])]);
    const { environment, release, tracesSampleRate } = this.settings;
    this.sdk.init({
      dsn,
      environment,
      release,
      tracesSampleRate,
      sendDefaultPii: false,
      // Counts of dropped transactions are not errors: they would leave the machine every minute for nothing.
      sendClientReports: false,
      // Sentry would send os.hostname() otherwise, which often carries the user's name.
      serverName: 'titm',
      // Our logs become breadcrumbs with their fields; console breadcrumbs would repeat them. Each call
      // to the loopback API is not a user session: release health would count one per request and
      // send the tally every minute.
      integrations: (defaults) =>
        defaults
          .filter((integration) => integration.name !== 'Console')
          .map((integration) => (integration.name === 'Http' ? Sentry.httpIntegration({ trackIncomingRequestsAsSessions: false }) : integration)),
      beforeSend: (event) => this.scrubber.value(event),
      beforeSendTransaction: (event) => this.scrubber.value(event),
      beforeBreadcrumb: (breadcrumb) => this.scrubber.value(breadcrumb),
      transport: (options) => this.guardedTransport(this.sdk.makeTransport(options)),
    });
    Sentry.setUser({ id: this.settings.installId });
    this.started = true;
  }

  /** More values to scrub (the API token when the server made a random one). */
  addSecrets(values: string[]): void {
    this.settings = { ...this.settings, secrets: [...new Set([...this.settings.secrets, ...values])] };
    this.scrubber = createScrubber(this.settings.secrets);
  }

  /** `value` without the secrets and personal data the scrubber knows (for what the app shows, too). */
  scrub<T>(value: T): T {
    return this.scrubber.value(value);
  }

  /** A crash of a call or of a request, tagged with its request id (to find it in the log). */
  captureError(error: unknown, context: ErrorContext): void {
    if (!this.started) return;
    Sentry.withScope((scope) => {
      scope.setTag('requestId', context.requestId);
      if (context.call) scope.setTag('call', context.call);
      if (context.transport) scope.setTag('transport', context.transport);
      if (context.method || context.path) scope.setContext('api', { method: context.method, path: context.path });
      Sentry.captureException(error);
    });
  }

  /** Each open / half-open / close of a provider's breaker, with the failures that led to it. */
  breakerTransition(transition: BreakerTransition): void {
    if (!this.started) return;
    const statuses = transition.failures.map((f) => f.status ?? 'network');
    Sentry.captureEvent({
      message: `Circuit breaker ${transition.breaker} ${transition.from} → ${transition.to}`,
      level: transition.to === 'open' ? 'warning' : 'info',
      fingerprint: ['circuit-breaker', transition.breaker, transition.to],
      tags: { breaker: transition.breaker, 'breaker.from': transition.from, 'breaker.to': transition.to },
      contexts: {
        breaker: {
          at: transition.at,
          failureCount: transition.failures.length,
          // The failure pattern at a glance ("500,500,503" or "network,network,network").
          pattern: statuses.join(','),
          // One line each: the SDK flattens objects this deep in an event to "[Object]".
          failures: transition.failures.map((f) => `${f.at} ${f.status ?? 'network'}: ${f.message}`),
        },
      },
    });
  }

  /** A client hit the local API's rate limit: a warning, at most once a minute per path. */
  rateLimited(context: { requestId: string; path: string }): void {
    if (!this.started) return;
    const now = Date.now();
    if (now - (this.rateLimitReported.get(context.path) ?? -Infinity) < RATE_LIMIT_REPORT_EVERY_MS) return;
    this.rateLimitReported.set(context.path, now);
    Sentry.withScope((scope) => {
      scope.setTags({ requestId: context.requestId, path: context.path });
      Sentry.captureMessage('Local API rate limit hit', 'warning');
    });
  }

  /** A log line as a breadcrumb, so an event shows what the app did just before. */
  logBreadcrumb(level: LogLevel, message: string, fields: LogFields): void {
    if (!this.started) return;
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) data[key] = value instanceof Error ? `${value.name}: ${value.message}` : value;
    Sentry.addBreadcrumb({ category: 'log', level: BREADCRUMB_LEVEL[level], message, data });
  }

  /** What the renderer needs to set up its SDK (never the DSN). */
  publicConfig(): MonitoringConfig {
    const { environment, release, tracesSampleRate, installId, testTools } = this.settings;
    return { enabled: this.started, environment, release, tracesSampleRate, installId: this.started ? installId : null, testTools };
  }

  handlers(): HandlerMap {
    return {
      'monitoring:config': () => this.publicConfig(),
      // Fails on purpose, so a report can be checked end to end (request id and all).
      'monitoring:test-error': () => {
        if (!this.settings.testTools) throw new CoachError('forbidden', 'Test errors are not available in production builds');
        throw new Error('Test error raised in the main process (monitoring check)');
      },
    };
  }

  /**
   * The renderer's envelopes in web mode (Sentry's `tunnel`): scrubbed again here, then forwarded to
   * the configured DSN, whatever DSN the page claimed.
   */
  async tunnel(body: Buffer): Promise<TunnelResult> {
    const target = this.settings.dsn ? parseDsn(this.settings.dsn) : undefined;
    if (!this.started || !target) return { status: 404 };
    const scrubbed = scrubEnvelopeBytes(body, this.scrubber);
    const res = await this.breaker.run(() => postEnvelope(target.envelopeUrl, scrubbed));
    return { status: res.status, retryAfter: res.headers.get('retry-after') ?? undefined };
  }

  /** The `provider:sentry` health check: configured or off, and whether sending works. */
  check(): CheckFn {
    return providerCheck(() => ({ source: this.started ? 'sentry' : 'log files', configured: this.started }), this.breaker);
  }

  /** Sends what is queued (up to `timeoutMs`) and stops. */
  async close(timeoutMs = 2000): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await Sentry.close(timeoutMs);
  }

  private guardedTransport(inner: Transport): Transport {
    return {
      ...inner,
      send: async (envelope) => {
        const scrubbed = scrubStructuredEnvelope(envelope as unknown as StructuredEnvelope, this.scrubber);
        try {
          return await this.breaker.run(async () => {
            const result = await inner.send(scrubbed as unknown as typeof envelope);
            if (result.statusCode !== undefined && result.statusCode >= 500) throw Object.assign(new Error(`Sentry answered ${result.statusCode}`), { status: result.statusCode });
            return result;
          });
        } catch {
          return {}; // dropped: monitoring must never break the app; the health check shows the failures
        }
      },
    };
  }
}

async function postEnvelope(url: string, body: Buffer): Promise<Response> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-sentry-envelope' },
    body: new Uint8Array(body),
    signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (res.status >= 500) throw Object.assign(new Error(`Sentry answered ${res.status}`), { status: res.status });
  return res;
}
