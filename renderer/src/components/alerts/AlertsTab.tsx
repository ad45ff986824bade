import { useEffect, useState } from 'react';
import type { Alert } from '../../../../shared/schemas/alerts';
import '../../styles/alerts.css';
import { useApiEvent } from '../../hooks/use-api-event';
import { useCall } from '../../hooks/use-call';
import { useWorkspaceNav } from '../../hooks/use-workspace-nav';
import type { AlertPrefill } from '../../lib/alert-draft';
import { plural } from '../../lib/journal';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { AlertFilters, NO_ALERT_FILTERS, type AlertFilterValues } from './AlertFilters';
import { AlertForm } from './AlertForm';
import { AlertTable, type Highlight } from './AlertTable';
import { NotificationList } from './NotificationList';

/** The form on screen: an alert to edit, or a new one (maybe prefilled); `key` restarts it. */
interface Editing {
  key: number;
  alert?: Alert;
  prefill?: AlertPrefill;
}

/** Price alerts: the list with filters, the create / edit form, and the notifications they raised. */
export function AlertsTab() {
  const nav = useWorkspaceNav();
  const [filters, setFilters] = useState<AlertFilterValues>(NO_ALERT_FILTERS);
  const [editing, setEditing] = useState<Editing>();
  const [highlight, setHighlight] = useState<Highlight>();
  const [takenRequest, setTakenRequest] = useState<number>();

  // A request from another tab (toast, popup, chart level) is taken while rendering, so the first
  // paint already shows the form or the highlight; then it is settled so a later visit starts clean.
  const request = nav.alertsRequest;
  if (request && request.seq !== takenRequest) {
    setTakenRequest(request.seq);
    if (request.kind === 'show') {
      setHighlight(request.alertId ? { id: request.alertId, seq: request.seq } : undefined);
      setFilters(NO_ALERT_FILTERS); // the alert may be one the filters hide
    } else setEditing({ key: request.seq, prefill: request.prefill });
  }
  const { settleAlertsRequest } = nav;
  useEffect(() => {
    if (request) settleAlertsRequest(request.seq);
  }, [request, settleAlertsRequest]);

  const symbol = filters.symbol.trim();
  const list = useCall('alerts:list', { status: filters.status, ...(symbol && { symbol }) });
  useApiEvent('alerts:changed', list.reload);
  const alerts = list.data?.alerts;

  const onSaved = (alert: Alert) => {
    setEditing(undefined);
    setHighlight({ id: alert.id, seq: Date.now() });
  };

  return (
    <div className="tab-content alerts-tab" data-testid="alerts-tab">
      <section className="card" aria-labelledby="alerts-heading" aria-busy={list.loading}>
        <header className="card-header">
          <h3 id="alerts-heading">Alerts</h3>
          {alerts && (
            <span className="card-header-note muted">
              {alerts.length} {plural('alert', alerts.length)} · times in New York
            </span>
          )}
          <button type="button" className="button card-header-action" onClick={() => setEditing({ key: Date.now() })}>
            New alert
          </button>
        </header>
        {editing && <AlertForm key={editing.key} alert={editing.alert} prefill={editing.prefill} onSaved={onSaved} onClose={() => setEditing(undefined)} />}
        <AlertFilters value={filters} onChange={setFilters} />
        {list.error && <ErrorNotice title="Could not load the alerts" error={list.error} onRetry={list.reload} />}
        {!alerts && list.loading && <LoadingState label="Loading alerts…" />}
        {alerts && alerts.length === 0 && (
          <p className="empty-state">{filters.status === 'all' && !symbol ? 'No alerts yet. Create one, or click a level in the Chart tab’s legend.' : 'No alert matches these filters.'}</p>
        )}
        {alerts && alerts.length > 0 && <AlertTable alerts={alerts} highlight={highlight} onEdit={(alert) => setEditing({ key: Date.now(), alert })} />}
      </section>
      <NotificationList onShowAlert={nav.showAlert} onShowScanner={nav.showScanner} />
    </div>
  );
}
