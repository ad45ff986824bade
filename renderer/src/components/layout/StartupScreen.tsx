import type { CoachError } from '../../../../shared/errors';
import { BrandMark } from '../common/BrandMark';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';

/**
 * What shows before the shell can: loading, or why the app's local service refused or failed.
 * A 401 is the usual case in web mode: the page was opened without the `#token=…` the app printed.
 */
export function StartupScreen({ error, onRetry }: { error?: CoachError; onRetry: () => void }) {
  const unauthorized = error?.code === 'unauthorized';
  return (
    <main className="startup">
      <div className="startup-card">
        <header className="startup-brand">
          <BrandMark size={28} />
          <h1>TITM AI Coach</h1>
        </header>
        {!error && <LoadingState label="Connecting to the app…" />}
        {unauthorized && (
          <>
            <ErrorNotice title="Access denied (401 Unauthorized)" error={error} />
            <p className="startup-help">
              This page was opened without the app&apos;s access token, or with one from an earlier run. Open the address the
              app printed when it started: it ends with <code>#token=…</code>.
            </p>
          </>
        )}
        {error && !unauthorized && (
          <>
            <ErrorNotice title="The app's local service did not answer" error={error} onRetry={onRetry} />
            <p className="startup-help">Check that TITM AI Coach is still running, then retry.</p>
          </>
        )}
      </div>
    </main>
  );
}
