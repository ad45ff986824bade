import { CoachError } from '../../shared/errors';

export type BreakerState = 'closed' | 'open' | 'half-open';

/** One failed call, kept so an opening can say what kept failing. */
export interface BreakerFailure {
  at: string;
  message: string;
  /** HTTP status when the failure was a response, absent for timeouts and network errors. */
  status?: number;
}

export interface BreakerTransition {
  breaker: string;
  from: BreakerState;
  to: BreakerState;
  at: string;
  /** The failures that led here (newest last); empty when closing again. */
  failures: BreakerFailure[];
}

export interface BreakerSnapshot {
  name: string;
  state: BreakerState;
  consecutiveFailures: number;
  openedAt?: string;
  lastFailure?: BreakerFailure;
}

export interface BreakerOptions {
  /** Consecutive failures that open the breaker. */
  failureThreshold?: number;
  /** How long an open breaker refuses calls before letting one trial call through. */
  cooldownMs?: number;
  now?: () => number;
}

type Listener = (transition: BreakerTransition) => void;

const RECENT_FAILURES = 10;

/**
 * Stops calling a provider that keeps failing: after `failureThreshold` consecutive failures it
 * opens and refuses calls at once (code `unavailable`) for `cooldownMs`, then lets one trial call
 * through (half-open): success closes it, failure opens it again.
 */
export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private consecutive = 0;
  private openedAtMs?: number;
  private trialInFlight = false;
  private readonly recent: BreakerFailure[] = [];
  private readonly threshold: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;

  constructor(
    readonly name: string,
    options: BreakerOptions = {},
    private readonly onTransition: Listener = () => {},
  ) {
    this.threshold = options.failureThreshold ?? 5;
    this.cooldownMs = options.cooldownMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.current === 'open' && this.openedAtMs !== undefined && this.now() - this.openedAtMs >= this.cooldownMs) {
      this.move('half-open');
    }
    return this.current;
  }

  /**
   * Runs `fn` through the breaker. `isFailure` decides which errors count against the provider
   * (a 404 for an unknown ticker is the caller's problem, not an outage).
   */
  async run<T>(fn: () => Promise<T>, isFailure: (error: unknown) => boolean = () => true): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trialInFlight)) {
      const retryInMs = Math.max(0, (this.openedAtMs ?? 0) + this.cooldownMs - this.now());
      throw new CoachError('unavailable', `${this.name} is unavailable after repeated failures; retrying in ${Math.ceil(retryInMs / 1000)} s`);
    }
    const trial = state === 'half-open';
    if (trial) this.trialInFlight = true;
    try {
      const value = await fn();
      this.recordSuccess();
      return value;
    } catch (error) {
      if (isFailure(error)) this.recordFailure(error);
      else if (trial) this.recordSuccess();
      throw error;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  snapshot(): BreakerSnapshot {
    const state = this.state;
    return {
      name: this.name,
      state,
      consecutiveFailures: this.consecutive,
      ...(this.openedAtMs !== undefined && state !== 'closed' ? { openedAt: new Date(this.openedAtMs).toISOString() } : {}),
      ...(this.recent.length ? { lastFailure: this.recent[this.recent.length - 1] } : {}),
    };
  }

  private recordSuccess(): void {
    this.consecutive = 0;
    if (this.current !== 'closed') {
      this.openedAtMs = undefined;
      this.move('closed');
    }
  }

  private recordFailure(error: unknown): void {
    this.consecutive += 1;
    this.recent.push(describeFailure(error, this.now()));
    if (this.recent.length > RECENT_FAILURES) this.recent.shift();
    if (this.current === 'half-open' || (this.current === 'closed' && this.consecutive >= this.threshold)) {
      this.openedAtMs = this.now();
      this.move('open');
    }
  }

  private move(to: BreakerState): void {
    const from = this.current;
    if (from === to) return;
    this.current = to;
    const failures = to === 'closed' ? [] : this.recent.slice(-this.consecutive || undefined);
    this.onTransition({ breaker: this.name, from, to, at: new Date(this.now()).toISOString(), failures });
  }
}

function describeFailure(error: unknown, at: number): BreakerFailure {
  const status = (error as { status?: unknown } | null)?.status;
  return {
    at: new Date(at).toISOString(),
    message: error instanceof Error ? error.message : String(error),
    ...(typeof status === 'number' ? { status } : {}),
  };
}

/**
 * Every breaker of the app, so health checks can list their states and error monitoring can
 * report each transition without knowing which provider made it.
 */
export class BreakerHub {
  private readonly breakers = new Map<string, CircuitBreaker>();
  private readonly listeners = new Set<Listener>();

  create(name: string, options?: BreakerOptions): CircuitBreaker {
    if (this.breakers.has(name)) throw new Error(`Circuit breaker ${name} is created twice`);
    const breaker = new CircuitBreaker(name, options, (transition) => {
      for (const listener of this.listeners) listener(transition);
    });
    this.breakers.set(name, breaker);
    return breaker;
  }

  get(name: string): CircuitBreaker | undefined {
    return this.breakers.get(name);
  }

  list(): BreakerSnapshot[] {
    return [...this.breakers.values()].map((breaker) => breaker.snapshot());
  }

  /** Calls `listener` on every state change of every breaker; returns the unsubscribe. */
  onTransition(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
