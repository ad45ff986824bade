import type { NotificationPrefs } from '../../../../shared/schemas/profile';

const OPTIONS: { key: keyof NotificationPrefs; label: string; hint: string }[] = [
  { key: 'alertsEnabled', label: 'Price alerts', hint: 'Alerts you set fire when their level is reached' },
  { key: 'browserNotifications', label: 'System notifications', hint: 'Also show a desktop notification, not only the in-app toast' },
  { key: 'emailAlerts', label: 'Email alerts', hint: 'Also email each alert (once your account is synced)' },
];

interface NotificationPrefsFieldsetProps {
  prefs: NotificationPrefs;
  /** Errors by field path, e.g. `notificationPrefs.emailAlerts`. */
  errors: Record<string, string>;
  onChange: (prefs: NotificationPrefs) => void;
}

/** The three notification switches of the profile. */
export function NotificationPrefsFieldset({ prefs, errors, onChange }: NotificationPrefsFieldsetProps) {
  return (
    <fieldset className="fieldset">
      <legend>Notifications</legend>
      {OPTIONS.map(({ key, label, hint }) => {
        const id = `profile-notify-${key}`;
        const error = errors[`notificationPrefs.${key}`];
        return (
          <div key={key} className="checkbox-row">
            <input
              type="checkbox"
              id={id}
              checked={prefs[key]}
              aria-describedby={`${id}-hint`}
              aria-invalid={error ? true : undefined}
              onChange={(ev) => onChange({ ...prefs, [key]: ev.target.checked })}
            />
            <label htmlFor={id}>{label}</label>
            <span id={`${id}-hint`} className="field-hint">
              {error ?? hint}
            </span>
          </div>
        );
      })}
      {errors.notificationPrefs && <p className="field-error">{errors.notificationPrefs}</p>}
    </fieldset>
  );
}
