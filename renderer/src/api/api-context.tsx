import { createContext, useContext, type ReactNode } from 'react';
import type { CoachApi } from '../../../shared/client';

const ApiContext = createContext<CoachApi | undefined>(undefined);

export function ApiProvider({ api, children }: { api: CoachApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useCoachApi(): CoachApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useCoachApi must be used inside <ApiProvider>');
  return api;
}
