import { useAppStatus } from '../../hooks/use-app-status';
import { HealthReportBody } from './HealthReportBody';
import { HealthSummary } from './HealthSummary';

/** The health report: overall readiness, when it was checked, each check, and a Refresh button. */
export function HealthCard() {
  const { health } = useAppStatus();
  const { data } = health;

  return (
    <section className="card" aria-labelledby="health-heading" aria-busy={health.loading}>
      <header className="card-header">
        <h3 id="health-heading">Health</h3>
        {data && <HealthSummary report={data} className="card-header-note" />}
        <button type="button" className="button card-header-action" onClick={health.reload} disabled={health.loading}>
          {health.loading && data ? 'Refreshing…' : 'Refresh'}
        </button>
      </header>
      <HealthReportBody health={health} />
    </section>
  );
}
