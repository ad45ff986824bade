import { useCallback, useState } from 'react';
import { CHAT_PANEL_WIDTH } from '../../../../shared/schemas/settings';
import type { SettingsState } from '../../hooks/use-settings';
import { useWindowWidth } from '../../hooks/use-window-width';
import { SCANNER_TAB_ID } from '../../state/workspace-nav-context';
import { resolveTab } from '../../tabs/registry';
import { AlertToasts } from '../alerts/AlertToasts';
import { ChatPanel } from '../chat/ChatPanel';
import { ScannerSessionProvider } from '../providers/ScannerSessionProvider';
import { ScreenshotProvider } from '../providers/ScreenshotProvider';
import { WorkspaceNavProvider } from '../providers/WorkspaceNavProvider';
import { StatusBar } from '../status/StatusBar';
import { CenterPanel } from '../workspace/CenterPanel';
import { PanelToggle, type NarrowPanel } from './PanelToggle';
import { Splitter } from './Splitter';

const { min: CHAT_MIN, max: CHAT_MAX, default: CHAT_DEFAULT } = CHAT_PANEL_WIDTH;
/** The room the tools always keep beside the chat. */
const TOOLS_MIN = 420;
const CHAT_PANEL_ID = 'chat-panel';

/** Below 768 px the panels no longer fit side by side; `.shell-narrow` carries the CSS for it. */
const NARROW_BELOW = 768;

/** The app's layout: chat beside the tools (or one at a time on narrow windows) over the status bar. */
export function Shell({ settings }: { settings: SettingsState }) {
  const windowWidth = useWindowWidth();
  const narrow = windowWidth < NARROW_BELOW;
  const [shown, setShown] = useState<NarrowPanel>('chat');
  // The width while a drag is in progress; the stored setting takes over once it is committed.
  const [liveWidth, setLiveWidth] = useState<number>();

  const { save } = settings;
  const maxWidth = Math.max(CHAT_MIN, Math.min(CHAT_MAX, windowWidth - TOOLS_MIN));
  const chatWidth = Math.min(maxWidth, Math.max(CHAT_MIN, liveWidth ?? settings.settings?.['ui.chatPanelWidth'] ?? CHAT_DEFAULT));

  // Also brings the tools forward on a narrow window (a toast opening the Alerts tab from the chat).
  const selectTab = useCallback(
    (id: string) => {
      save('ui.activeTab', id);
      setShown('tools');
    },
    [save],
  );

  const activeTabId = settings.settings?.['ui.activeTab'];
  const scannerOpen = resolveTab(activeTabId).id === SCANNER_TAB_ID && !(narrow && shown !== 'tools');
  const showChat = useCallback(() => setShown('chat'), []);
  const changeSession = useCallback((id: string | null) => save('chat.activeSessionId', id), [save]);

  const commitWidth = (width: number) => {
    save('ui.chatPanelWidth', width);
    setLiveWidth(undefined);
  };

  return (
    <WorkspaceNavProvider onSelectTab={selectTab} onShowChat={showChat}>
      <ScannerSessionProvider open={scannerOpen}>
        <ScreenshotProvider>
          <div className={narrow ? 'shell shell-narrow' : 'shell'}>
            <h1 className="visually-hidden">TITM AI Coach</h1>
            {narrow && <PanelToggle value={shown} onChange={setShown} />}
            <main className="workspace">
              <ChatPanel
                id={CHAT_PANEL_ID}
                width={narrow ? undefined : chatWidth}
                hidden={narrow && shown !== 'chat'}
                sessionId={settings.settings?.['chat.activeSessionId'] ?? null}
                onSessionChange={changeSession}
              />
              {!narrow && (
                <Splitter
                  value={chatWidth}
                  min={CHAT_MIN}
                  max={maxWidth}
                  defaultValue={CHAT_DEFAULT}
                  label="Resize chat panel"
                  controls={CHAT_PANEL_ID}
                  onChange={setLiveWidth}
                  onCommit={commitWidth}
                />
              )}
              <CenterPanel activeTabId={activeTabId} onSelectTab={selectTab} hidden={narrow && shown !== 'tools'} />
            </main>
            <StatusBar saveError={settings.saveError} onDismissSaveError={settings.dismissSaveError} />
            <AlertToasts />
          </div>
        </ScreenshotProvider>
      </ScannerSessionProvider>
    </WorkspaceNavProvider>
  );
}
