import { useEffect, useEffectEvent, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ConnectionState } from '../../../../shared/client';
import { useCoachApi } from '../../api/api-context';
import { useApiEvent } from '../../hooks/use-api-event';
import { useCall } from '../../hooks/use-call';
import { AppStatusContext } from '../../state/app-status-context';

/** Loads app info and health once for the whole shell and keeps them live with events. */
export function AppStatusProvider({ children }: { children: ReactNode }) {
  const api = useCoachApi();
  const info = useCall('app:info', {});
  const health = useCall('health:ready', {});
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  // 'idle' until the first connect; a drop after that is what makes the report stale.
  const link = useRef<'idle' | 'up' | 'dropped'>('idle');

  useApiEvent('health:changed', health.replace);

  // After the link comes back (the app restarted, the laptop woke up) the report may be stale.
  const onConnection = useEffectEvent((state: ConnectionState) => {
    setConnection(state);
    if (state === 'disconnected' && link.current === 'up') link.current = 'dropped';
    if (state === 'connected') {
      if (link.current === 'dropped') health.reload();
      link.current = 'up';
    }
  });
  useEffect(() => api.onConnection((state) => onConnection(state)), [api]);

  const value = useMemo(() => ({ info, health, connection }), [info, health, connection]);
  return <AppStatusContext.Provider value={value}>{children}</AppStatusContext.Provider>;
}
