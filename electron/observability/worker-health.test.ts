import { describe, expect, it } from 'vitest';
import { workerCheck, type WorkerHealth } from './worker-health';

const T0 = Date.parse('2026-11-25T14:30:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function check(health: Partial<WorkerHealth>, startedAt: number | undefined, now: number) {
  const full: WorkerHealth = { lastTickAt: null, itemsWatched: 0, lastError: null, intervalMs: 10_000, ...health };
  return workerCheck(() => full, () => startedAt, () => now)();
}

describe('workerCheck', () => {
  it('is ok while ticks come on time, with the worker facts as data', async () => {
    expect(await check({ lastTickAt: iso(T0), itemsWatched: 4, data: { symbols: 'SPX,SPY' } }, T0 - 60_000, T0 + 29_000)).toEqual({
      status: 'ok',
      detail: 'watching 4',
      data: { lastTickAt: iso(T0), itemsWatched: 4, lastError: null, intervalMs: 10_000, symbols: 'SPX,SPY' },
    });
    expect(await check({}, T0, T0 + 1000)).toMatchObject({ status: 'ok', detail: 'starting' });
  });

  it('is degraded when the last tick is older than three intervals, or none came after start', async () => {
    expect(await check({ lastTickAt: iso(T0) }, T0 - 1000, T0 + 31_000)).toMatchObject({ status: 'degraded', detail: 'stalled: last tick 31 s ago' });
    expect(await check({}, T0, T0 + 10 * 60_000)).toMatchObject({ status: 'degraded', detail: 'no tick yet, 10 min after start' });
  });

  it('is degraded when the last pass failed, and before the worker is started', async () => {
    expect(await check({ lastTickAt: iso(T0), lastError: 'SQLITE_BUSY' }, T0 - 1000, T0 + 1000)).toMatchObject({
      status: 'degraded',
      detail: 'last pass failed: SQLITE_BUSY',
      data: expect.objectContaining({ lastError: 'SQLITE_BUSY' }),
    });
    expect(await check({}, undefined, T0)).toMatchObject({ status: 'degraded', detail: 'not started' });
  });
});
