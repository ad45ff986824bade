import { useState, type KeyboardEvent } from 'react';
import type { ChatSession } from '../../../../shared/schemas/chat';
import { plainPreview } from '../../lib/chat-text';
import { formatDateTime } from '../../lib/format';
import { ConfirmDelete } from '../common/ConfirmDelete';

interface SessionRowProps {
  session: ChatSession;
  active: boolean;
  onOpen: () => void;
  onRename: (title: string) => void;
  onDelete: () => void;
}

/** One conversation in the list: open it, rename it in place (Enter saves, Escape cancels), delete it (asks first). */
export function SessionRow({ session: s, active, onOpen, onRename, onDelete }: SessionRowProps) {
  const [editing, setEditing] = useState<string>();

  const finish = (save: boolean) => {
    const title = editing?.trim();
    setEditing(undefined);
    if (save && title && title !== s.title) onRename(title);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') finish(true);
    if (e.key === 'Escape') {
      // Escape here cancels the rename only; it must not also stop a streaming answer.
      e.preventDefault();
      e.stopPropagation();
      finish(false);
    }
  };

  return (
    <li className={active ? 'chat-session chat-session-active' : 'chat-session'} data-testid="chat-session" data-session-id={s.id}>
      {editing === undefined ? (
        <button type="button" className="chat-session-open" onClick={onOpen} aria-current={active ? 'true' : undefined}>
          <span className="chat-session-title truncate">{s.title}</span>
          <span className="chat-session-preview truncate muted">{plainPreview(s.preview) || 'No messages yet'}</span>
          <span className="chat-session-meta muted">
            {formatDateTime(s.updatedAt)} · {s.messageCount}
          </span>
        </button>
      ) : (
        <input
          className="input chat-session-rename"
          aria-label={`New title for ${s.title}`}
          value={editing}
          maxLength={120}
          autoFocus
          onChange={(e) => setEditing(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => finish(true)}
        />
      )}
      <span className="chat-session-actions">
        <ConfirmDelete what={`conversation ${s.title}`} onDelete={onDelete}>
          <button type="button" className="link-button" aria-label={`Rename ${s.title}`} onClick={() => setEditing(s.title)}>
            Rename
          </button>
        </ConfirmDelete>
      </span>
    </li>
  );
}
