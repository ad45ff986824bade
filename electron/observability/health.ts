import type { HealthCheck, HealthReport, HealthStatus } from '../../shared/schemas/app';

export interface CheckOutcome {
  status: HealthStatus;
  detail?: string;
  data?: HealthCheck['data'];
}

export type CheckFn = () => CheckOutcome | Promise<CheckOutcome>;

interface Registered {
  fn: CheckFn;
  critical: boolean;
}

const CHECK_TIMEOUT_MS = 2000;

/**
 * Every part of the app that can be healthy or not registers a check here: the database now,
 * workers and providers as they land. Ready is false only when a critical check is down.
 */
export class HealthRegistry {
  private readonly checks = new Map<string, Registered>();

  /**
   * `scrub` cleans what checks say before anyone reads it: the report is served without a token,
   * and a provider's last failure can echo the key it was sent.
   */
  constructor(private readonly scrub: <T>(value: T) => T = (value) => value) {}

  register(name: string, fn: CheckFn, options: { critical: boolean }): void {
    if (this.checks.has(name)) throw new Error(`Health check ${name} is registered twice`);
    this.checks.set(name, { fn, critical: options.critical });
  }

  unregister(name: string): void {
    this.checks.delete(name);
  }

  async report(): Promise<HealthReport> {
    const checks = (await Promise.all([...this.checks].map(([name, check]) => runCheck(name, check)))).map((check) => this.scrub(check));
    return {
      ready: checks.every((c) => !(c.critical && c.status === 'down')),
      checkedAt: new Date().toISOString(),
      checks,
    };
  }
}

async function runCheck(name: string, { fn, critical }: Registered): Promise<HealthCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<CheckOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ status: 'down', detail: `check timed out after ${CHECK_TIMEOUT_MS} ms` }), CHECK_TIMEOUT_MS);
    });
    const outcome = await Promise.race([Promise.resolve().then(fn), timeout]);
    return { name, critical, ...outcome, durationMs: elapsed(started) };
  } catch (error) {
    return { name, critical, status: 'down', detail: error instanceof Error ? error.message : String(error), durationMs: elapsed(started) };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
