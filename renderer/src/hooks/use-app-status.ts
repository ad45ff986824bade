import { useContext } from 'react';
import { AppStatusContext, type AppStatus } from '../state/app-status-context';

/** App info, health report and connection state, from the nearest <AppStatusProvider>. */
export function useAppStatus(): AppStatus {
  const status = useContext(AppStatusContext);
  if (!status) throw new Error('useAppStatus must be used inside <AppStatusProvider>');
  return status;
}
