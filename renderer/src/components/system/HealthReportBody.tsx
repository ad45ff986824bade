import type { CallState } from '../../hooks/use-call';
import type { HealthReport } from '../../../../shared/schemas/app';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { HealthTable } from './HealthTable';

/** The checks of the health report, or why they cannot be shown yet. */
export function HealthReportBody({ health, compact = false }: { health: CallState<HealthReport>; compact?: boolean }) {
  return (
    <>
      {health.error && <ErrorNotice title="Could not check health" error={health.error} onRetry={health.reload} compact={compact} />}
      {!health.data && !health.error && <LoadingState label="Checking health…" />}
      {health.data && <HealthTable checks={health.data.checks} caption="Health checks" />}
    </>
  );
}
