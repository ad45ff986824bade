import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CoachError, type ApiErrorBody } from '../shared/errors';
import { MONITORING_TUNNEL_PATH } from '../shared/schemas/monitoring';
import type { EventBus } from './contract/event-bus';
import type { Dispatch } from './contract/dispatcher';
import type { StreamDispatch } from './contract/stream-dispatcher';
import type { HealthRegistry } from './observability/health';
import { EnvelopeError } from './monitoring/envelope';
import type { Monitoring } from './monitoring/monitoring';
import type { Logger } from './observability/logger';
import { BodyError, readBody, readJsonBody, sendError, sendJson } from './server/http';
import { RateLimiter } from './server/rate-limit';
import { compileRestRoutes, matchRestRoute, queryInput, takesBody } from './server/rest';
import { SseHub } from './server/sse';
import { serveStream, streamRouter } from './server/stream-route';
import { serveStatic } from './server/static-files';

export interface ApiServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Bearer token; a random one is made when absent. */
  token?: string;
  dispatch: Dispatch;
  /** The streaming calls (the chat's answers): `POST /api/stream/<name>` and their REST addresses. */
  streams: StreamDispatch;
  events: EventBus;
  health: HealthRegistry;
  logger: Logger;
  /** Folder of the built renderer; the API alone is served when absent. */
  staticDir?: string;
  rateLimit: { perSecond: number; burst: number };
  /** How long `close()` waits for requests in flight before cutting them. */
  shutdownGraceMs?: number;
  /** Error monitoring: request crashes, rate-limit hits, and the renderer's tunnel in web mode. */
  monitoring?: Pick<Monitoring, 'captureError' | 'rateLimited' | 'tunnel' | 'addSecrets'>;
  /** The heartbeat comment of a streaming answer (15 s; tests shorten it). */
  streamHeartbeatMs?: number;
}

export interface ApiServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Stops accepting, ends event streams, lets requests in flight finish, then resolves. */
  close(): Promise<void>;
}

type FailFn = (error: Omit<ApiErrorBody, 'requestId'>, headers?: Record<string, string>) => void;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

/** The local API must never listen beyond this machine. */
export function assertLoopbackHost(host: string): void {
  if (!LOOPBACK_HOSTS.has(host)) {
    throw new Error(`Refusing to bind the local API to ${host}: only 127.0.0.1, ::1 or localhost are allowed`);
  }
}

