import { describe, expect, it } from 'vitest';
import { BreakerHub, CircuitBreaker, type BreakerTransition } from './circuit-breaker';

function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const fail = (status?: number) => () => Promise.reject(Object.assign(new Error(status ? `HTTP ${status}` : 'socket hang up'), { status }));
const succeed = () => Promise.resolve('ok');

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures and refuses calls without running them', async () => {
    const c = clock();
    const transitions: BreakerTransition[] = [];
    const breaker = new CircuitBreaker('massive', { failureThreshold: 3, cooldownMs: 10_000, now: c.now }, (t) => transitions.push(t));
    for (let i = 0; i < 2; i++) await expect(breaker.run(fail(500))).rejects.toThrow('HTTP 500');
    expect(breaker.state).toBe('closed');
    await expect(breaker.run(fail(503))).rejects.toThrow('HTTP 503');
    expect(breaker.state).toBe('open');
    expect(transitions).toHaveLength(1);
    expect(transitions[0]).toMatchObject({ breaker: 'massive', from: 'closed', to: 'open' });
    expect(transitions[0]!.failures.map((f) => f.status)).toEqual([500, 500, 503]);

    let ran = false;
    await expect(
      breaker.run(() => {
        ran = true;
        return succeed();
      }),
    ).rejects.toMatchObject({ code: 'unavailable' });
    expect(ran).toBe(false);
  });

  it('a success resets the count of consecutive failures', async () => {
    const breaker = new CircuitBreaker('p', { failureThreshold: 2 });
    await expect(breaker.run(fail())).rejects.toThrow();
    await breaker.run(succeed);
    await expect(breaker.run(fail())).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('half-opens after the cooldown; one trial success closes it, a trial failure opens it again', async () => {
    const c = clock();
    const transitions: string[] = [];
    const breaker = new CircuitBreaker('p', { failureThreshold: 1, cooldownMs: 5000, now: c.now }, (t) => transitions.push(`${t.from}>${t.to}`));
    await expect(breaker.run(fail())).rejects.toThrow();
    c.advance(4999);
    expect(breaker.state).toBe('open');
    c.advance(1);
    expect(breaker.state).toBe('half-open');
    await expect(breaker.run(fail())).rejects.toThrow('socket hang up');
    expect(breaker.state).toBe('open');
    c.advance(5000);
    await expect(breaker.run(succeed)).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
    expect(transitions).toEqual(['closed>open', 'open>half-open', 'half-open>open', 'open>half-open', 'half-open>closed']);
  });

  it('lets only one trial call through while half-open', async () => {
    const c = clock();
    const breaker = new CircuitBreaker('p', { failureThreshold: 1, cooldownMs: 1000, now: c.now });
    await expect(breaker.run(fail())).rejects.toThrow();
    c.advance(1000);
    let release!: () => void;
    const trial = breaker.run(() => new Promise<string>((resolve) => (release = () => resolve('trial'))));
    await expect(breaker.run(succeed)).rejects.toMatchObject({ code: 'unavailable' });
    release();
    await expect(trial).resolves.toBe('trial');
    expect(breaker.state).toBe('closed');
  });

  it('errors the caller caused do not count against the provider', async () => {
    const breaker = new CircuitBreaker('p', { failureThreshold: 1 });
    const notFound = Object.assign(new Error('unknown ticker'), { status: 404 });
    await expect(breaker.run(() => Promise.reject(notFound), (e) => (e as { status?: number }).status !== 404)).rejects.toThrow('unknown ticker');
    expect(breaker.snapshot()).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
  });
});

describe('BreakerHub', () => {
  it('lists every breaker and forwards every transition to its listeners', async () => {
    const hub = new BreakerHub();
    const seen: string[] = [];
    const off = hub.onTransition((t) => seen.push(`${t.breaker}:${t.to}`));
    const a = hub.create('a', { failureThreshold: 1 });
    hub.create('b');
    await expect(a.run(fail(502))).rejects.toThrow();
    expect(seen).toEqual(['a:open']);
    expect(hub.list()).toEqual([
      expect.objectContaining({ name: 'a', state: 'open', consecutiveFailures: 1, lastFailure: expect.objectContaining({ status: 502 }) }),
      { name: 'b', state: 'closed', consecutiveFailures: 0 },
    ]);
    expect(() => hub.create('a')).toThrow('created twice');
    off();
  });
});
