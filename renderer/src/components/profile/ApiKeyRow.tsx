import { useState, type FormEvent } from 'react';
import type { CoachError } from '../../../../shared/errors';
import { KEY_LABELS, keyValueSchemas, type KeyStatus } from '../../../../shared/schemas/keys';
import { useCoachApi } from '../../api/api-context';
import { toCoachError } from '../../hooks/use-call';
import { formatDateTime } from '../../lib/format';
import { ErrorNotice } from '../common/ErrorNotice';

const SOURCE_LABELS: Record<KeyStatus['source'], string> = { saved: 'Saved', environment: 'From environment', none: 'Not set' };

interface ApiKeyRowProps {
  status: KeyStatus;
  onChange: (status: KeyStatus) => void;
}

/**
 * One service key: its masked status, and Set / Replace / Clear. The new value is read from an
 * uncontrolled password field on submit (React would mirror a controlled value into the DOM) and
 * the field is emptied as soon as the key is saved.
 */
export function ApiKeyRow({ status, onChange }: ApiKeyRowProps) {
  const api = useCoachApi();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string>();
  const [failure, setFailure] = useState<CoachError>();
  const [notice, setNotice] = useState<string>();
  const label = KEY_LABELS[status.name];
  const inputId = `key-${status.name}`;
  const headingId = `${inputId}-label`;

  const settle = (next: KeyStatus, message: string) => {
    onChange(next);
    setEditing(false);
    setNotice(message);
  };
  const fail = (error: unknown) => {
    const coachError = toCoachError(error);
    const issue = coachError.issues?.find((i) => i.path[0] === 'value');
    if (issue) setFieldError(issue.message);
    else setFailure(coachError);
  };
  const run = (work: Promise<void>) => {
    setBusy(true);
    setFailure(undefined);
    setNotice(undefined);
    work.catch(fail).finally(() => setBusy(false));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const value = String(new FormData(form).get('value') ?? '');
    const checked = keyValueSchemas[status.name].safeParse(value);
    if (!checked.success) {
      setFieldError(checked.error.issues[0]?.message);
      return;
    }
    setFieldError(undefined);
    run(
      api.call('keys:set', { name: status.name, value }).then((next) => {
        form.reset();
        settle(next, 'Saved');
      }),
    );
  };
  const onClear = () => run(api.call('keys:clear', { name: status.name }).then((next) => settle(next, 'Cleared')));
  const cancel = () => {
    setEditing(false);
    setFieldError(undefined);
  };

  return (
    <div className="key-row" role="group" aria-labelledby={headingId}>
      <div className="key-summary">
        <div className="key-name">
          <span id={headingId} className="key-label">
            {label}
          </span>
          <code className="muted">{status.name}</code>
        </div>
        <div className="key-status" aria-label={`${label} status`}>
          <span className={`tag tag-${status.source}`}>{SOURCE_LABELS[status.source]}</span>{' '}
          {status.last4 && <code className="key-hint">…{status.last4}</code>}{' '}
          {status.source === 'saved' && status.updatedAt && <span className="muted">on {formatDateTime(status.updatedAt)}</span>}
        </div>
        <div className="key-actions">
          {notice && (
            <span role="status" className="save-status">
              {notice}
            </span>
          )}
          {!editing && (
            <button type="button" className="button" disabled={busy} onClick={() => setEditing(true)} aria-label={`${status.source === 'saved' ? 'Replace' : 'Set'} ${label}`}>
              {status.source === 'saved' ? 'Replace' : 'Set'}
            </button>
          )}
          {status.source === 'saved' && (
            <button type="button" className="button button-ghost" disabled={busy} onClick={onClear} aria-label={`Clear ${label}`}>
              Clear
            </button>
          )}
        </div>
      </div>
      {status.problem && <p className="field-error">{status.problem}</p>}
      {editing && (
        <form className="key-form" onSubmit={onSubmit} noValidate>
          <label htmlFor={inputId} className="visually-hidden">
            New {label}
          </label>
          <input
            id={inputId}
            name="value"
            type="password"
            className="input"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            placeholder={`Paste the ${label}`}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${inputId}-error` : undefined}
            onChange={() => setFieldError(undefined)}
          />
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button button-ghost" onClick={cancel} disabled={busy}>
            Cancel
          </button>
        </form>
      )}
      {fieldError && (
        <p id={`${inputId}-error`} className="field-error" role="alert">
          {fieldError}
        </p>
      )}
      {failure && <ErrorNotice title={`Could not update the ${label}`} error={failure} compact />}
    </div>
  );
}
