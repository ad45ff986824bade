import { useContext } from 'react';
import { WorkspaceNavContext, type WorkspaceNav } from '../state/workspace-nav-context';

/** Cross-tab navigation from the nearest <WorkspaceNavProvider>. */
export function useWorkspaceNav(): WorkspaceNav {
  const nav = useContext(WorkspaceNavContext);
  if (!nav) throw new Error('useWorkspaceNav must be used inside <WorkspaceNavProvider>');
  return nav;
}
