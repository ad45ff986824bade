import { useCallback, useState } from 'react';
import type { SettingEntry, SettingKey, SettingsMap, SettingValue } from '../../../shared/schemas/settings';
import type { CoachError } from '../../../shared/errors';
import { useCoachApi } from '../api/api-context';
import { toCoachError, useCall } from './use-call';
import { useApiEvent } from './use-api-event';

export interface SettingsState {
  settings: SettingsMap | undefined;
  error: CoachError | undefined;
  loading: boolean;
  reload: () => void;
  /** Applies the value at once (optimistic) and stores it; a failure is kept in `saveError`. */
  save: <K extends SettingKey>(key: K, value: SettingValue<K>) => void;
  saveError: CoachError | undefined;
  dismissSaveError: () => void;
}

/** The user's settings, kept in step with changes made by other windows or clients. */
export function useSettings(): SettingsState {
  const api = useCoachApi();
  const list = useCall('settings:list', {});
  const [saveError, setSaveError] = useState<CoachError>();
  const { replace } = list;

  const merge = useCallback((entry: SettingEntry) => replace((prev) => ({ ...prev, [entry.key]: entry.value })), [replace]);
  useApiEvent('settings:changed', merge, list.data !== undefined);

  const save = useCallback(
    <K extends SettingKey>(key: K, value: SettingValue<K>) => {
      const entry = { key, value } as SettingEntry;
      merge(entry);
      api.call('settings:set', entry).then(
        () => setSaveError(undefined),
        (error: unknown) => setSaveError(toCoachError(error)),
      );
    },
    [api, merge],
  );
  const dismissSaveError = useCallback(() => setSaveError(undefined), []);

  return { settings: list.data, error: list.error, loading: list.loading, reload: list.reload, save, saveError, dismissSaveError };
}
