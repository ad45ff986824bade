import type { Expiration } from '../../../../shared/schemas/chains';
import { expiryLabel, groupExpirations } from './chain-view';

/** The listed expirations, grouped (0DTE, dailies, weeklies, monthlies, LEAPS) with the days left. */
export function ExpirySelect({ expirations, value, onChange }: { expirations: readonly Expiration[]; value: string | undefined; onChange: (expiry: string) => void }) {
  return (
    <label className="options-field">
      <span>Expiration</span>
      <select className="input" data-testid="expiry-select" value={value ?? ''} disabled={!expirations.length} onChange={(event) => onChange(event.target.value)}>
        {groupExpirations(expirations).map((group) => (
          <optgroup key={group.kind} label={group.label}>
            {group.expirations.map((expiration) => (
              <option key={expiration.date} value={expiration.date} data-kind={expiration.kind}>
                {expiryLabel(expiration)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
