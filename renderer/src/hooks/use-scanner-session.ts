import { useContext } from 'react';
import { ScannerSessionContext, type ScannerSession } from '../state/scanner-session-context';

/** The Scanner tab's lasting state from the nearest <ScannerSessionProvider>. */
export function useScannerSession(): ScannerSession {
  const session = useContext(ScannerSessionContext);
  if (!session) throw new Error('useScannerSession must be used inside <ScannerSessionProvider>');
  return session;
}
