import { useCallback, useState } from 'react';
import type { ChatSession } from '../../../shared/schemas/chat';
import type { CoachError } from '../../../shared/errors';
import { useCoachApi } from '../api/api-context';
import { useApiEvent } from './use-api-event';
import { toCoachError, useCall } from './use-call';
import { useDebouncedValue } from './use-debounced-value';

export interface ChatSessionsState {
  sessions: ChatSession[] | undefined;
  loading: boolean;
  error: CoachError | undefined;
  reload: () => void;
  /** The failure of the last rename or delete. */
  actionError: { title: string; error: CoachError } | undefined;
  rename: (id: string, title: string) => void;
  remove: (id: string) => void;
}

/** The chat sessions matching `query` (titles and message text, searched by the server), kept current by chat:sessionsChanged. */
export function useChatSessions(query: string): ChatSessionsState {
  const api = useCoachApi();
  const settled = useDebouncedValue(query.trim(), 200);
  const list = useCall('chat:sessions', settled ? { query: settled } : {});
  const [actionError, setActionError] = useState<ChatSessionsState['actionError']>();
  useApiEvent('chat:sessionsChanged', list.reload, list.data !== undefined);

  const act = useCallback((title: string, run: () => Promise<unknown>) => {
    setActionError(undefined);
    // The list follows chat:sessionsChanged; only a failure needs saying here.
    run().catch((e: unknown) => setActionError({ title, error: toCoachError(e) }));
  }, []);
  const rename = useCallback((id: string, title: string) => act('Could not rename the conversation', () => api.call('chat:rename', { id, title })), [act, api]);
  const remove = useCallback((id: string) => act('Could not delete the conversation', () => api.call('chat:delete', { id })), [act, api]);

  return { sessions: list.data?.sessions, loading: list.loading, error: list.error, reload: list.reload, actionError, rename, remove };
}
