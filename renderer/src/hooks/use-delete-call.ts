import { useCallback, useState } from 'react';
import type { CallInput, CallName } from '../../../shared/contract';
import type { CoachError } from '../../../shared/errors';
import { useCoachApi } from '../api/api-context';
import { toCoachError } from './use-call';

/** The calls that delete one row by id (`journal:delete`, `positions:delete`...). */
type DeleteCallName = { [K in CallName]: CallInput<K> extends { id: string } ? (K extends `${string}:delete` ? K : never) : never }[CallName];

/**
 * Deletes rows through `name`: `remove(id)` sends the call and keeps its failure in `error` for the
 * view to show (the list itself refreshes on the domain's change event).
 */
export function useDeleteCall(name: DeleteCallName): { remove: (id: string) => void; error: CoachError | undefined } {
  const api = useCoachApi();
  const [error, setError] = useState<CoachError | undefined>();
  const remove = useCallback(
    (id: string) => {
      setError(undefined);
      api.call(name, { id }).catch((e: unknown) => setError(toCoachError(e)));
    },
    [api, name],
  );
  return { remove, error };
}
