import type { HealthReport } from '../../shared/schemas/app';
import type { EventBus } from '../contract/event-bus';
import type { Worker } from '../host';
import type { HealthRegistry } from './health';
import type { Logger } from './logger';
import type { WorkerHealth } from './worker-health';

/** What a report says, without timings: a change here is worth telling the renderer. */
function statusSignature(report: HealthReport): string {
  return JSON.stringify([report.ready, report.checks.map((c) => [c.name, c.status, c.detail ?? ''])]);
}

/**
 * Re-runs the health checks on an interval and emits `health:changed` when a status changes, so
 * the status bar learns of a degraded provider or a stalled worker without polling.
 */
export class HealthMonitor implements Worker {
  readonly name = 'health-monitor';
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private last: string | undefined;
  private lastTickAt: string | null = null;
  private lastError: string | null = null;
  private checksRun = 0;

  constructor(
    private readonly registry: HealthRegistry,
    private readonly events: EventBus,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
    void this.tick();
  }

  /** One pass; a pass still running is not doubled (ticks never overlap). */
  tick(): Promise<void> {
    this.inFlight ??= this.check().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  health(): WorkerHealth {
    return { lastTickAt: this.lastTickAt, itemsWatched: this.checksRun, lastError: this.lastError, intervalMs: this.intervalMs };
  }

  private async check(): Promise<void> {
    try {
      await this.pass();
      this.lastError = null;
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      this.logger.error('health pass failed', { error });
    } finally {
      this.lastTickAt = new Date().toISOString();
    }
  }

  private async pass(): Promise<void> {
    const report = await this.registry.report();
    this.checksRun = report.checks.length;
    const signature = statusSignature(report);
    if (signature === this.last) return;
    const first = this.last === undefined;
    this.last = signature;
    if (!first) this.logger.info('health changed', { ready: report.ready, notOk: report.checks.filter((c) => c.status !== 'ok').map((c) => c.name) });
    this.events.emit('health:changed', report);
  }
}
