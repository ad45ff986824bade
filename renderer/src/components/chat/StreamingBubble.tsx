import { turnWidgets, type StreamingTurn } from '../../lib/chat-turn';
import { FunctionChip } from './FunctionChip';
import { MarkdownText } from './MarkdownText';
import { WidgetCard } from './widgets/WidgetCard';

/**
 * The answer as it streams: a chip per function call (running, then done or failed), each card as
 * soon as its result arrives, and the text so far with a blinking cursor.
 */
export function StreamingBubble({ turn }: { turn: StreamingTurn }) {
  const widgets = turnWidgets(turn);
  return (
    <article className="chat-message chat-message-assistant" data-testid="chat-message" data-role="assistant" data-status="streaming" aria-busy="true">
      {turn.calls.length > 0 && (
        <ul className="chat-chips" aria-label="What the coach is checking">
          {turn.calls.map((c) => (
            <FunctionChip key={c.id} chip={c} />
          ))}
        </ul>
      )}
      {widgets.map((w, i) => (
        <WidgetCard key={`${w.type}-${i}`} widget={w} />
      ))}
      {turn.text === '' ? (
        <p className="chat-thinking muted">
          {turn.calls.length === 0 && 'Thinking'}
          <span className="chat-cursor" aria-hidden="true" />
        </p>
      ) : (
        <MarkdownText text={turn.text} streaming />
      )}
    </article>
  );
}
