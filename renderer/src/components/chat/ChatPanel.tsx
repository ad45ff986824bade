import { useCallback, useEffect, useEffectEvent, useRef, useState, type CSSProperties } from 'react';
import { useChatSession } from '../../hooks/use-chat-session';
import { useWorkspaceNav } from '../../hooks/use-workspace-nav';
import type { CoachPrompt, PositionsHandoff } from '../../state/workspace-nav-context';
import '../../styles/chat.css';
import { BrandMark } from '../common/BrandMark';
import { ScreenshotMenu } from '../screenshot/ScreenshotMenu';
import { Composer } from './Composer';
import { EngineBadge } from './EngineBadge';
import { ExportMenu } from './ExportMenu';
import { MessageList } from './MessageList';
import { SessionList } from './SessionList';

interface ChatPanelProps {
  id: string;
  /** Fixed width in pixels beside the tools; absent on narrow windows, where it fills the screen. */
  width?: number;
  hidden?: boolean;
  /** The open conversation (a stored setting, so a reload reopens it); null for a new one. */
  sessionId: string | null;
  onSessionChange: (id: string | null) => void;
}

/**
 * The conversation with the coach: the session list, the messages with the answer streaming in,
 * and the composer. Ctrl/Cmd+K starts a new chat and Escape stops an answer, wherever the focus is;
 * a prompt handed over by another tab ("Ask the coach") is sent here, and so are the positions
 * confirmed from a screenshot.
 */
export function ChatPanel({ id, width, hidden = false, sessionId, onSessionChange }: ChatPanelProps) {
  const chat = useChatSession(sessionId, onSessionChange);
  const [showSessions, setShowSessions] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const style: CSSProperties | undefined = width === undefined ? undefined : { width };

  const open = useCallback(
    (next: string | null) => {
      onSessionChange(next);
      setShowSessions(false);
      input.current?.focus();
    },
    [onSessionChange],
  );

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (hidden || e.defaultPrevented) return;
    if (e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
      e.preventDefault();
      open(null);
    } else if (e.key === 'Escape' && chat.busy) {
      e.preventDefault();
      chat.stop();
    }
  });
  // "Ask the coach" from another tab (a scanner result): sent at once, or left in the composer
  // while an answer is still streaming.
  const { pendingCoachPrompt, settleCoachPrompt, pendingPositions, settlePositions } = useWorkspaceNav();
  const takePrompt = useEffectEvent((prompt: CoachPrompt) => {
    if (chat.busy) chat.setDraft(prompt.text);
    else chat.send(prompt.text);
    settleCoachPrompt(prompt.seq);
    input.current?.focus();
  });
  useEffect(() => {
    if (pendingCoachPrompt) takePrompt(pendingCoachPrompt);
  }, [pendingCoachPrompt]);
  // Confirmed screenshot positions: analysed in the open session once no answer is streaming.
  const takePositions = useEffectEvent((handoff: PositionsHandoff) => {
    chat.analysePositions(handoff.request);
    settlePositions(handoff.seq);
    input.current?.focus();
  });
  useEffect(() => {
    if (pendingPositions && !chat.busy) takePositions(pendingPositions);
  }, [pendingPositions, chat.busy]);

  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <section id={id} className="chat-panel" aria-labelledby="chat-heading" style={style} hidden={hidden}>
      <header className="panel-header chat-header">
        <BrandMark />
        <h2 id="chat-heading">AI Coach</h2>
        <EngineBadge />
        <span className="chat-header-actions">
          <button type="button" className="link-button" aria-expanded={showSessions} aria-controls={`${id}-sessions`} onClick={() => setShowSessions(!showSessions)} aria-label="Conversations">
            Chats
          </button>
          <button type="button" className="link-button" onClick={() => open(null)} title="New chat (Ctrl+K)" aria-label="New chat">
            + New
          </button>
        </span>
      </header>
      <div id={`${id}-sessions`} hidden={!showSessions}>
        {showSessions && <SessionList activeId={sessionId} onOpen={open} />}
      </div>
      {sessionId && !chat.busy && chat.messages.length > 0 && <ExportMenu sessionId={sessionId} />}
      <MessageList chat={chat} onAsk={chat.send} />
      <div className="chat-tools">
        <ScreenshotMenu />
      </div>
      <Composer ref={input} value={chat.draft} onChange={chat.setDraft} onSend={() => chat.send()} onStop={chat.stop} busy={chat.busy} />
    </section>
  );
}
