import { useLayoutEffect, useRef } from 'react';
import type { ChatSessionState } from '../../hooks/use-chat-session';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { EmptyChat } from './EmptyChat';
import { MessageBubble } from './MessageBubble';
import { StreamingBubble } from './StreamingBubble';
import { UserBubble } from './UserBubble';

/** How close to the bottom (px) still counts as following the conversation. */
const FOLLOW_WITHIN = 48;

/**
 * The conversation: stored messages, the answer streaming in, and a failed turn with Retry. It
 * follows new text while the reader is at the bottom, and stays put when they scrolled up.
 */
export function MessageList({ chat, onAsk }: { chat: ChatSessionState; onAsk: (text: string) => void }) {
  const log = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const { messages, turn, failure, busy } = chat;

  useLayoutEffect(() => {
    const el = log.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [messages, turn, failure]);

  const onScroll = () => {
    const el = log.current;
    if (el) following.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_WITHIN;
  };

  const lastAnswer = messages.findLastIndex((m) => m.role === 'assistant');
  const empty = messages.length === 0 && !turn && !failure;
  return (
    <div ref={log} role="log" aria-label="Conversation" aria-live="polite" className="conversation chat-log" tabIndex={0} onScroll={onScroll}>
      {chat.loading && <LoadingState label="Loading the conversation…" />}
      {chat.loadError && <ErrorNotice title="Could not load the conversation" error={chat.loadError} onRetry={chat.reload} />}
      {empty && !chat.loading && !chat.loadError && <EmptyChat onAsk={onAsk} />}
      {messages.map((m, i) => (
        <MessageBubble key={m.id} message={m} onRegenerate={i === lastAnswer && i === messages.length - 1 && !busy ? chat.regenerate : undefined} />
      ))}
      {turn && !turn.regenerate && <UserBubble text={turn.userText} />}
      {turn && <StreamingBubble turn={turn} />}
      {failure && <ErrorNotice title="The coach could not answer" error={failure.error} onRetry={chat.retry} compact />}
    </div>
  );
}
