import { describe, expect, it, vi } from 'vitest';
import { HealthRegistry } from './health';

describe('HealthRegistry', () => {
  it('is ready when every critical check is up, whatever the others say', async () => {
    const health = new HealthRegistry();
    health.register('database', () => ({ status: 'ok' }), { critical: true });
    health.register('provider:market', () => ({ status: 'degraded', detail: 'breaker half-open' }), { critical: false });
    health.register('worker:alerts', () => ({ status: 'down', data: { lastTick: null } }), { critical: false });
    const report = await health.report();
    expect(report.ready).toBe(true);
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['database', 'ok'],
      ['provider:market', 'degraded'],
      ['worker:alerts', 'down'],
    ]);
  });

  it('is not ready when a critical check is down or throws', async () => {
    const health = new HealthRegistry();
    health.register('database', () => {
      throw new Error('SQLITE_CANTOPEN');
    }, { critical: true });
    const report = await health.report();
    expect(report.ready).toBe(false);
    expect(report.checks[0]).toMatchObject({ status: 'down', detail: 'SQLITE_CANTOPEN' });
  });

  it('marks a check that hangs as down after its timeout', async () => {
    vi.useFakeTimers();
    try {
      const health = new HealthRegistry();
      health.register('hangs', () => new Promise(() => {}), { critical: true });
      const pending = health.report();
      await vi.advanceTimersByTimeAsync(2001);
      expect(await pending).toMatchObject({ ready: false, checks: [{ name: 'hangs', status: 'down', detail: expect.stringContaining('timed out') }] });
    } finally {
      vi.useRealTimers();
    }
  });

  it('scrubs what the checks say before reporting it', async () => {
    const health = new HealthRegistry(<T>(value: T) => JSON.parse(JSON.stringify(value).replaceAll('key-123', '[redacted]')) as T);
    health.register('provider:market', () => ({ status: 'degraded', detail: 'refused key-123', data: { lastFailure: 'HTTP 500: key-123' } }), { critical: false });
    expect((await health.report()).checks[0]).toMatchObject({ detail: 'refused [redacted]', data: { lastFailure: 'HTTP 500: [redacted]' } });
  });

  it('refuses two checks of the same name', () => {
    const health = new HealthRegistry();
    health.register('db', () => ({ status: 'ok' }), { critical: true });
    expect(() => health.register('db', () => ({ status: 'ok' }), { critical: true })).toThrow(/twice/);
  });
});
