import { useEffect, useState } from 'react';
import type { ConnectionState } from '../../../shared/client';
import { useCoachApi } from '../api/api-context';

/** The state of the live link to the main process (the SSE stream in web mode, always up over IPC). */
export function useConnectionState(): ConnectionState {
  const api = useCoachApi();
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => api.onConnection(setState), [api]);
  return state;
}
