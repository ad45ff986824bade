import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from './contract/event-bus';
import { createDispatcher } from './contract/dispatcher';
import { HealthRegistry } from './observability/health';
import { createLogger, silentLogger } from './observability/logger';
import { assertLoopbackHost, startApiServer, type ApiServer } from './server';
import { STUB_APP_INFO, stubHandlers } from './testing/stub-handlers';
import { makeTempDir, startTestHost, TEST_TOKEN, type TestHost } from './testing/test-host';

let t: TestHost;
beforeAll(async () => {
  t = await startTestHost();
});
afterAll(() => t.close());

describe('authentication and errors', () => {
  it('answers 401 without a token or with a wrong one, and runs nothing', async () => {
    for (const token of [null, 'wrong-token-0123456789abcdef', `${TEST_TOKEN}x`]) {
      const res = await t.rpc('settings:set', { key: 'ui.activeTab', value: 'x' }, { token });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      const body = (await res.json()) as { error: { code: string; requestId: string } };
      expect(body.error.code).toBe('unauthorized');
      expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
    }
    expect(await (await t.rpc('settings:list', {})).json()).toEqual({});
  });

  it('answers 400 with the zod issues for bad input, and writes nothing', async () => {
    const res = await t.rpc('settings:set', { key: 'ui.chatPanelWidth', value: 'wide' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; issues: unknown[] } };
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toContain('value');
    expect(body.error.issues).toEqual([expect.objectContaining({ path: ['value'], code: 'invalid_type' })]);
    const unknownKey = await t.rpc('settings:set', { key: 'ui.nope', value: 1 });
    expect(unknownKey.status).toBe(400);
    const rows = t.host.db.prepare<{ n: number }>('SELECT COUNT(*) AS n FROM settings').get();
    expect(rows?.n).toBe(0);
  });

  it('answers 400 for a body that is not JSON and for a non-JSON content type', async () => {
    expect((await t.request('/api/rpc/app:info', { method: 'POST', body: '{oops', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await t.request('/api/rpc/app:info', { method: 'POST', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(400);
  });

  it('answers 413 for a body over 1 MiB and closes the connection (the rest of the body was never read)', async () => {
    const res = await t.rpc('app:info', { padding: 'x'.repeat(1024 * 1024 + 10) });
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    expect((await t.rpc('app:info', {})).status).toBe(200);
  });

  it('answers 404 for an unknown call or route and 405 for a wrong method', async () => {
    expect((await t.rpc('nope:nothing', {})).status).toBe(404);
    expect((await t.request('/api/unknown')).status).toBe(404);
    expect((await t.request('/not-a-file.js', { token: null })).status).toBe(404);
    const wrong = await t.request('/api/rpc/app:info');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('answers 500 with a request id and no stack when a handler crashes', async () => {
    const logs: string[] = [];
    const logger = createLogger({ level: 'debug', console: false, sink: (line) => logs.push(line) });
    const handlers = stubHandlers({
      'app:info': () => {
        throw new Error('secret detail at /home/trader/.config');
      },
    });
    const server = await startApiServer({
      host: '127.0.0.1',
      port: 0,
      token: TEST_TOKEN,
      dispatch: createDispatcher(handlers, { logger, validateOutput: true }),
      streams: t.host.streams,
      events: new EventBus(true),
      health: new HealthRegistry(),
      logger,
      rateLimit: { perSecond: 100, burst: 100 },
    });
    try {
      const res = await fetch(`${server.url}/api/rpc/app:info`, { method: 'POST', headers: { authorization: `Bearer ${TEST_TOKEN}`, 'x-request-id': 'crash-1' } });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: expect.any(String), requestId: 'crash-1' } });
      expect(text).not.toContain('secret');
      expect(text).not.toContain('at ');
      // The details stay in the log, under the request id the client was given.
      const crash = logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'call crashed');
      expect(crash).toMatchObject({ requestId: 'crash-1', error: { message: 'secret detail at /home/trader/.config' } });
    } finally {
      await server.close();
    }
  });
});

describe('request ids', () => {
  it('puts an x-request-id on every response and uses a well-formed one from the client', async () => {
    const generated = await t.request('/health', { token: null });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await t.rpc('settings:set', { key: 'ui.activeTab', value: 'system' }, { headers: { 'x-request-id': 'trace-abc.1' } });
    expect(given.headers.get('x-request-id')).toBe('trace-abc.1');
    const hostile = await t.request('/health', { token: null, headers: { 'x-request-id': 'a b\u00e9<script>' } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('propagates the request id into the log lines of the call', async () => {
    await t.rpc('settings:reset', { key: 'ui.activeTab' }, { headers: { 'x-request-id': 'trace-log-2' } });
    const lines = t.logs.filter((l) => l.requestId === 'trace-log-2');
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['call ok', 'request']));
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ status: 200, path: '/api/rpc/settings:reset' });
  });
});

describe('health', () => {
  it('serves liveness and readiness without a token', async () => {
    expect(await (await t.request('/health', { token: null })).json()).toEqual({ status: 'ok' });
    const ready = await t.request('/health/ready', { token: null });
    expect(ready.status).toBe(200);
    // Every registered check, each with its status: the database, monitoring itself, each worker.
    expect(await ready.json()).toMatchObject({
      ready: true,
      checks: [
        { name: 'database', status: 'ok', critical: true },
        { name: 'provider:sentry', status: 'ok', critical: false, detail: 'log files (embedded default)', data: { source: 'log files', configured: false, breaker: 'closed' } },
        { name: 'provider:market', status: 'ok', critical: false, detail: 'simulated (embedded default)', data: { source: 'simulated', configured: false, breaker: 'closed' } },
        { name: 'provider:chat', status: 'ok', critical: false, detail: 'offline coach (embedded default)', data: { source: 'offline coach', configured: false, breaker: 'closed' } },
        { name: 'worker:health-monitor', status: 'ok', critical: false, data: { itemsWatched: expect.any(Number), lastError: null, intervalMs: 15_000 } },
        { name: 'worker:alerts', status: 'ok', critical: false, data: { itemsWatched: 0, lastError: null, symbols: 0, failedSymbols: 0 } },
        { name: 'worker:scanner', status: 'ok', critical: false, data: { itemsWatched: 0, lastError: null, ran: 0, newResults: 0 } },
      ],
    });
  });

  it('is not ready (503) when a critical check is down, and still ready when only a non-critical one is', async () => {
    t.host.health.register('provider:fake', () => ({ status: 'down', detail: 'breaker open' }), { critical: false });
    expect((await t.request('/health/ready', { token: null })).status).toBe(200);
    t.host.health.register('critical:fake', () => ({ status: 'down' }), { critical: true });
    const res = await t.request('/health/ready', { token: null });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ready: false });
    t.host.health.unregister('provider:fake');
    t.host.health.unregister('critical:fake');
  });

  it('reveals no paths or tokens', async () => {
    const text = await (await t.request('/health/ready', { token: null })).text();
    expect(text).not.toContain(t.dataDir);
    expect(text).not.toContain(TEST_TOKEN);
  });
});

describe('loopback only, closed to other origins', () => {
  it('refuses to bind anything but loopback', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'example.com']) {
      expect(() => assertLoopbackHost(host)).toThrow(/only 127\.0\.0\.1/);
      await expect(
        startApiServer({ ...serverOptions(), host }),
      ).rejects.toThrow(/Refusing to bind/);
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await rawRequest(t.server.port, { host: 'evil.example:80', path: '/health' });
    expect(res.status).toBe(403);
  });

  it('refuses cross-origin API calls and never sends CORS headers', async () => {
    const res = await t.rpc('app:info', {}, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    const preflight = await t.request('/api/rpc/app:info', { method: 'OPTIONS', token: null, headers: { origin: 'https://evil.example' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const same = await t.rpc('app:info', {}, { headers: { origin: t.server.url } });
    expect(same.status).toBe(200);
  });
});

describe('rate limit', () => {
  let limited: TestHost;
  afterEach(() => limited?.close());

  it('answers 429 with retry-after once a client spends its burst', async () => {
    limited = await startTestHost({ server: { rateLimit: { perSecond: 1, burst: 5 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await limited.rpc('app:info', {})).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const res = await limited.rpc('app:info', {});
    expect(res.headers.get('retry-after')).toBe('1');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await limited.request('/health', { token: null })).status).toBe(200);
  });
});

describe('static renderer', () => {
  let server: ApiServer;
  let dir: string;
  beforeAll(async () => {
    dir = makeTempDir();
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    fs.writeFileSync(path.join(path.dirname(dir), 'outside-secret.txt'), 'TOP-SECRET-CONTENT');
    server = await startApiServer({ ...serverOptions(), staticDir: dir });
  });
  afterAll(() => server.close());

  it('serves index.html with the strict CSP, assets as immutable, and client routes as index.html', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-type')).toContain('text/html');
    const asset = await fetch(`${server.url}/assets/app-1a2b.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await (await fetch(`${server.url}/journal`)).text()).toContain('<title>t</title>');
  });

  it('never serves files outside its folder', async () => {
    for (const p of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/assets/..%2f..%2foutside-secret.txt']) {
      const res = await rawRequest(server.port, { path: p, host: `127.0.0.1:${server.port}` });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('TOP-SECRET-CONTENT');
    }
  });
});

describe('graceful shutdown', () => {
  it('lets a request in flight finish, ends event streams, then stops accepting', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handlers = stubHandlers({
      'app:info': async () => {
        await gate;
        return STUB_APP_INFO;
      },
    });
    const server = await startApiServer({ ...serverOptions(), dispatch: createDispatcher(handlers, { logger: silentLogger, validateOutput: true }) });
    const auth = { authorization: `Bearer ${TEST_TOKEN}` };
    const events = await fetch(`${server.url}/api/events`, { headers: auth });
    const slow = fetch(`${server.url}/api/rpc/app:info`, { method: 'POST', headers: auth });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = server.close();
    setTimeout(release, 100);
    const res = await slow;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'n' });
    await closed;
    expect(await events.text()).toContain(': connected');
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});

function serverOptions() {
  return {
    host: '127.0.0.1',
    port: 0,
    token: TEST_TOKEN,
    dispatch: t.host.dispatch,
    streams: t.host.streams,
    events: new EventBus(true),
    health: new HealthRegistry(),
    logger: silentLogger,
    rateLimit: { perSecond: 100, burst: 100 },
  };
}

/** A request with a raw Host header and an unnormalised path (fetch would fix both up). */
async function rawRequest(port: number, options: { host?: string; path: string }): Promise<{ status: number; body: string }> {
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: options.path, headers: { host: options.host ?? `127.0.0.1:${port}` } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
