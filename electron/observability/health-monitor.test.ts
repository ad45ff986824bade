import { describe, expect, it } from 'vitest';
import type { HealthReport, HealthStatus } from '../../shared/schemas/app';
import { EventBus } from '../contract/event-bus';
import { HealthRegistry } from './health';
import { HealthMonitor } from './health-monitor';
import { silentLogger } from './logger';

function setup() {
  const health = new HealthRegistry();
  let provider: HealthStatus = 'ok';
  health.register('database', () => ({ status: 'ok' }), { critical: true });
  health.register('provider:market', () => ({ status: provider }), { critical: false });
  const events = new EventBus(true);
  const emitted: HealthReport[] = [];
  events.subscribe((name, payload) => name === 'health:changed' && emitted.push(payload as HealthReport));
  const monitor = new HealthMonitor(health, events, silentLogger, 60_000);
  return { monitor, emitted, setProvider: (s: HealthStatus) => (provider = s), health };
}

describe('HealthMonitor', () => {
  it('emits the first report, then only when a status changes', async () => {
    const { monitor, emitted, setProvider } = setup();
    await monitor.tick();
    await monitor.tick();
    expect(emitted).toHaveLength(1);
    setProvider('degraded');
    await monitor.tick();
    await monitor.tick();
    setProvider('ok');
    await monitor.tick();
    expect(emitted.map((r) => r.checks.find((c) => c.name === 'provider:market')?.status)).toEqual(['ok', 'degraded', 'ok']);
  });

  it('tells when the app stops being ready', async () => {
    const { monitor, emitted, health } = setup();
    await monitor.tick();
    health.register('critical:thing', () => ({ status: 'down' }), { critical: true });
    await monitor.tick();
    expect(emitted.map((r) => r.ready)).toEqual([true, false]);
  });

  it('never runs two passes at once, and stop waits for the pass in flight', async () => {
    const { monitor, health } = setup();
    let release!: () => void;
    let runs = 0;
    health.register('slow', () => {
      runs++;
      return new Promise((resolve) => (release = () => resolve({ status: 'ok' })));
    }, { critical: false });
    const first = monitor.tick();
    expect(monitor.tick()).toBe(first);
    let stopped = false;
    const stopping = monitor.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(runs).toBe(1);
  });

  it('reports its own health: last tick, checks run, last failure', async () => {
    const { monitor, health } = setup();
    expect(monitor.health()).toEqual({ lastTickAt: null, itemsWatched: 0, lastError: null, intervalMs: 60_000 });
    await monitor.tick();
    expect(monitor.health()).toMatchObject({ lastTickAt: expect.any(String), itemsWatched: 2, lastError: null });
    const broken = Object.assign(health, { report: () => Promise.reject(new Error('registry broke')) });
    expect(broken).toBe(health);
    await monitor.tick();
    expect(monitor.health()).toMatchObject({ itemsWatched: 2, lastError: 'registry broke' });
  });
});
