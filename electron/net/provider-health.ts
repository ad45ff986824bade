import type { CheckFn } from '../observability/health';
import type { CircuitBreaker } from './circuit-breaker';

export interface ProviderDescription {
  /** Which implementation answers now, e.g. 'massive' or 'simulated'. */
  source: string;
  /** True when the user configured the real provider (a key is set), false on the embedded default. */
  configured: boolean;
}

/**
 * The health check of an external provider: which source answers and its breaker's state.
 * A provider that keeps failing is degraded, never down: the app stays usable without it.
 */
export function providerCheck(describe: () => ProviderDescription, breaker?: CircuitBreaker): CheckFn {
  return () => {
    const { source, configured } = describe();
    const snapshot = breaker?.snapshot();
    const data = {
      source,
      configured,
      ...(snapshot ? { breaker: snapshot.state, consecutiveFailures: snapshot.consecutiveFailures } : {}),
      ...(snapshot?.lastFailure ? { lastFailure: snapshot.lastFailure.message, lastFailureAt: snapshot.lastFailure.at } : {}),
    };
    if (snapshot && snapshot.state !== 'closed') {
      return { status: 'degraded', detail: `${source}: circuit ${snapshot.state} after ${snapshot.consecutiveFailures} failures`, data };
    }
    return { status: 'ok', detail: configured ? `${source} configured` : `${source} (embedded default)`, data };
  };
}
