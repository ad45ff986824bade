import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract';
import { CoachError } from '../../../shared/errors';
import { useCoachApi } from '../api/api-context';

export interface CallState<T> {
  /** The last value received; kept while a reload is in flight so the view does not flash. */
  data: T | undefined;
  /** The error of the latest attempt, cleared by the next success. */
  error: CoachError | undefined;
  loading: boolean;
  reload: () => void;
  /** Replaces the data with a fresher value (pushed by an event, or a local change). */
  replace: (update: T | ((prev: T | undefined) => T)) => void;
}

interface Settled<T> {
  attempt: number;
  data: T | undefined;
  error: CoachError | undefined;
}

/** Anything thrown by a call as a CoachError, so views can always show a message and request id. */
export function toCoachError(error: unknown): CoachError {
  if (error instanceof CoachError) return error;
  return new CoachError('internal', error instanceof Error ? error.message : String(error));
}

/**
 * Runs a contract call when the component mounts (and on `reload()`), tracking loading and errors.
 * Loading is derived from which attempt has settled, so no state is set synchronously in the effect.
 */
export function useCall<K extends CallName>(name: K, input: CallInput<K>): CallState<CallOutput<K>> {
  const api = useCoachApi();
  const inputKey = JSON.stringify(input);
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<CallOutput<K>>>({ attempt: -1, data: undefined, error: undefined });

  useEffect(() => {
    let live = true;
    api.call(name, JSON.parse(inputKey) as CallInput<K>).then(
      (data) => live && setSettled({ attempt, data, error: undefined }),
      (error: unknown) => live && setSettled((prev) => ({ attempt, data: prev.data, error: toCoachError(error) })),
    );
    return () => {
      live = false;
    };
  }, [api, name, inputKey, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback(
    (update: CallOutput<K> | ((prev: CallOutput<K> | undefined) => CallOutput<K>)) =>
      setSettled((prev) => ({
        ...prev,
        data: typeof update === 'function' ? update(prev.data) : update,
        error: undefined,
      })),
    [],
  );

  const loading = settled.attempt !== attempt;
  return useMemo(
    () => ({ data: settled.data, error: settled.error, loading, reload, replace }),
    [settled.data, settled.error, loading, reload, replace],
  );
}
