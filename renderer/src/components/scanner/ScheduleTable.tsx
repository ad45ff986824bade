import { useState } from 'react';
import type { CoachError } from '../../../../shared/errors';
import type { ScanDefinition, ScanSchedule } from '../../../../shared/schemas/scanner';
import { useCoachApi } from '../../api/api-context';
import { toCoachError } from '../../hooks/use-call';
import { useDeleteCall } from '../../hooks/use-delete-call';
import { formatDateTime, plural } from '../../lib/journal';
import { ConfirmDelete } from '../common/ConfirmDelete';
import { ErrorNotice } from '../common/ErrorNotice';

interface ScheduleTableProps {
  schedules: readonly ScanSchedule[];
  /** The catalog's scans, for their names (ids are shown until it loads). */
  scans: readonly ScanDefinition[] | undefined;
  /** A schedule as the main process stored it after a change made here. */
  onSaved: (schedule: ScanSchedule) => void;
}

/** The scan schedules: what each runs, how often, its last run; switch on or off, delete (asking first). */
export function ScheduleTable({ schedules, scans, onSaved }: ScheduleTableProps) {
  const api = useCoachApi();
  const { remove, error: deleteError } = useDeleteCall('scanner:schedules:delete');
  const [toggleError, setToggleError] = useState<CoachError>();
  // A switch shows its new position at once, until the main process answers (a refusal puts it back).
  const [switching, setSwitching] = useState<Readonly<Record<string, boolean>>>({});
  const scanName = (id: string) => scans?.find((s) => s.id === id)?.name ?? id;

  const toggle = (schedule: ScanSchedule, enabled: boolean) => {
    setToggleError(undefined);
    setSwitching((prev) => ({ ...prev, [schedule.id]: enabled }));
    const settle = () => setSwitching(({ [schedule.id]: _settled, ...rest }) => rest);
    api.call('scanner:schedules:update', { id: schedule.id, enabled }).then(
      (saved) => {
        onSaved(saved);
        settle();
      },
      (e: unknown) => {
        setToggleError(toCoachError(e));
        settle();
      },
    );
  };

  return (
    <>
      {deleteError && <ErrorNotice title="Could not delete the schedule" error={deleteError} compact />}
      {toggleError && <ErrorNotice title="Could not switch the schedule" error={toggleError} compact />}
      <div className="table-scroll">
        <table className="data-table schedule-table">
          <caption className="visually-hidden">Scan schedules</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scans</th>
              <th scope="col">Symbols</th>
              <th scope="col" className="align-end">Every</th>
              <th scope="col">On</th>
              <th scope="col">Last run</th>
              <th scope="col" className="align-end">Actions</th>
            </tr>
          </thead>
          <tbody>
            {schedules.map((s) => {
              const names = s.scans.map(scanName);
              const enabled = switching[s.id] ?? s.enabled;
              return (
                <tr key={s.id} data-testid="schedule-row" data-schedule-id={s.id} data-enabled={enabled}>
                  <td className="schedule-name">{s.name}</td>
                  <td className="schedule-scans" title={names.join(', ')}>
                    {names.length <= 2 ? names.join(', ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`}
                  </td>
                  <td className="schedule-symbols">{s.symbols ? s.symbols.join(', ') : <span className="muted">watchlist</span>}</td>
                  <td className="num align-end">{s.everyMinutes} min</td>
                  <td>
                    <input type="checkbox" className="schedule-toggle" checked={enabled} aria-label={`Run ${s.name}`} onChange={(ev) => toggle(s, ev.target.checked)} />
                  </td>
                  <td className="schedule-last-run">
                    {s.lastRunAt ? (
                      <>
                        <span className="num">{formatDateTime(s.lastRunAt)}</span>
                        <span className="muted">
                          {' · '}
                          {s.lastResultCount} {plural('result', s.lastResultCount)}, {s.lastNewCount} new
                        </span>
                      </>
                    ) : (
                      <span className="muted">not yet</span>
                    )}
                    {s.lastError && <span className="field-error schedule-error">{s.lastError}</span>}
                  </td>
                  <td className="align-end">
                    <div className="row-actions">
                      <ConfirmDelete what={`schedule ${s.name}`} onDelete={() => remove(s.id)} />
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
