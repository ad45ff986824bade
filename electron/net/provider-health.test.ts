import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker';
import { providerCheck } from './provider-health';

describe('providerCheck', () => {
  it('is ok on the embedded default and says so', async () => {
    const outcome = await providerCheck(() => ({ source: 'simulated', configured: false }))();
    expect(outcome).toEqual({ status: 'ok', detail: 'simulated (embedded default)', data: { source: 'simulated', configured: false } });
  });

  it('is degraded, with the last failure, while the breaker is open', async () => {
    const breaker = new CircuitBreaker('massive', { failureThreshold: 1 });
    const check = providerCheck(() => ({ source: 'massive', configured: true }), breaker);
    expect((await check()).status).toBe('ok');
    await expect(breaker.run(() => Promise.reject(Object.assign(new Error('HTTP 500'), { status: 500 })))).rejects.toThrow();
    const outcome = await check();
    expect(outcome.status).toBe('degraded');
    expect(outcome.detail).toBe('massive: circuit open after 1 failures');
    expect(outcome.data).toMatchObject({ source: 'massive', configured: true, breaker: 'open', consecutiveFailures: 1, lastFailure: 'HTTP 500' });
  });
});
