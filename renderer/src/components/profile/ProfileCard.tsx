import { useState, type FormEvent } from 'react';
import { toIssues, type CoachError } from '../../../../shared/errors';
import { TimeframeSchema } from '../../../../shared/schemas/market';
import { EXPERIENCE_LEVELS, ProfilePatchSchema, TRADING_STYLES, type UserProfile } from '../../../../shared/schemas/profile';
import { useCoachApi } from '../../api/api-context';
import { toCoachError } from '../../hooks/use-call';
import { fieldErrors, type FieldErrors } from '../../lib/field-errors';
import { changedFields, draftFromProfile, type ProfileDraft } from '../../lib/profile-draft';
import { ErrorNotice } from '../common/ErrorNotice';
import { fieldAria, FormField } from '../common/FormField';
import { SelectField } from '../common/SelectField';
import { NotificationPrefsFieldset } from './NotificationPrefsFieldset';

const FIELDS = ['displayName', 'experienceLevel', 'preferredSymbols', 'defaultTimeframe', 'tradingStyle', 'notificationPrefs'] as const;
const NO_ERRORS: FieldErrors = { byField: {}, other: [] };
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const SYMBOLS_HINT = 'Separated by commas or spaces, e.g. SPX, SPY, QQQ';
const STYLE_LABELS: Record<UserProfile['tradingStyle'], string> = { day: 'Day trading', swing: 'Swing', leaps: 'LEAPS', mixed: 'Mixed' };

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'unchanged' } | { kind: 'failed'; error: CoachError };

interface ProfileCardProps {
  profile: UserProfile;
  onSaved: (profile: UserProfile) => void;
}

/** The profile form: checked with the contract's own schema before it is sent, errors by field. */
export function ProfileCard({ profile, onSaved }: ProfileCardProps) {
  const api = useCoachApi();
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFromProfile(profile));
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  const edit = (change: Partial<ProfileDraft>) => {
    setDraft((prev) => ({ ...prev, ...change }));
    if (save.kind !== 'saving') setSave({ kind: 'idle' });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const patch = changedFields(profile, draft);
    if (Object.keys(patch).length === 0) {
      setErrors(NO_ERRORS);
      setSave({ kind: 'unchanged' });
      return;
    }
    const checked = ProfilePatchSchema.safeParse(patch);
    if (!checked.success) {
      setErrors(fieldErrors(toIssues(checked.error), FIELDS));
      setSave({ kind: 'idle' });
      return;
    }
    setErrors(NO_ERRORS);
    setSave({ kind: 'saving' });
    api.call('profile:update', patch).then(
      (saved) => {
        onSaved(saved);
        setDraft(draftFromProfile(saved));
        setSave({ kind: 'saved' });
      },
      (failure: unknown) => {
        const error = toCoachError(failure);
        // Refused by the main process: show its messages on the fields they concern.
        if (error.code === 'invalid_input' && error.issues?.length) {
          setErrors(fieldErrors(error.issues, FIELDS));
          setSave({ kind: 'idle' });
        } else setSave({ kind: 'failed', error });
      },
    );
  };

  const e = errors.byField;
  return (
    <section className="card" aria-labelledby="profile-heading">
      <header className="card-header">
        <h3 id="profile-heading">Profile</h3>
        <span className="card-header-note muted">How the coach addresses you and what it assumes about your trading</span>
      </header>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="profile-heading">
        <div className="form-grid">
          <FormField id="profile-display-name" label="Display name" error={e.displayName}>
            <input
              className="input"
              {...fieldAria('profile-display-name', e.displayName)}
              value={draft.displayName}
              maxLength={80}
              autoComplete="nickname"
              onChange={(ev) => edit({ displayName: ev.target.value })}
            />
          </FormField>
          <SelectField
            id="profile-experience"
            label="Experience level"
            value={draft.experienceLevel}
            options={EXPERIENCE_LEVELS}
            optionLabel={capitalise}
            error={e.experienceLevel}
            onChange={(experienceLevel) => edit({ experienceLevel })}
          />
          <FormField id="profile-symbols" label="Preferred symbols" hint={SYMBOLS_HINT} error={e.preferredSymbols}>
            <input
              className="input"
              {...fieldAria('profile-symbols', e.preferredSymbols, SYMBOLS_HINT)}
              value={draft.preferredSymbols}
              spellCheck={false}
              autoCapitalize="characters"
              onChange={(ev) => edit({ preferredSymbols: ev.target.value })}
            />
          </FormField>
          <SelectField
            id="profile-timeframe"
            label="Default timeframe"
            value={draft.defaultTimeframe}
            options={TimeframeSchema.options}
            error={e.defaultTimeframe}
            onChange={(defaultTimeframe) => edit({ defaultTimeframe })}
          />
          <SelectField
            id="profile-style"
            label="Trading style"
            value={draft.tradingStyle}
            options={TRADING_STYLES}
            optionLabel={(style) => STYLE_LABELS[style]}
            error={e.tradingStyle}
            onChange={(tradingStyle) => edit({ tradingStyle })}
          />
        </div>
        <NotificationPrefsFieldset prefs={draft.notificationPrefs} errors={errors.byField} onChange={(notificationPrefs) => edit({ notificationPrefs })} />
        {errors.other.length > 0 && (
          <p role="alert" className="field-error">
            {errors.other.join('; ')}
          </p>
        )}
        {save.kind === 'failed' && <ErrorNotice title="Could not save your profile" error={save.error} compact />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.kind === 'saving'}>
            {save.kind === 'saving' ? 'Saving…' : 'Save profile'}
          </button>
          <span role="status" className="save-status">
            {save.kind === 'saved' && 'Saved'}
            {save.kind === 'unchanged' && 'No changes to save'}
          </span>
        </div>
      </form>
    </section>
  );
}
