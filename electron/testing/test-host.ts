import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDispatcher, type Dispatch, type HandlerMap } from '../contract/dispatcher';
import { createHost, type Host, type HostOptions } from '../host';
import type { NativeNotifier } from '../notifications/notifier';
import { startApiServer, type ApiServer, type ApiServerOptions } from '../server';
import { stubHandlers } from './stub-handlers';

export const TEST_TOKEN = 'test-token-0123456789abcdef';

export interface TestHost {
  host: Host;
  server: ApiServer;
  dataDir: string;
  /** Every log line written, parsed. */
  logs: Record<string, unknown>[];
  /** `fetch` against the server with the bearer token unless `token: null`. */
  request(pathname: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  rpc(name: string, body: unknown, init?: RequestInit & { token?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

export function makeTempDir(prefix = 'titm-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real host (SQLite in a temp folder) behind a real local API server on a free port. */
/**
 * The host's dispatcher, except for the calls in `handlers` (e.g. one that throws), which are
 * answered by those handlers with the host's own validation, logging and crash reporting.
 */
function overriddenDispatch(host: Host, handlers: HandlerMap): Dispatch {
  const overridden = createDispatcher(stubHandlers(handlers), {
    logger: host.logger,
    validateOutput: true,
    onCrash: (error, ctx) => host.monitoring.captureError(error, ctx),
  });
  return (name, input, ctx) => (Object.hasOwn(handlers, name) ? overridden : host.dispatch)(name, input, ctx);
}

export async function startTestHost(
  options: { env?: NodeJS.ProcessEnv; server?: Partial<ApiServerOptions>; handlers?: HandlerMap; notifier?: NativeNotifier; chat?: HostOptions['chat']; screenshot?: HostOptions['screenshot']; capturer?: HostOptions['capturer']; marketClock?: HostOptions['marketClock'] } = {},
): Promise<TestHost> {
  const dataDir = makeTempDir();
  const logs: Record<string, unknown>[] = [];
  const host = createHost({
    mode: 'web',
    version: '0.0.0-test',
    env: { TITM_DATA_DIR: dataDir, NODE_ENV: 'test', TITM_LOG_LEVEL: 'debug', ...options.env },
    logSink: (line) => logs.push(JSON.parse(line) as Record<string, unknown>),
    notifier: options.notifier,
    chat: options.chat,
    screenshot: options.screenshot,
    capturer: options.capturer,
    marketClock: options.marketClock,
  });
  host.start();
  const server = await startApiServer({
    host: '127.0.0.1',
    port: 0,
    token: TEST_TOKEN,
    dispatch: options.handlers ? overriddenDispatch(host, options.handlers) : host.dispatch,
    streams: host.streams,
    events: host.events,
    health: host.health,
    monitoring: host.monitoring,
    logger: host.logger,
    rateLimit: { perSecond: 1000, burst: 1000 },
    ...options.server,
  });
  const request: TestHost['request'] = (pathname, init = {}) => {
    const { token = TEST_TOKEN, headers, ...rest } = init;
    return fetch(`${server.url}${pathname}`, {
      ...rest,
      headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...(headers as Record<string, string>) },
    });
  };
  return {
    host,
    server,
    dataDir,
    logs,
    request,
    rpc: (name, body, init = {}) =>
      request(`/api/rpc/${name}`, {
        method: 'POST',
        body: JSON.stringify(body),
        ...init,
        headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
      }),
    async close() {
      await server.close();
      await host.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
