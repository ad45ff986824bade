import type { CheckFn } from './health';

/**
 * What a background worker says about itself; the host turns it into the `worker:<name>` check.
 * The alerts watcher, scanner schedules and sync implement it the same way.
 */
export interface WorkerHealth {
  /** When the last pass finished (ISO 8601), successful or not; null before the first. */
  lastTickAt: string | null;
  /** How many things the worker keeps an eye on (armed alerts, scanned symbols, health checks). */
  itemsWatched: number;
  /** Why the last pass failed; null when it succeeded (or none ran yet). */
  lastError: string | null;
  /** The time between passes: a last tick older than STALE_AFTER_INTERVALS of them is stale. */
  intervalMs: number;
  /** Any other facts worth showing in the health dialog (never private data). */
  data?: Record<string, string | number | boolean | null>;
}

/** A worker whose last pass is older than this many intervals has stalled. */
export const STALE_AFTER_INTERVALS = 3;

function ago(ms: number): string {
  return ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}

/**
 * The health check of a worker: degraded when its last pass failed, when it has not ticked for
 * STALE_AFTER_INTERVALS intervals, or before it was started. Never down: a stalled worker leaves
 * the app usable, so it never makes the app not ready.
 */
export function workerCheck(health: () => WorkerHealth, startedAt: () => number | undefined, now: () => number = Date.now): CheckFn {
  return () => {
    const h = health();
    const data = { lastTickAt: h.lastTickAt, itemsWatched: h.itemsWatched, lastError: h.lastError, intervalMs: h.intervalMs, ...h.data };
    const started = startedAt();
    if (started === undefined) return { status: 'degraded', detail: 'not started', data };
    const since = h.lastTickAt ? Date.parse(h.lastTickAt) : started;
    const age = now() - since;
    if (age > STALE_AFTER_INTERVALS * h.intervalMs) {
      return { status: 'degraded', detail: h.lastTickAt ? `stalled: last tick ${ago(age)} ago` : `no tick yet, ${ago(age)} after start`, data };
    }
    if (h.lastError) return { status: 'degraded', detail: `last pass failed: ${h.lastError}`, data };
    return { status: 'ok', detail: h.lastTickAt ? `watching ${h.itemsWatched}` : 'starting', data };
  };
}
