import type { HealthReport } from '../../../../shared/schemas/app';
import { readinessTone } from '../../lib/health';
import { StatusDot } from '../common/StatusDot';

/** "Ready" / "Not ready" with a dot: amber when ready but some check is not ok. */
export function ReadinessBadge({ report }: { report: HealthReport }) {
  const tone = readinessTone(report);
  return (
    <span className={`readiness readiness-${tone}`}>
      <StatusDot tone={tone} />
      {report.ready ? 'Ready' : 'Not ready'}
    </span>
  );
}
