import { useState } from 'react';
import type { CoachError } from '../../../shared/errors';
import type { Alert } from '../../../shared/schemas/alerts';
import type { ScanResult } from '../../../shared/schemas/scanner';
import { useCoachApi } from '../api/api-context';
import type { AlertPrefill } from '../lib/alert-draft';
import { alertFromResult } from '../lib/scanner';
import { toCoachError } from './use-call';

/** Where "Set alert" stands: creating, created (offer to show it), or refused (offer the form). */
export type SetAlertState = { status: 'saving' } | { status: 'set'; alert: Alert } | { status: 'failed'; error: CoachError };

export interface SuggestedAlert {
  /** The alert the result suggests; undefined when it suggests none. */
  input: AlertPrefill | undefined;
  state: SetAlertState | undefined;
  /** Creates the alert (`alerts:create`). */
  set(): void;
  /** Clears a failure, so "Set alert" can be tried again. */
  dismiss(): void;
}

/** "Set alert" on a scan result (the Scanner tab's rows, the chat's scan card): the suggested alert, made in one click. */
export function useSuggestedAlert(result: Pick<ScanResult, 'scanName' | 'suggestion'>): SuggestedAlert {
  const api = useCoachApi();
  const [state, setState] = useState<SetAlertState>();
  const input = alertFromResult(result);
  return {
    input,
    state,
    set() {
      if (!input) return;
      setState({ status: 'saving' });
      api.call('alerts:create', input).then(
        (alert) => setState({ status: 'set', alert }),
        (error: unknown) => setState({ status: 'failed', error: toCoachError(error) }),
      );
    },
    dismiss: () => setState(undefined),
  };
}
