import { useEffect, useEffectEvent } from 'react';
import type { EventName, EventPayload } from '../../../shared/contract';
import { useCoachApi } from '../api/api-context';

/**
 * Calls `listener` for every event of `name` from the main process while the component is mounted.
 * The listener may change every render without resubscribing (the event stream stays open).
 * `enabled: false` holds the subscription back, e.g. until the first load proved the token works,
 * so a page without access does not keep retrying the event stream.
 */
export function useApiEvent<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void, enabled = true): void {
  const api = useCoachApi();
  const onEvent = useEffectEvent(listener);
  useEffect(() => (enabled ? api.on(name, (payload) => onEvent(payload)) : undefined), [api, name, enabled]);
}
