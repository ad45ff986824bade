import { createContext } from 'react';
import type { ScreenshotContextInput } from '../../../shared/schemas/screenshot';
import type { AlertPrefill } from '../lib/alert-draft';

/** The Alerts tab's id in the tab registry (and the 'ui.activeTab' setting). */
export const ALERTS_TAB_ID = 'alerts';
/** The Scanner tab's id (scanner notifications and toasts open it). */
export const SCANNER_TAB_ID = 'scanner';

/**
 * What the Alerts tab is asked to do when it opens: show one alert (from a toast or a native
 * popup; null when the alert was deleted) or start a new alert prefilled (from the chart).
 * `seq` tells two identical requests apart, so a second click on the same toast still scrolls.
 */
export type AlertsRequest = { kind: 'show'; alertId: string | null; seq: number } | { kind: 'draft'; prefill: AlertPrefill; seq: number };

/** A prompt for the coach, waiting for the chat panel; `seq` tells two identical prompts apart. */
export interface CoachPrompt {
  text: string;
  seq: number;
}

/** Confirmed screenshot positions waiting for the chat panel, which hands them to the coach in its open session. */
export interface PositionsHandoff {
  request: Omit<ScreenshotContextInput, 'sessionId'>;
  seq: number;
}

/** Moving between tabs with something to show there, without a global variable. */
export interface WorkspaceNav {
  /** Opens the Alerts tab on this alert: highlighted and scrolled into view. */
  showAlert(alertId: string | null): void;
  /** Opens the Alerts tab with the new-alert form filled in. */
  draftAlert(prefill: AlertPrefill): void;
  /** Opens the Scanner tab (a scan schedule's notification or toast). */
  showScanner(): void;
  /** The Alerts tab's pending request, until it calls `settleAlertsRequest(seq)`. */
  alertsRequest: AlertsRequest | undefined;
  settleAlertsRequest(seq: number): void;
  /**
   * Hands a prompt to the chat ("Ask the coach" on a scanner result) and brings the chat forward on
   * a narrow window. The text waits in `pendingCoachPrompt` until the chat panel takes it (puts it
   * in its composer or sends it) and calls `settleCoachPrompt(seq)`; a newer prompt replaces it.
   */
  askCoach(text: string): void;
  pendingCoachPrompt: CoachPrompt | undefined;
  settleCoachPrompt(seq: number): void;
  /**
   * Hands confirmed screenshot positions to the chat (brought forward and focused): they wait in
   * `pendingPositions` until the chat panel starts their analysis and calls `settlePositions(seq)`.
   */
  analysePositions(request: PositionsHandoff['request']): void;
  pendingPositions: PositionsHandoff | undefined;
  settlePositions(seq: number): void;
}

export const WorkspaceNavContext = createContext<WorkspaceNav | undefined>(undefined);
