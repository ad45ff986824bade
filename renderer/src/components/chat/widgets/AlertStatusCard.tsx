import type { WidgetData } from '../../../../../shared/schemas/chat-widgets';
import { describeCondition } from '../../../lib/alerts';
import { plural } from '../../../lib/journal';
import { AlertStatusChip } from '../../alerts/AlertStatusChip';

const ACTIONS: Record<WidgetData<'alert_status'>['action'], string> = { list: 'Listed', created: 'Created', cancelled: 'Cancelled' };

/** The alerts a function listed, created or cancelled, each with what it watches and its status. */
export function AlertStatusCard({ data }: { data: WidgetData<'alert_status'> }) {
  return (
    <div className="chat-widget-body">
      <p className="chat-widget-meta muted">
        {ACTIONS[data.action]} {data.alerts.length} {plural('alert', data.alerts.length)}
      </p>
      {data.alerts.length > 0 && (
        <ul className="chat-alert-list">
          {data.alerts.map((a) => (
            <li key={a.id}>
              <strong>{a.symbol}</strong> <span>{describeCondition(a)}</span> <AlertStatusChip status={a.status} />
              {a.note && <span className="muted"> · {a.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
