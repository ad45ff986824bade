import { useState } from 'react';
import type { ScanCatalog, ScanSchedule } from '../../../../shared/schemas/scanner';
import { useApiEvent } from '../../hooks/use-api-event';
import { useCall } from '../../hooks/use-call';
import { plural } from '../../lib/journal';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { ScheduleForm } from './ScheduleForm';
import { ScheduleTable } from './ScheduleTable';

/** Scans that run by themselves every N minutes in market hours and notify when they find something new. */
export function SchedulesCard({ catalog }: { catalog: ScanCatalog | undefined }) {
  const list = useCall('scanner:schedules:list', {});
  useApiEvent('scanner:schedulesChanged', list.reload, list.data !== undefined);
  const [formKey, setFormKey] = useState<number>();
  const schedules = list.data?.schedules;
  const { replace } = list;
  const onSaved = (saved: ScanSchedule) => replace((prev) => ({ schedules: (prev?.schedules ?? []).map((s) => (s.id === saved.id ? saved : s)) }));

  return (
    <section className="card" aria-labelledby="schedules-heading" aria-busy={list.loading} data-testid="scan-schedules">
      <header className="card-header">
        <h3 id="schedules-heading">Schedules</h3>
        {schedules && (
          <span className="card-header-note muted">
            {schedules.length} {plural('schedule', schedules.length)} · times in New York
          </span>
        )}
        <button type="button" className="button card-header-action" disabled={!catalog} onClick={() => setFormKey(Date.now())}>
          New schedule
        </button>
      </header>
      {catalog && formKey !== undefined && (
        <ScheduleForm key={formKey} scans={catalog.scans} watchlist={catalog.defaultSymbols} onSaved={() => setFormKey(undefined)} onClose={() => setFormKey(undefined)} />
      )}
      {list.error && <ErrorNotice title="Could not load the schedules" error={list.error} onRetry={list.reload} />}
      {!schedules && list.loading && <LoadingState label="Loading schedules…" />}
      {schedules && schedules.length === 0 && <p className="empty-state">No schedule yet. A schedule runs its scans every few minutes in market hours and notifies you of new finds.</p>}
      {schedules && schedules.length > 0 && <ScheduleTable schedules={schedules} scans={catalog?.scans} onSaved={onSaved} />}
    </section>
  );
}
