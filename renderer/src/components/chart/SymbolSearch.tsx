import { useId, useState, type FormEvent } from 'react';
import { useCall } from '../../hooks/use-call';

/** A ticker box with suggestions from `market:symbols`; Enter (or Go) shows the symbol. */
export function SymbolSearch({ symbol, onSubmit }: { symbol: string; onSubmit: (symbol: string) => void }) {
  const [text, setText] = useState(symbol);
  const listId = useId();
  const suggestions = useCall('market:symbols', { query: text.trim().slice(0, 40) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = text.trim().toUpperCase();
    if (next) onSubmit(next);
  };
  return (
    <form className="symbol-search" role="search" aria-label="Symbol" onSubmit={submit}>
      <input
        className="input symbol-input"
        aria-label="Symbol"
        list={listId}
        value={text}
        maxLength={12}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
      />
      <datalist id={listId}>
        {(suggestions.data ?? []).slice(0, 20).map((s) => (
          <option key={s.symbol} value={s.symbol}>
            {s.name}
          </option>
        ))}
      </datalist>
      <button type="submit" className="button">
        Go
      </button>
    </form>
  );
}
