import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanRunResultSchema, SCAN_IDS, type ScanCatalog, type ScanRunResult, type ScanSchedule } from '../../shared/schemas/scanner';
import { startTestHost, type TestHost } from '../testing/test-host';

const json = { 'content-type': 'application/json' };
type ErrorBody = { error: { code: string; message: string; issues: { path: (string | number)[]; message: string }[] } };

describe('scanner through the contract (REST)', () => {
  let t: TestHost;
  const send = (method: string, path: string, body?: unknown) => t.request(path, { method, headers: json, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  beforeAll(async () => {
    t = await startTestHost({ env: { SCANNER_WORKER_ENABLED: '0' } });
  });
  afterAll(() => t.close());

  it('lists every scan with its parameters, and the default watchlist: the profile symbols, then the indices and the largest stocks', async () => {
    const catalog = (await (await t.request('/api/scanner/catalog')).json()) as ScanCatalog;
    expect(catalog.scans.map((s) => s.id)).toEqual([...SCAN_IDS]);
    expect(catalog.scans.find((s) => s.id === 'gap')).toEqual({
      id: 'gap',
      name: 'Gap up / down',
      kind: 'technical',
      description: 'The open (or the pre-market price) more than x % from the prior close, gap not filled yet.',
      params: [{ key: 'minGapPct', label: 'Gap at least', default: 1, min: 0.1, max: 20, step: 0.1, unit: '%' }],
    });
    // The default profile prefers SPX, SPY and QQQ; NDX and IWM follow, then NVDA, AAPL, MSFT...
    expect(catalog.defaultSymbols.slice(0, 8)).toEqual(['SPX', 'SPY', 'QQQ', 'NDX', 'IWM', 'NVDA', 'AAPL', 'MSFT']);
    expect(catalog.defaultSymbols).toHaveLength(25);
  });

  it('runs chosen scans over symbols on the simulated market, answers in the contract shape, and lists a symbol it does not know', async () => {
    const res = await send('POST', '/api/scanner/run', { scans: ['gap', 'near_level', 'atr_expansion', 'iv_vs_realized', 'credit_spread'], symbols: ['spy', 'AAPL', 'ZZZQ'], params: { near_level: { maxAtr: 1 } } });
    expect(res.status).toBe(200);
    const run = (await res.json()) as ScanRunResult;
    expect(ScanRunResultSchema.parse(run)).toEqual(run);
    expect(run.symbols).toEqual(['SPY', 'AAPL', 'ZZZQ']);
    expect(run.errors).toEqual([{ symbol: 'ZZZQ', message: expect.stringMatching(/^Unknown symbol ZZZQ/) }]);
    // Within 1 ATR of PDH, PDL, the pivot or VWAP there is nearly always something on a simulated day.
    expect(run.results.length).toBeGreaterThan(0);
    for (const result of run.results) {
      expect(['SPY', 'AAPL']).toContain(result.symbol);
      expect(result.id).toBe(`${result.scan}:${result.symbol}:${result.direction}:${result.id.split(':')[3]}`);
      expect(result.reason.length).toBeGreaterThan(20);
    }
    expect(run.results.map((r) => r.score)).toEqual([...run.results.map((r) => r.score)].sort((a, b) => b - a));
    const limited = (await (await send('POST', '/api/scanner/run', { scans: ['near_level'], symbols: ['SPY', 'AAPL'], params: { near_level: { maxAtr: 1 } }, limit: 1 })).json()) as ScanRunResult;
    expect(limited.results.length).toBeLessThanOrEqual(1);
  });

  it.each([
    ['an unknown scan', { scans: ['momentum'] }, 'scans.0', /^Scan must be one of near_level, opening_range_breakout/],
    ['no scans', { scans: [] }, 'scans', /^Choose at least one scan$/],
    ['a bad symbol', { symbols: ['^VIX'] }, 'symbols.0', /^Symbol must be 1–10 letters/],
    ['a parameter out of range', { params: { gap: { minGapPct: 50 } } }, 'params.gap.minGapPct', /^Gap at least must be between 0.1 and 20$/],
    ['an unknown parameter', { params: { gap: { size: 2 } } }, 'params.gap.size', /^Unknown parameter; gap takes minGapPct$/],
  ])('refuses a run with %s (400 naming the field)', async (_case, body, path, message) => {
    const res = await send('POST', '/api/scanner/run', body);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe('invalid_input');
    expect(error.issues.find((i) => i.path.join('.') === path)?.message).toMatch(message);
  });

  it('creates, lists, edits and deletes schedules', async () => {
    const created = (await (await send('POST', '/api/scanner/schedules', { name: ' Morning gaps ', scans: ['gap', 'gap', 'opening_range_breakout'], everyMinutes: 15 })).json()) as ScanSchedule;
    expect(created).toMatchObject({ name: 'Morning gaps', scans: ['gap', 'opening_range_breakout'], symbols: null, everyMinutes: 15, enabled: true, lastRunAt: null, lastResultCount: 0, lastNewCount: 0, lastError: null });
    const other = (await (await send('POST', '/api/scanner/schedules', { name: 'Options', scans: ['credit_spread'], symbols: ['spx'], everyMinutes: 60, enabled: false })).json()) as ScanSchedule;
    expect(other).toMatchObject({ symbols: ['SPX'], enabled: false });
    expect(((await (await t.request('/api/scanner/schedules')).json()) as { schedules: ScanSchedule[] }).schedules.map((s) => s.id)).toEqual([created.id, other.id]);

    const edited = (await (await send('PATCH', `/api/scanner/schedules/${created.id}`, { everyMinutes: 30, symbols: ['QQQ', 'IWM'], enabled: false })).json()) as ScanSchedule;
    expect(edited).toMatchObject({ id: created.id, name: 'Morning gaps', everyMinutes: 30, symbols: ['QQQ', 'IWM'], enabled: false });
    expect(await (await send('PATCH', `/api/scanner/schedules/${created.id}`, { symbols: null })).json()).toMatchObject({ symbols: null, everyMinutes: 30 });

    expect(await (await send('DELETE', `/api/scanner/schedules/${created.id}`)).json()).toEqual({ removed: true });
    expect((await send('DELETE', `/api/scanner/schedules/${created.id}`)).status).toBe(404);
    expect((await send('PATCH', `/api/scanner/schedules/${created.id}`, { name: 'x' })).status).toBe(404);
    await send('DELETE', `/api/scanner/schedules/${other.id}`);
  });

  it.each([
    ['every 0 minutes', { name: 'a', scans: ['gap'], everyMinutes: 0 }, 'everyMinutes', /^Every must be at least 1 minute$/],
    ['every 241 minutes', { name: 'a', scans: ['gap'], everyMinutes: 241 }, 'everyMinutes', /^Every must be at most 240 minutes$/],
    ['every 2.5 minutes', { name: 'a', scans: ['gap'], everyMinutes: 2.5 }, 'everyMinutes', /^Every must be whole minutes$/],
    ['no name', { name: '  ', scans: ['gap'], everyMinutes: 5 }, 'name', /^Name is required$/],
    ['no scans', { name: 'a', scans: [], everyMinutes: 5 }, 'scans', /^Choose at least one scan$/],
    ['an empty symbol list', { name: 'a', scans: ['gap'], symbols: [], everyMinutes: 5 }, 'symbols', /^Give at least one symbol, or leave symbols out/],
  ])('refuses a schedule with %s and stores nothing', async (_case, body, path, message) => {
    const res = await send('POST', '/api/scanner/schedules', body);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.issues.find((i) => i.path.join('.') === path)?.message).toMatch(message);
    expect(await (await t.request('/api/scanner/schedules')).json()).toEqual({ schedules: [] });
  });
});
