import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HealthReport } from '../shared/schemas/app';
import { createHost, type Worker } from './host';
import { makeTempDir, startTestHost } from './testing/test-host';

function testHost(dataDir = makeTempDir()) {
  return createHost({ mode: 'web', version: '1.2.3', env: { TITM_DATA_DIR: dataDir, NODE_ENV: 'test' }, logSink: () => {} });
}

describe('createHost', () => {
  it('builds the database in the data folder and answers contract calls', async () => {
    const dataDir = makeTempDir();
    const host = testHost(dataDir);
    host.start();
    expect(fs.existsSync(path.join(dataDir, 'titm.sqlite'))).toBe(true);
    expect(await host.dispatch('app:info', {})).toMatchObject({ ok: true, value: { version: '1.2.3', mode: 'web', dataDir } });
    expect(await host.dispatch('health:ready', {})).toMatchObject({ ok: true, value: { ready: true } });
    await host.stop();
  });

  it('starts workers with the host and waits for their job in flight on stop, before closing the database', async () => {
    const host = testHost();
    const order: string[] = [];
    let finishJob!: () => void;
    const worker: Worker = {
      name: 'test-worker',
      start: () => order.push('start'),
      stop: () =>
        new Promise<void>((resolve) => {
          finishJob = () => {
            order.push(`job done, db open: ${host.db.isOpen}`);
            resolve();
          };
        }),
    };
    host.addWorker(worker);
    expect(() => host.addWorker(worker)).toThrow(/added twice/);
    host.start();
    const stopped = host.stop();
    expect(host.stop()).toBe(stopped); // a second stop waits for the same shutdown
    finishJob();
    await stopped;
    expect(order).toEqual(['start', 'job done, db open: true']);
    expect(host.db.isOpen).toBe(false);
  });

  it('is not ready (503) when its database is unusable; the other checks still report', async () => {
    const t = await startTestHost();
    try {
      expect((await t.request('/health/ready', { token: null })).status).toBe(200);
      t.host.db.close();
      const res = await t.request('/health/ready', { token: null });
      expect(res.status).toBe(503);
      const report = (await res.json()) as HealthReport;
      expect(report.ready).toBe(false);
      expect(report.checks.map((c) => [c.name, c.status, c.critical])).toEqual([
        ['database', 'down', true],
        ['provider:sentry', 'ok', false],
        ['provider:market', 'ok', false],
        ['provider:chat', 'ok', false],
        ['worker:health-monitor', 'ok', false],
        ['worker:alerts', 'ok', false],
        ['worker:scanner', 'ok', false],
      ]);
      expect(report.checks[0]!.detail).toMatch(/not open/);
      expect(await t.host.dispatch('health:ready', {})).toMatchObject({ ok: true, value: { ready: false } });
    } finally {
      await t.close();
    }
  });

  it('keeps settings across restarts', async () => {
    const dataDir = makeTempDir();
    const first = testHost(dataDir);
    await first.dispatch('settings:set', { key: 'ui.chatPanelWidth', value: 512 });
    await first.stop();
    const second = testHost(dataDir);
    expect(await second.dispatch('settings:list', {})).toEqual({ ok: true, value: { 'ui.chatPanelWidth': 512 } });
    await second.stop();
  });

  it('reads the market, and everything priced from it, at its marketClock when one is given', async () => {
    // Wednesday 17 December 2025, 11:00 in New York: the regular session is under way.
    const at = Date.parse('2025-12-17T16:00:00Z');
    const host = createHost({ mode: 'web', version: '1.2.3', env: { TITM_DATA_DIR: makeTempDir(), NODE_ENV: 'test' }, logSink: () => {}, marketClock: () => at });
    host.start();
    const call = async (name: string, input: unknown) => {
      const result = await host.dispatch(name as never, input as never);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as Record<string, unknown>;
    };
    try {
      const quote = await call('market:quote', { symbol: 'SPY' });
      expect(quote).toMatchObject({ session: 'open', time: at });
      expect(await call('market:quote', { symbol: 'SPY' })).toEqual(quote);
      expect(await call('levels:get', { symbol: 'SPY' })).toMatchObject({ date: '2025-12-17', lastPrice: quote.last });
      expect(await call('options:chain', { underlying: 'SPY' })).toMatchObject({ asOf: at, spot: quote.last });
    } finally {
      await host.stop();
    }
  });
});
