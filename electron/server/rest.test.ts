import { describe, expect, it } from 'vitest';
import { afterAll, beforeAll } from 'vitest';
import { startTestHost, type TestHost } from '../testing/test-host';
import { compileRestRoutes, matchRestRoute, queryInput } from './rest';

describe('REST routes from the contract', () => {
  const routes = compileRestRoutes({
    'trades:list': { rest: 'GET /api/journal/trades' },
    'trades:get': { rest: 'GET /api/journal/trades/:id' },
    'trades:delete': { rest: 'DELETE /api/journal/trades/:id' },
    'trades:close': { rest: 'POST /api/journal/trades/:id/close' },
    'app:info': {},
  });

  it('matches the method and path and decodes the path parameters', () => {
    expect(matchRestRoute(routes, 'GET', '/api/journal/trades')).toEqual({ call: 'trades:list', params: {} });
    expect(matchRestRoute(routes, 'GET', '/api/journal/trades/a%2Fb')).toEqual({ call: 'trades:get', params: { id: 'a/b' } });
    expect(matchRestRoute(routes, 'POST', '/api/journal/trades/7/close')).toEqual({ call: 'trades:close', params: { id: '7' } });
  });

  it('tells the allowed methods of a known path and nothing of an unknown one', () => {
    expect(matchRestRoute(routes, 'PATCH', '/api/journal/trades/7')).toEqual({ allow: ['GET', 'DELETE'] });
    expect(matchRestRoute(routes, 'GET', '/api/journal/trades/7/extra')).toBeUndefined();
    expect(matchRestRoute(routes, 'GET', '/api/journal/trades/%E0%A4%A')).toEqual(undefined);
  });

  it('refuses two calls on one route', () => {
    expect(() => compileRestRoutes({ a: { rest: 'GET /api/x/:id' }, b: { rest: 'GET /api/x/:key' } })).toThrow('share the REST route');
  });

  it('reads a query string, repeated keys as arrays', () => {
    expect(queryInput(new URLSearchParams('symbol=SPY&tag=a&tag=b'))).toEqual({ symbol: 'SPY', tag: ['a', 'b'] });
  });
});

describe('REST routes on the local API', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());

  const json = { 'content-type': 'application/json' };

  it('runs the contract call behind each route with the path parameters in its input', async () => {
    const put = await t.request('/api/settings/ui.activeTab', { method: 'PUT', body: JSON.stringify({ value: 'system' }), headers: json });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ key: 'ui.activeTab', value: 'system' });
    expect(await (await t.request('/api/settings')).json()).toEqual({ 'ui.activeTab': 'system' });
    const del = await t.request('/api/settings/ui.activeTab', { method: 'DELETE' });
    expect(await del.json()).toEqual({ removed: true });
  });

  it('validates like the RPC route, needs the token, and answers 405 with Allow for a wrong method', async () => {
    const bad = await t.request('/api/settings/ui.chatPanelWidth', { method: 'PUT', body: JSON.stringify({ value: 'wide' }), headers: json });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    expect((await t.request('/api/settings/ui.activeTab', { method: 'PUT', body: '[1]', headers: json })).status).toBe(400);
    expect((await t.request('/api/settings', { token: null })).status).toBe(401);
    const wrong = await t.request('/api/settings', { method: 'POST' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });
});
