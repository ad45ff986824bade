import type { KeyboardEvent, Ref } from 'react';

interface ComposerProps {
  value: string;
  onChange: (text: string) => void;
  onSend: () => void;
  onStop: () => void;
  busy: boolean;
  ref?: Ref<HTMLTextAreaElement>;
}

/** Where the user writes: Enter sends, Shift+Enter adds a line; Stop replaces Send while the coach answers; a pasted screenshot is read (the app-wide paste handler takes it). */
export function Composer({ value, onChange, onSend, onStop, busy, ref }: ComposerProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Not while an input method is composing a character: its Enter picks the character.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (!busy) onSend();
    }
  };
  return (
    <form
      className="chat-composer"
      onSubmit={(e) => {
        e.preventDefault();
        onSend();
      }}
    >
      <textarea
        ref={ref}
        className="input chat-input"
        aria-label="Message the coach"
        placeholder="Ask the coach… (Enter sends, Shift+Enter for a new line)"
        rows={2}
        maxLength={8000}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {busy ? (
        // Keyed apart: a click meant for Stop must never land on the Send button that replaces it.
        <button key="stop" type="button" className="button chat-stop" onClick={onStop} title="Stop (Esc)">
          Stop
        </button>
      ) : (
        <button key="send" type="submit" className="button button-primary" disabled={value.trim() === ''}>
          Send
        </button>
      )}
    </form>
  );
}