export function generateToken(): string {
  return randomBytes(24).toString('base64url');
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  assertLoopbackHost(options.host);
  const token = options.token ?? generateToken();
  const restRoutes = compileRestRoutes();
  const matchStream = streamRouter();
  options.monitoring?.addSecrets([token]);
  const limiter = new RateLimiter(options.rateLimit.perSecond, options.rateLimit.burst);
  const sse = new SseHub();
  const unsubscribe = options.events.subscribe((name, payload) => sse.send(name, payload));
  const inFlight = new Set<Promise<void>>();
  let allowedHosts = new Set<string>();

  const server = http.createServer((req, res) => {
    const job = handle(req, res).finally(() => inFlight.delete(job));
    inFlight.add(job);
  });
  server.keepAliveTimeout = 5_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const log = options.logger.child({ requestId });
    const started = performance.now();
    // A body refused as too large was never read to its end: the connection cannot carry another request.
    const fail = (error: Omit<ApiErrorBody, 'requestId'>, headers?: Record<string, string>) =>
      sendError(res, { ...error, requestId }, error.code === 'payload_too_large' ? { ...headers, connection: 'close' } : headers);
    try {
      await route(req, res, requestId, log, fail);
    } catch (error) {
      log.error('request crashed', { method: req.method, path: req.url, error });
      options.monitoring?.captureError(error, { requestId, method: req.method, path: req.url?.split('?')[0] });
      if (!res.headersSent) fail({ code: 'internal', message: 'Internal error; see the log for this request id.' });
      else res.destroy();
    } finally {
      const fields = { method: req.method, path: req.url?.split('?')[0], status: res.statusCode, ms: Math.round(performance.now() - started) };
      if (res.statusCode >= 500) log.error('request', fields);
      else if (res.statusCode >= 400) log.info('request', fields);
      else log.debug('request', fields);
    }
  }

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    log: Logger,
    fail: FailFn,
  ): Promise<void> {
    // A Host other than our own loopback name means DNS rebinding or a confused client.
    if (!allowedHosts.has(req.headers.host ?? '')) return fail({ code: 'forbidden', message: 'Host not allowed' });
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    const method = req.method ?? 'GET';

    if (path === '/health' && (method === 'GET' || method === 'HEAD')) {
      return sendJson(res, 200, { status: 'ok' });
    }
    if (path === '/health/ready' && (method === 'GET' || method === 'HEAD')) {
      const report = await options.health.report();
      return sendJson(res, report.ready ? 200 : 503, report);
    }

    if (path === '/api' || path.startsWith('/api/')) {
      // CORS stays closed: no Access-Control-* headers, and cross-origin browsers are refused.
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
        return fail({ code: 'forbidden', message: 'Cross-origin requests are not allowed' });
      }
      const client = `${req.socket.remoteAddress}|${req.headers['user-agent'] ?? ''}`;
      const waitS = limiter.take(client);
      if (waitS > 0) {
        options.monitoring?.rateLimited({ requestId, path });
        return fail({ code: 'rate_limited', message: 'Too many requests; slow down.' }, { 'retry-after': String(waitS) });
      }
      if (!tokenMatches(req.headers.authorization, token)) {
        return fail({ code: 'unauthorized', message: 'Missing or wrong bearer token' }, { 'www-authenticate': 'Bearer' });
      }

      if (path === '/api/events') {
        if (method !== 'GET') return fail({ code: 'method_not_allowed', message: 'Use GET' }, { allow: 'GET' });
        return sse.open(res, requestId);
      }
      if (path === MONITORING_TUNNEL_PATH) {
        if (method !== 'POST') return fail({ code: 'method_not_allowed', message: 'Use POST' }, { allow: 'POST' });
        return tunnel(req, res, fail);
      }
      const stream = matchStream(method, path);
      if (stream && 'allow' in stream) return fail({ code: 'method_not_allowed', message: `Use ${stream.allow.join(' or ')}` }, { allow: stream.allow.join(', ') });
      if (stream) {
        return serveStream(req, res, { name: stream.call, streams: options.streams, requestId, log, fail, heartbeatMs: options.streamHeartbeatMs });
      }
      const rpc = /^\/api\/rpc\/([\w:-]+)$/.exec(path);
      const rest = rpc ? undefined : matchRestRoute(restRoutes, method, path);
      if (rest && 'allow' in rest) return fail({ code: 'method_not_allowed', message: `Use ${rest.allow.join(' or ')}` }, { allow: rest.allow.join(', ') });
      if (rpc && method !== 'POST') return fail({ code: 'method_not_allowed', message: 'Use POST' }, { allow: 'POST' });
      if (!rpc && !rest) return fail({ code: 'not_found', message: `No API route ${method} ${path}` });

      let input: unknown;
      try {
        input = rpc || takesBody(method) ? await readJsonBody(req) : queryInput(new URL(req.url ?? '/', 'http://local').searchParams);
      } catch (error) {
        if (error instanceof BodyError) return fail({ code: error.code, message: error.message });
        throw error;
      }
      if (rest) {
        if (!input || typeof input !== 'object' || Array.isArray(input)) return fail({ code: 'invalid_input', message: 'Request body must be a JSON object' });
        input = { ...input, ...rest.params };
      }
      const result = await options.dispatch(rpc ? rpc[1]! : rest!.call, input, { requestId, log, transport: 'http' });
      if (result.ok) return sendJson(res, 200, result.value ?? null);
      return fail(result.error);
    }

    if (options.staticDir && (method === 'GET' || method === 'HEAD')) {
      if (await serveStatic(options.staticDir, path, res, method === 'HEAD')) return;
    }
    return fail({ code: 'not_found', message: `Not found: ${path}` });
  }

  /** The renderer's Sentry envelopes (web mode), scrubbed and forwarded by the host. */
  async function tunnel(req: IncomingMessage, res: ServerResponse, fail: FailFn): Promise<void> {
    try {
      const result = options.monitoring ? await options.monitoring.tunnel(await readBody(req)) : { status: 404 };
      if (result.status === 404) return fail({ code: 'not_found', message: 'Error monitoring is off (no SENTRY_DSN)' });
      if (result.status === 429) return fail({ code: 'rate_limited', message: 'Sentry asks to slow down' }, result.retryAfter ? { 'retry-after': result.retryAfter } : {});
      if (result.status >= 300) return fail({ code: 'unavailable', message: `Sentry refused the envelope (${result.status})` });
      return sendJson(res, 200, {});
    } catch (error) {
      if (error instanceof BodyError) return fail({ code: error.code, message: error.message });
      if (error instanceof EnvelopeError) return fail({ code: 'invalid_input', message: `Not a Sentry envelope: ${error.message}` });
      if (error instanceof CoachError) return fail({ code: error.code, message: error.message });
      return fail({ code: 'unavailable', message: `Sentry cannot be reached: ${(error as Error).message}` });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const hostInUrl = options.host === '::1' ? '[::1]' : options.host;
  const url = `http://${hostInUrl}:${port}`;
  options.logger.info('local API listening', { url });

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    token,
    close() {
      closing ??= (async () => {
        unsubscribe();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        sse.closeAll();
        server.closeIdleConnections();
        const grace = new Promise<void>((resolve) => setTimeout(resolve, options.shutdownGraceMs ?? 5_000).unref());
        await Promise.race([Promise.allSettled([...inFlight]), grace]);
        server.closeAllConnections();
        await closed;
        options.logger.info('local API closed');
      })();
      return closing;
    },
  };
}
