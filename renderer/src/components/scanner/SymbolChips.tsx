import { useState, type KeyboardEvent } from 'react';
import { SymbolSchema } from '../../../../shared/schemas/market';
import { addSymbols } from '../../lib/scanner';
import { fieldAria } from '../common/FormField';

interface SymbolChipsProps {
  /** The id of the text box; the label and messages point at it. */
  id: string;
  label: string;
  symbols: readonly string[];
  onChange: (symbols: string[]) => void;
  /** The default list, offered back with "Reset to watchlist" once the list differs from it. */
  watchlist?: readonly string[];
  /** A message from the form's own check (e.g. "Give at least one symbol"). */
  error?: string;
}

const HINT = 'Type symbols and press Enter (commas or spaces between several)';

/** An editable list of symbols as chips: type to add (checked like the contract checks a symbol), × to remove. */
export function SymbolChips({ id, label, symbols, onChange, watchlist, error }: SymbolChipsProps) {
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<string>();
  const message = refused ?? error;

  const add = () => {
    const typed = addSymbols([], text);
    const bad = typed.find((symbol) => !SymbolSchema.safeParse(symbol).success);
    if (bad) return setRefused(`"${bad}" is not a symbol: 1–10 letters, digits, "." or "-", starting with a letter`);
    setRefused(undefined);
    setText('');
    if (typed.length) onChange(addSymbols(symbols, text));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && text === '' && symbols.length) onChange(symbols.slice(0, -1));
  };
  const isWatchlist = watchlist !== undefined && watchlist.join(',') === symbols.join(',');

  return (
    <div className="field symbol-chips">
      <label htmlFor={id}>{label}</label>
      <div className="chip-box">
        <ul className="chip-list" aria-label={`${label}: ${symbols.length}`}>
          {symbols.map((symbol) => (
            <li key={symbol} className="chip" data-testid="symbol-chip">
              {symbol}
              <button type="button" className="chip-remove" aria-label={`Remove ${symbol}`} onClick={() => onChange(symbols.filter((s) => s !== symbol))}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          className="input chip-input"
          {...fieldAria(id, message, HINT)}
          value={text}
          placeholder={symbols.length ? 'Add…' : 'SPY, QQQ…'}
          spellCheck={false}
          autoComplete="off"
          onChange={(ev) => setText(ev.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => text.trim() && add()}
        />
      </div>
      {message ? (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field-hint">
          {HINT}
          {watchlist && !isWatchlist && (
            <>
              {' · '}
              <button type="button" className="link-button" onClick={() => onChange([...watchlist])}>
                Reset to watchlist
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}
