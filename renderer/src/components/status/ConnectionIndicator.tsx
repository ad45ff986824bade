import type { ConnectionState } from '../../../../shared/client';
import { StatusDot, type DotTone } from '../common/StatusDot';

const VIEW: Record<ConnectionState, { label: string; tone: DotTone; hint: string }> = {
  connecting: { label: 'Connecting…', tone: 'warn', hint: 'Opening the live link to the app' },
  connected: { label: 'Connected', tone: 'ok', hint: 'Live updates from the app are flowing' },
  disconnected: { label: 'Disconnected', tone: 'down', hint: 'The live link to the app dropped; retrying' },
};

/** The live link to the main process (events, streams): a dot and a word. */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const view = VIEW[state];
  return (
    <span role="status" aria-label="Connection" className="status-item" title={view.hint}>
      <StatusDot tone={view.tone} pulse={state === 'connecting'} />
      <span>{view.label}</span>
    </span>
  );
}
