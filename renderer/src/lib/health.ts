import type { HealthReport } from '../../../shared/schemas/app';
import type { DotTone } from '../components/common/StatusDot';

/** Checks that are not ok; a degraded check leaves the app ready but deserves a look. */
export function countProblems(report: HealthReport): number {
  return report.checks.filter((check) => check.status !== 'ok').length;
}

/** Red when not ready, amber when ready with problems, green when every check is ok. */
export function readinessTone(report: HealthReport): DotTone {
  if (!report.ready) return 'down';
  return countProblems(report) ? 'warn' : 'ok';
}
