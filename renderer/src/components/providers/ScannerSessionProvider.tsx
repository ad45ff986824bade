import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CoachError } from '../../../../shared/errors';
import type { ScanResult, ScanRunInput, ScanRunResult } from '../../../../shared/schemas/scanner';
import { useCoachApi } from '../../api/api-context';
import { useApiEvent } from '../../hooks/use-api-event';
import { toCoachError } from '../../hooks/use-call';
import { mergeFeed } from '../../lib/scanner';
import { ScannerSessionContext } from '../../state/scanner-session-context';

const NOTHING_NEW: ReadonlySet<string> = new Set();

/**
 * Keeps the Scanner tab's last run and the schedules' finds while other tabs show. `open` says
 * whether the Scanner tab is the one on screen: leaving it marks every find seen.
 */
export function ScannerSessionProvider({ open, children }: { open: boolean; children: ReactNode }) {
  const api = useCoachApi();
  const [lastRun, setLastRun] = useState<ScanRunResult>();
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<CoachError>();
  const [feed, setFeed] = useState<ScanResult[]>([]);
  const [newIds, setNewIds] = useState(NOTHING_NEW);
  const [wasOpen, setWasOpen] = useState(open);
  const attempt = useRef(0);

  // Adjusted while rendering (no effect): the finds were seen when the tab closes.
  if (open !== wasOpen) {
    setWasOpen(open);
    if (!open) setNewIds(NOTHING_NEW);
  }

  useApiEvent('scanner:results', ({ results }) => {
    setFeed((prev) => mergeFeed(prev, results));
    setNewIds((prev) => new Set([...prev, ...results.map((r) => r.id)]));
  });

  const run = useCallback(
    (input: ScanRunInput) => {
      const mine = ++attempt.current;
      setRunning(true);
      setRunError(undefined);
      // Only the latest run's answer counts (a run started while another was in flight wins).
      const settle = (result: ScanRunResult | undefined, error: CoachError | undefined) => {
        if (mine !== attempt.current) return;
        if (result) setLastRun(result);
        setRunError(error);
        setRunning(false);
      };
      api.call('scanner:run', input).then(
        (result) => settle(result, undefined),
        (error: unknown) => settle(undefined, toCoachError(error)),
      );
    },
    [api],
  );

  const value = useMemo(() => ({ lastRun, running, runError, run, feed, newIds }), [lastRun, running, runError, run, feed, newIds]);
  return <ScannerSessionContext.Provider value={value}>{children}</ScannerSessionContext.Provider>;
}
