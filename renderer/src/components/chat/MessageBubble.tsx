import { memo } from 'react';
import type { ChatMessage } from '../../../../shared/schemas/chat';
import { functionLabel } from '../../lib/chat-turn';
import { formatTime } from '../../lib/format';
import { CopyButton } from './CopyButton';
import { FunctionChip } from './FunctionChip';
import { MarkdownText } from './MarkdownText';
import { UserBubble } from './UserBubble';
import { WidgetCard } from './widgets/WidgetCard';

interface MessageBubbleProps {
  message: ChatMessage;
  /** Offered on the last answer only, when no answer is streaming. */
  onRegenerate?: () => void;
}

/**
 * One stored message: the user's text, or the coach's answer with its function chips, cards and
 * actions. Memoised: a streaming answer re-renders the list once per token, and stored messages
 * (stable objects) need not re-parse their Markdown or redraw their cards each time.
 */
export const MessageBubble = memo(function MessageBubble({ message: m, onRegenerate }: MessageBubbleProps) {
  if (m.role === 'system') {
    return (
      <aside className="chat-context muted" data-testid="chat-message" data-role="system" aria-label="Context the coach was given">
        <MarkdownText text={m.content} />
      </aside>
    );
  }
  if (m.role === 'user') return <UserBubble text={m.content} />;
  return (
    <article className="chat-message chat-message-assistant" data-testid="chat-message" data-role="assistant" data-status={m.status} aria-label="Coach">
      {m.functionCalls.length > 0 && (
        <ul className="chat-chips" aria-label="What the coach checked">
          {m.functionCalls.map((c) => (
            <FunctionChip key={c.id} chip={{ name: c.name, label: functionLabel(c.name), status: c.status }} />
          ))}
        </ul>
      )}
      {m.widgets.map((w, i) => (
        <WidgetCard key={`${w.type}-${i}`} widget={w} />
      ))}
      {m.content !== '' && <MarkdownText text={m.content} />}
      <footer className="chat-message-footer">
        {m.status === 'stopped' && (
          <span className="tag tag-small chat-stopped" data-testid="stopped-mark">
            Stopped
          </span>
        )}
        <time className="muted" dateTime={m.createdAt}>
          {formatTime(m.createdAt)}
        </time>
        <span className="chat-message-actions">
          {m.content !== '' && <CopyButton text={m.content} what="answer" />}
          {onRegenerate && (
            <button type="button" className="link-button" onClick={onRegenerate}>
              Regenerate
            </button>
          )}
        </span>
      </footer>
    </article>
  );
});
