import { useState } from 'react';
import type { CoachError, Issue } from '../../../../shared/errors';
import type { LeapsProjection, LeapsProjectInput } from '../../../../shared/schemas/leaps';
import { useCoachApi } from '../../api/api-context';
import { toCoachError } from '../../hooks/use-call';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { ProjectionForm } from './ProjectionForm';
import { ProjectionHeatmap } from './ProjectionHeatmap';
import { ProjectionSummary } from './ProjectionSummary';

/** The projection tool: the position form, then the heat map of its P&L over dates and price moves at a chosen IV shift. */
export function ProjectionView() {
  const api = useCoachApi();
  const [projection, setProjection] = useState<LeapsProjection | undefined>();
  const [ivShift, setIvShift] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CoachError | undefined>();
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);

  const run = async (input: LeapsProjectInput) => {
    setBusy(true);
    setError(undefined);
    setServerIssues([]);
    try {
      const result = await api.call('leaps:project', input);
      setProjection(result);
      setIvShift(result.ivShifts.includes(0) ? 0 : result.ivShifts[0]!);
    } catch (thrown) {
      const e = toCoachError(thrown);
      setServerIssues(e.issues ?? []);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="leaps-projection" aria-labelledby="projection-heading" aria-busy={busy}>
      <h3 id="projection-heading" className="visually-hidden">Projection</h3>
      <ProjectionForm busy={busy} serverIssues={serverIssues} onSubmit={(input) => void run(input)} />
      {error && <ErrorNotice title="Could not project the position" error={error} />}
      {busy && !projection && <LoadingState label="Projecting the position…" />}
      {projection && (
        <div className="card" data-testid="projection-result">
          <ProjectionSummary projection={projection} />
          <div className="card-body">
            <div className="iv-shift-picker" role="group" aria-label="IV shift">
              <span className="muted">IV shift</span>
              <div className="segmented">
                {projection.ivShifts.map((shift) => (
                  <button key={shift} type="button" className="segmented-button" aria-pressed={shift === ivShift} data-testid={`iv-shift-${shift}`} onClick={() => setIvShift(shift)}>
                    {shift > 0 ? `+${shift}` : shift} vol
                  </button>
                ))}
              </div>
            </div>
            <ProjectionHeatmap projection={projection} ivShift={ivShift} />
          </div>
        </div>
      )}
    </section>
  );
}
