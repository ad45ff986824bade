import { createContext } from 'react';
import type { ConnectionState } from '../../../shared/client';
import type { AppInfo, HealthReport } from '../../../shared/schemas/app';
import type { CallState } from '../hooks/use-call';

/** What several parts of the shell show at once (status bar, System tab): one fetch, one truth. */
export interface AppStatus {
  info: CallState<AppInfo>;
  health: CallState<HealthReport>;
  connection: ConnectionState;
}

export const AppStatusContext = createContext<AppStatus | undefined>(undefined);
