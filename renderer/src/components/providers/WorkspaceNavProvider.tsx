import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AlertPrefill } from '../../lib/alert-draft';
import { ALERTS_TAB_ID, WorkspaceNavContext, type AlertsRequest } from '../../state/workspace-nav-context';

/**
 * Holds what one tab asks another to show (the chart's "Alert at…", a toast's alert) and switches
 * tabs through `onSelectTab` (the 'ui.activeTab' setting), so the request survives the switch.
 */
export function WorkspaceNavProvider({ onSelectTab, children }: { onSelectTab: (id: string) => void; children: ReactNode }) {
  const [alertsRequest, setAlertsRequest] = useState<AlertsRequest>();
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
  // Only the request it took: a newer one that arrived meanwhile stays pending.
  const settleAlertsRequest = useCallback((done: number) => setAlertsRequest((pending) => (pending?.seq === done ? undefined : pending)), []);

  const value = useMemo(() => ({ showAlert, draftAlert, alertsRequest, settleAlertsRequest }), [showAlert, draftAlert, alertsRequest, settleAlertsRequest]);
  return <WorkspaceNavContext.Provider value={value}>{children}</WorkspaceNavContext.Provider>;
}
