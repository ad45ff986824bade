import { useScannerSession } from '../../hooks/use-scanner-session';
import { useScreenshot } from '../../hooks/use-screenshot';
import { useUnreadCount } from '../../hooks/use-unread-count';
import { countNew } from '../../lib/scanner';
import { ALERTS_TAB_ID, SCANNER_TAB_ID } from '../../state/workspace-nav-context';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { panelDomId, resolveTab, tabDomId, TABS } from '../../tabs/registry';
import { DropZone } from '../screenshot/DropZone';
import { TabBar } from './TabBar';

interface CenterPanelProps {
  activeTabId: string | undefined;
  onSelectTab: (id: string) => void;
  hidden?: boolean;
}

/** The tools beside the chat: a tab bar over the active tab (and the drop zone while a file is dragged over the window). */
export function CenterPanel({ activeTabId, onSelectTab, hidden = false }: CenterPanelProps) {
  const active = resolveTab(activeTabId);
  const Active = active.component;
  const unread = useUnreadCount();
  const { feed, newIds } = useScannerSession();
  const { dragging } = useScreenshot();
  const badges = {
    [ALERTS_TAB_ID]: { count: unread, what: 'unread', tone: 'warn' as const },
    // The finds are marked seen once the tab closes; while it shows, they are marked in the tab itself.
    [SCANNER_TAB_ID]: { count: active.id === SCANNER_TAB_ID ? 0 : countNew(feed, newIds), what: 'new', tone: 'info' as const },
  };
  return (
    <section className="center-panel" aria-label="Tools" hidden={hidden}>
      <TabBar tabs={TABS} activeId={active.id} onSelect={onSelectTab} badges={badges} />
      <div role="tabpanel" id={panelDomId(active.id)} aria-labelledby={tabDomId(active.id)} className="tab-panel">
        {/* A tab that crashes leaves the chat and the other tabs working; keyed so a switch resets it. */}
        <ErrorBoundary key={active.id} area={`tab:${active.id}`}>
          <Active />
        </ErrorBoundary>
      </div>
      {dragging && <DropZone />}
    </section>
  );
}
