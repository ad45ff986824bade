import { useState, type FormEvent } from 'react';
import { settingSchemas } from '../../../../shared/schemas/settings';
import { DEFAULT_SCREENSHOT_DAILY_LIMIT } from '../../../../shared/schemas/screenshot';
import { useApiEvent } from '../../hooks/use-api-event';
import { useCall } from '../../hooks/use-call';
import { useSettings } from '../../hooks/use-settings';
import { ErrorNotice } from '../common/ErrorNotice';
import { FormField, fieldAria } from '../common/FormField';

const LimitSchema = settingSchemas['screenshot.dailyLimit'];

/** Broker screenshots read today against the daily limit, and the limit itself (setting `screenshot.dailyLimit`). */
export function ScreenshotLimitCard() {
  const quota = useCall('screenshot:quota', {});
  const { settings, save, saveError } = useSettings();
  const current = settings?.['screenshot.dailyLimit'] ?? DEFAULT_SCREENSHOT_DAILY_LIMIT;
  const [draft, setDraft] = useState<string>();
  const [error, setError] = useState<string>();
  // The limit last sent, for Retry when saving it failed.
  const [sent, setSent] = useState<number>();
  // A limit saved here or elsewhere changes what remains today.
  useApiEvent('settings:changed', (entry) => {
    if (entry.key === 'screenshot.dailyLimit') quota.reload();
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const text = (draft ?? String(current)).trim();
    const parsed = LimitSchema.safeParse(Number(text));
    if (!/^\d+$/.test(text) || !parsed.success) {
      setError('A whole number from 1 to 100');
      return;
    }
    setError(undefined);
    setDraft(undefined);
    setSent(parsed.data);
    save('screenshot.dailyLimit', parsed.data);
  };

  return (
    <section className="card" aria-labelledby="screenshot-limit-heading">
      <header className="card-header">
        <h3 id="screenshot-limit-heading">Broker screenshots</h3>
        <span className="card-header-note muted">How many screenshots of your positions the app reads a day</span>
      </header>
      <dl className="facts">
        <dt>Read today</dt>
        <dd data-testid="screenshot-limit-used">
          {quota.data ? `${quota.data.used} of ${quota.data.limit} read today (New York day)` : quota.error ? 'Today’s count could not be loaded' : 'Loading today’s count…'}
        </dd>
      </dl>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="screenshot-limit-heading">
        <div className="form-grid">
          <FormField id="screenshot-daily-limit" label="Screenshots read per day" hint={`Default ${DEFAULT_SCREENSHOT_DAILY_LIMIT}; a screenshot with no positions table is not counted`} error={error}>
            <input {...fieldAria('screenshot-daily-limit', error)} className="input" type="text" inputMode="numeric" value={draft ?? String(current)} onChange={(event) => setDraft(event.target.value)} />
          </FormField>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={draft === undefined}>
            Save limit
          </button>
        </div>
      </form>
      {saveError && sent !== undefined && <ErrorNotice title="Could not save the limit" error={saveError} onRetry={() => save('screenshot.dailyLimit', sent)} />}
    </section>
  );
}
