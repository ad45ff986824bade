import { useApiEvent } from '../../hooks/use-api-event';
import { useCall } from '../../hooks/use-call';

/** Which engine answers: "Offline coach" (built in, no key) or the model's name; an OpenAI key saved or removed switches it. */
export function EngineBadge() {
  const { data, error, reload } = useCall('chat:status', {});
  useApiEvent('keys:changed', reload, data !== undefined);
  if (error) {
    return (
      <span className="pill pill-down chat-engine" title={error.message}>
        Coach unavailable
      </span>
    );
  }
  if (!data) return null;
  const offline = data.provider === 'offline';
  return (
    <span className={offline ? 'pill chat-engine chat-engine-offline' : 'pill pill-ok chat-engine'} data-testid="chat-engine" data-provider={data.provider} title={data.model ?? undefined}>
      {offline ? 'Offline coach' : data.label}
    </span>
  );
}
