import { useEffect, useRef, useState } from 'react';
import type { Alert } from '../../../../shared/schemas/alerts';
import type { CoachError } from '../../../../shared/errors';
import { useCoachApi } from '../../api/api-context';
import { toCoachError } from '../../hooks/use-call';
import { describeCondition, describeTriggerMode } from '../../lib/alerts';
import { formatPrice } from '../../lib/format';
import { formatDateTime } from '../../lib/journal';
import { ConfirmDelete } from '../common/ConfirmDelete';
import { ErrorNotice } from '../common/ErrorNotice';
import { AlertStatusChip } from './AlertStatusChip';

/** The alert to highlight and scroll into view (reached from a toast, a notification or a save); a new `seq` scrolls again. */
export interface Highlight {
  id: string;
  seq: number;
}

interface AlertTableProps {
  alerts: Alert[];
  highlight: Highlight | undefined;
  onEdit: (alert: Alert) => void;
}

/** The alerts with their status; edit, cancel, re-arm and delete (deleting asks first). */
export function AlertTable({ alerts, highlight, onEdit }: AlertTableProps) {
  const api = useCoachApi();
  const [error, setError] = useState<{ title: string; error: CoachError }>();
  const body = useRef<HTMLTableSectionElement>(null);
  const highlightId = highlight?.id;
  const shown = alerts.some((a) => a.id === highlightId);

  useEffect(() => {
    if (!highlight || !shown) return;
    body.current?.querySelector(`[data-alert-id="${CSS.escape(highlight.id)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [highlight, shown]);

  const act = (title: string, run: () => Promise<unknown>) => {
    setError(undefined);
    // The list follows 'alerts:changed'; only a failure needs saying here.
    run().catch((e: unknown) => setError({ title, error: toCoachError(e) }));
  };

  return (
    <>
      {error && <ErrorNotice title={error.title} error={error.error} compact />}
      <div className="table-scroll">
        <table className="data-table alert-table">
          <caption className="visually-hidden">Price alerts</caption>
          <thead>
            <tr>
              <th scope="col">Symbol</th>
              <th scope="col">Condition</th>
              <th scope="col">Status</th>
              <th scope="col">Fires</th>
              <th scope="col" className="align-end">Last fired</th>
              <th scope="col">Expires</th>
              <th scope="col">Note</th>
              <th scope="col" className="align-end">Actions</th>
            </tr>
          </thead>
          <tbody ref={body}>
            {alerts.map((a) => {
              const name = `${a.symbol} ${describeCondition(a)}`;
              return (
                <tr key={a.id} data-testid="alert-row" data-alert-id={a.id} data-status={a.status} className={a.id === highlightId ? 'alert-highlighted' : undefined} aria-current={a.id === highlightId ? 'true' : undefined}>
                  <td className="alert-symbol">{a.symbol}</td>
                  <td>{describeCondition(a)}</td>
                  <td>
                    <AlertStatusChip status={a.status} />
                  </td>
                  <td>{describeTriggerMode(a)}</td>
                  <td className="num align-end">{a.triggeredAt ? `${formatPrice(a.triggerPrice)} · ${formatDateTime(a.triggeredAt)}` : <span className="muted">—</span>}</td>
                  <td className="num">{a.expiresAt ? formatDateTime(a.expiresAt) : <span className="muted">never</span>}</td>
                  <td className="alert-note">{a.note ?? <span className="muted">—</span>}</td>
                  <td className="align-end row-actions">
                    <ConfirmDelete what={name} onDelete={() => act('Could not delete the alert', () => api.call('alerts:delete', { id: a.id }))}>
                      <button type="button" className="link-button" aria-label={`Edit ${name}`} onClick={() => onEdit(a)}>
                        Edit
                      </button>
                      {a.status === 'active' ? (
                        <button type="button" className="link-button" aria-label={`Cancel ${name}`} onClick={() => act('Could not cancel the alert', () => api.call('alerts:cancel', { id: a.id }))}>
                          Cancel
                        </button>
                      ) : (
                        <button type="button" className="link-button" aria-label={`Re-arm ${name}`} onClick={() => act('Could not re-arm the alert', () => api.call('alerts:update', { id: a.id, status: 'active' }))}>
                          Re-arm
                        </button>
                      )}
                    </ConfirmDelete>
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
