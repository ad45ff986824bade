/** Requests the coach understands offline too: one click asks. */
const SUGGESTIONS = ['Key levels for SPX', 'Is the market open?', 'SPY options chain for 0DTE', 'How is my trading going?', 'Show my active alerts'];

/** A new conversation: what the coach can do, with a few questions to start from. */
export function EmptyChat({ onAsk }: { onAsk: (text: string) => void }) {
  return (
    <div className="chat-empty">
      <p>Ask about key levels, options and greeks, your positions, alerts, your journal, LEAPS or the macro calendar.</p>
      <ul className="chat-suggestions" aria-label="Suggestions">
        {SUGGESTIONS.map((s) => (
          <li key={s}>
            <button type="button" className="button" onClick={() => onAsk(s)}>
              {s}
            </button>
          </li>
        ))}
      </ul>
      <p className="muted">Enter sends · Shift+Enter adds a line · Esc stops · Ctrl+K (⌘K) starts a new chat</p>
    </div>
  );
}
