import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';
const WORDS: Record<CopyState, string> = { idle: 'Copy', copied: 'Copied', failed: 'Copy failed' };

/** Copies a message's text to the clipboard and says so for a moment. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = () => {
    // Inside a promise: a page without clipboard access throws instead of rejecting.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(text))
      .then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" className="link-button" onClick={copy} aria-label={state === 'idle' ? `Copy ${what}` : WORDS[state]}>
      {WORDS[state]}
    </button>
  );
}
