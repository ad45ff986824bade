import { useState } from 'react';
import { useChatSessions } from '../../hooks/use-chat-sessions';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { SessionRow } from './SessionRow';

interface SessionListProps {
  activeId: string | null;
  onOpen: (id: string | null) => void;
}

/** The conversations, newest first, searchable (titles and message text); a new one starts blank. */
export function SessionList({ activeId, onOpen }: SessionListProps) {
  const [query, setQuery] = useState('');
  const { sessions, loading, error, reload, actionError, rename, remove } = useChatSessions(query);

  return (
    <nav className="chat-sessions" aria-label="Conversations">
      <div className="chat-sessions-bar">
        <input
          type="search"
          className="input"
          aria-label="Search conversations"
          placeholder="Search conversations"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="button" onClick={() => onOpen(null)} title="New chat (Ctrl+K)">
          New chat
        </button>
      </div>
      {error && <ErrorNotice title="Could not load the conversations" error={error} onRetry={reload} compact />}
      {actionError && <ErrorNotice title={actionError.title} error={actionError.error} compact />}
      {!sessions && loading && <LoadingState label="Loading conversations…" />}
      {sessions?.length === 0 && <p className="empty-state">{query.trim() ? `No conversation matches “${query.trim()}”.` : 'No conversations yet.'}</p>}
      {sessions && sessions.length > 0 && (
        <ul className="chat-session-list">
          {sessions.map((s) => (
            <SessionRow
              key={s.id}
              session={s}
              active={s.id === activeId}
              onOpen={() => onOpen(s.id)}
              onRename={(title) => rename(s.id, title)}
              onDelete={() => {
                remove(s.id);
                if (s.id === activeId) onOpen(null);
              }}
            />
          ))}
        </ul>
      )}
    </nav>
  );
}
