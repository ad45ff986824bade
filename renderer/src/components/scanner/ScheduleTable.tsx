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
}

/** The scan schedules: what each runs, how often, its last run; switch on or off, delete (asking first). */
export function ScheduleTable({ schedules, scans }: ScheduleTableProps) {
  const api = useCoachApi();
  const { remove, error: deleteError } = useDeleteCall('scanner:schedules:delete');
  const [toggleError, setToggleError] = useState<CoachError>();
  const scanName = (id: string) => scans?.find((s) => s.id === id)?.name ?? id;

  const toggle = (schedule: ScanSchedule, enabled: boolean) => {
    setToggleError(undefined);
    // The list follows 'scanner:schedulesChanged'; only a failure needs saying here.
    api.call('scanner:schedules:update', { id: schedule.id, enabled }).catch((e: unknown) => setToggleError(toCoachError(e)));
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
              return (
                <tr key={s.id} data-testid="schedule-row" data-schedule-id={s.id} data-enabled={s.enabled}>
                  <td className="schedule-name">{s.name}</td>
                  <td className="schedule-scans" title={names.join(', ')}>
                    {names.length <= 2 ? names.join(', ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`}
                  </td>
                  <td className="schedule-symbols">{s.symbols ? s.symbols.join(', ') : <span className="muted">watchlist</span>}</td>
                  <td className="num align-end">{s.everyMinutes} min</td>
                  <td>
                    <input type="checkbox" className="schedule-toggle" checked={s.enabled} aria-label={`Run ${s.name}`} onChange={(ev) => toggle(s, ev.target.checked)} />
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
