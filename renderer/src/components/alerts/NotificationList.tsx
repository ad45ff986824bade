import { useState } from 'react';
import type { CoachError } from '../../../../shared/errors';
import { useCoachApi } from '../../api/api-context';
import { useApiEvent } from '../../hooks/use-api-event';
import { toCoachError, useCall } from '../../hooks/use-call';
import { unreadFirst } from '../../lib/alerts';
import { formatDateTime } from '../../lib/journal';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';

/** How many notifications the list shows (the newest; unread ones first). */
const LIMIT = 100;

interface NotificationListProps {
  onShowAlert: (alertId: string) => void;
  /** Opens the Scanner tab (a scan schedule's notification). */
  onShowScanner: () => void;
}

/** The alerts that fired and the schedules' new finds, unread first; each can be read, and opens its alert or the scanner. */
export function NotificationList({ onShowAlert, onShowScanner }: NotificationListProps) {
  const api = useCoachApi();
  const list = useCall('notifications:list', { limit: LIMIT });
  const [error, setError] = useState<CoachError>();
  useApiEvent('notifications:changed', list.reload, list.data !== undefined);

  const run = (call: Promise<unknown>) => {
    setError(undefined);
    call.then(list.reload, (e: unknown) => setError(toCoachError(e)));
  };
  const unread = list.data?.unreadCount ?? 0;

  return (
    <section className="card" aria-labelledby="notifications-heading" aria-busy={list.loading} data-testid="notification-list">
      <header className="card-header">
        <h3 id="notifications-heading">Notifications</h3>
        {list.data && <span className="card-header-note muted">{unread ? `${unread} unread` : 'All read'}</span>}
        <button type="button" className="button card-header-action" disabled={!unread} onClick={() => run(api.call('notifications:markAllRead', {}))}>
          Mark all read
        </button>
      </header>
      {error && <ErrorNotice title="Could not mark the notification read" error={error} compact />}
      {list.error && <ErrorNotice title="Could not load the notifications" error={list.error} onRetry={list.reload} />}
      {!list.data && list.loading && <LoadingState label="Loading notifications…" />}
      {list.data && list.data.notifications.length === 0 && <p className="empty-state">No notifications yet. They appear here when an alert fires or a scan schedule finds something new.</p>}
      {list.data && list.data.notifications.length > 0 && (
        <ul className="notification-list">
          {unreadFirst(list.data.notifications).map((n) => (
            <li key={n.id} className={n.read ? 'notification' : 'notification notification-unread'} data-testid="notification-item" data-read={n.read}>
              <div className="notification-text">
                <strong>
                  {!n.read && <span className="visually-hidden">Unread: </span>}
                  {n.title}
                </strong>
                <span className="muted">{n.body}</span>
                <span className="num muted notification-time">{formatDateTime(n.createdAt)}</span>
              </div>
              <div className="row-actions">
                {n.type === 'scanner_results' && (
                  <button type="button" className="link-button" onClick={onShowScanner} aria-label={`Show the scanner for ${n.title}`}>
                    Show scanner
                  </button>
                )}
                {n.alertId && (
                  <button type="button" className="link-button" onClick={() => onShowAlert(n.alertId!)} aria-label={`Show the alert of ${n.title}`}>
                    Show alert
                  </button>
                )}
                {!n.read && (
                  <button type="button" className="link-button" onClick={() => run(api.call('notifications:markRead', { id: n.id }))} aria-label={`Mark ${n.title} read`}>
                    Mark read
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
