import type { CSSProperties } from 'react';
import { BrandMark } from '../common/BrandMark';

interface ChatPanelProps {
  id: string;
  /** Fixed width in pixels beside the tools; absent on narrow windows, where it fills the screen. */
  width?: number;
  hidden?: boolean;
}

/** The conversation with the coach. Messages, the composer and function cards arrive with chat. */
export function ChatPanel({ id, width, hidden = false }: ChatPanelProps) {
  const style: CSSProperties | undefined = width === undefined ? undefined : { width };
  return (
    <section id={id} className="chat-panel" aria-labelledby="chat-heading" style={style} hidden={hidden}>
      <header className="panel-header">
        <BrandMark />
        <h2 id="chat-heading">AI Coach</h2>
      </header>
      <div role="log" aria-label="Conversation" aria-live="polite" className="conversation" tabIndex={0} />
    </section>
  );
}
