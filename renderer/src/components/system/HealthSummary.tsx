import type { HealthReport } from '../../../../shared/schemas/app';
import { formatTime } from '../../lib/format';
import { ReadinessBadge } from './ReadinessBadge';

/** Readiness and when it was checked, for the header of the health card and of the health dialog. */
export function HealthSummary({ report, className }: { report: HealthReport; className?: string }) {
  return (
    <>
      <ReadinessBadge report={report} />
      <span className={className ? `muted num ${className}` : 'muted num'}>
        Checked <time dateTime={report.checkedAt}>{formatTime(report.checkedAt)}</time>
      </span>
    </>
  );
}
