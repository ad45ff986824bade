import { useState } from 'react';
import { useAppStatus } from '../../hooks/use-app-status';
import { countProblems, readinessTone } from '../../lib/health';
import { StatusDot, type DotTone } from '../common/StatusDot';
import { HealthDialog } from './HealthDialog';

/** Overall readiness and the number of checks that are not ok; opens the list of checks. */
export function HealthIndicator() {
  const { health } = useAppStatus();
  const [open, setOpen] = useState(false);
  const { data } = health;

  let tone: DotTone = 'idle';
  let label = 'Checking…';
  let problems = 0;
  if (data) {
    tone = readinessTone(data);
    label = data.ready ? 'Ready' : 'Not ready';
    problems = countProblems(data);
  } else if (health.error) {
    tone = 'down';
    label = 'Health unknown';
  }
  const summary = problems ? `${problems} not ok` : data ? 'all checks ok' : '';

  return (
    <>
      <button
        type="button"
        className="status-item status-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={`Health: ${label}${summary ? `, ${summary}` : ''}`}
        onClick={() => setOpen(true)}
      >
        <span className="status-label">Health</span>
        <StatusDot tone={tone} />
        <span>{label}</span>
        {problems > 0 && <span className={`count-badge count-badge-${tone}`}>{problems}</span>}
      </button>
      {open && <HealthDialog onClose={() => setOpen(false)} />}
    </>
  );
}
