import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AlertPrefill } from '../../lib/alert-draft';
import { ALERTS_TAB_ID, SCANNER_TAB_ID, WorkspaceNavContext, type AlertsRequest, type CoachPrompt, type PositionsHandoff } from '../../state/workspace-nav-context';

interface WorkspaceNavProviderProps {
  onSelectTab: (id: string) => void;
  /** Brings the chat panel forward (on a narrow window only one panel shows). */
  onShowChat: () => void;
  children: ReactNode;
}

/**
 * Holds what one tab asks another to show (the chart's "Alert at…", a toast's alert) and switches
 * tabs through `onSelectTab` (the 'ui.activeTab' setting), so the request survives the switch; and
 * the prompt a tab hands the chat ("Ask the coach") or confirmed screenshot positions, until the
 * chat panel takes them.
 */
export function WorkspaceNavProvider({ onSelectTab, onShowChat, children }: WorkspaceNavProviderProps) {
  const [alertsRequest, setAlertsRequest] = useState<AlertsRequest>();
  const [pendingCoachPrompt, setPendingCoachPrompt] = useState<CoachPrompt>();
  const seq = useRef(0);

  const showAlert = useCallback(
    (alertId: string | null) => {
      setAlertsRequest({ kind: 'show', alertId, seq: ++seq.current });
      onSelectTab(ALERTS_TAB_ID);
    },
    [onSelectTab],
  );
  const draftAlert = useCallback(
    (prefill: AlertPrefill) => {
      setAlertsRequest({ kind: 'draft', prefill, seq: ++seq.current });
      onSelectTab(ALERTS_TAB_ID);
    },
    [onSelectTab],
  );
  const showScanner = useCallback(() => onSelectTab(SCANNER_TAB_ID), [onSelectTab]);
  // Only the request it took: a newer one that arrived meanwhile stays pending.
  const settleAlertsRequest = useCallback((done: number) => setAlertsRequest((pending) => (pending?.seq === done ? undefined : pending)), []);

  const askCoach = useCallback(
    (text: string) => {
      setPendingCoachPrompt({ text, seq: ++seq.current });
      onShowChat();
    },
    [onShowChat],
  );
  const settleCoachPrompt = useCallback((done: number) => setPendingCoachPrompt((pending) => (pending?.seq === done ? undefined : pending)), []);

  const [pendingPositions, setPendingPositions] = useState<PositionsHandoff>();
  const analysePositions = useCallback(
    (request: PositionsHandoff['request']) => {
      setPendingPositions({ request, seq: ++seq.current });
      onShowChat();
    },
    [onShowChat],
  );
  const settlePositions = useCallback((done: number) => setPendingPositions((pending) => (pending?.seq === done ? undefined : pending)), []);

  const value = useMemo(
    () => ({ showAlert, draftAlert, showScanner, alertsRequest, settleAlertsRequest, askCoach, pendingCoachPrompt, settleCoachPrompt, analysePositions, pendingPositions, settlePositions }),
    [showAlert, draftAlert, showScanner, alertsRequest, settleAlertsRequest, askCoach, pendingCoachPrompt, settleCoachPrompt, analysePositions, pendingPositions, settlePositions],
  );
  return <WorkspaceNavContext.Provider value={value}>{children}</WorkspaceNavContext.Provider>;
}
