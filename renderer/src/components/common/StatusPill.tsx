import type { HealthStatus } from '../../../../shared/schemas/app';

const LABELS: Record<HealthStatus, string> = { ok: 'ok', degraded: 'degraded', down: 'down' };

/** A health status as a coloured pill; the word is always shown so colour is never the only cue. */
export function StatusPill({ status }: { status: HealthStatus }) {
  return <span className={`pill pill-${status}`}>{LABELS[status]}</span>;
}
