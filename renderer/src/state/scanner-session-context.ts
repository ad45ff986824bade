import { createContext } from 'react';
import type { CoachError } from '../../../shared/errors';
import type { ScanResult, ScanRunInput, ScanRunResult } from '../../../shared/schemas/scanner';

/**
 * What the Scanner tab shows that must outlive the tab (only the active tab is mounted): the last
 * run (a run started before switching away lands here too) and the finds of the scan schedules,
 * which arrive by event whatever tab is open and put a "new" badge on the Scanner tab.
 */
export interface ScannerSession {
  /** The last run's answer. */
  lastRun: ScanRunResult | undefined;
  /** A run is in flight. */
  running: boolean;
  /** Why the last run failed; cleared by the next run. */
  runError: CoachError | undefined;
  /** Runs `scanner:run` (the Run button is disabled meanwhile). */
  run(input: ScanRunInput): void;
  /** The schedules' finds (`scanner:results`), newest first, one per finding id. */
  feed: ScanResult[];
  /** Ids of the feed not yet seen: marked "new" in the tab, counted by the tab's badge while another tab shows. */
  newIds: ReadonlySet<string>;
}

export const ScannerSessionContext = createContext<ScannerSession | undefined>(undefined);
