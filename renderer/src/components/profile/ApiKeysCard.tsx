import { useCallback } from 'react';
import type { KeyStatus } from '../../../../shared/schemas/keys';
import { useApiEvent } from '../../hooks/use-api-event';
import { useCall } from '../../hooks/use-call';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { ApiKeyRow } from './ApiKeyRow';

const STORAGE_NOTES = {
  encrypted: 'Saved keys are encrypted with your system keychain.',
  'owner-only-file': 'Saved keys are kept in a file only your user account can read (no system keychain here).',
} as const;

/**
 * The external services' keys. Values go to the main process and never come back: each row shows
 * whether a key is set, where it comes from, and at most its last four characters.
 */
export function ApiKeysCard() {
  const keys = useCall('keys:list', {});
  const { replace } = keys;
  const update = useCallback(
    (status: KeyStatus) => replace((prev) => ({ storage: prev?.storage ?? 'owner-only-file', keys: (prev?.keys ?? []).map((k) => (k.name === status.name ? status : k)) })),
    [replace],
  );
  useApiEvent('keys:changed', update, keys.data !== undefined);

  return (
    <section className="card" aria-labelledby="keys-heading">
      <header className="card-header">
        <h3 id="keys-heading">API keys</h3>
        <span className="card-header-note muted">Applied at once, no restart. A saved key wins over the environment variable of the same name.</span>
      </header>
      {keys.error && !keys.data && <ErrorNotice title="Could not load the API keys" error={keys.error} onRetry={keys.reload} />}
      {!keys.data && !keys.error && <LoadingState label="Loading API keys…" />}
      {keys.data && (
        <>
          <div className="key-list">
            {keys.data.keys.map((status) => (
              <ApiKeyRow key={status.name} status={status} onChange={update} />
            ))}
          </div>
          <p className="card-footnote muted">{STORAGE_NOTES[keys.data.storage]}</p>
        </>
      )}
    </section>
  );
}
