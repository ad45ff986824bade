import type { Logger } from '../observability/logger';
import { decideNavigation, decideWindowOpen } from './navigation';

/** What Electron passes to 'will-frame-navigate' and 'will-redirect' listeners. */
export interface NavigationEventLike {
  url: string;
  isMainFrame: boolean;
  preventDefault(): void;
}

/** The part of Electron's `WebContents` the guard uses (a fake stands in for it in tests). */
export interface GuardableContents {
  on(event: 'will-frame-navigate' | 'will-redirect', listener: (event: NavigationEventLike) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardOptions {
  isTrustedUrl(url: string): boolean;
  /** `shell.openExternal`; only ever given https URLs. */
  openExternal(url: string): Promise<void>;
  logger: Logger;
}

/**
 * Locks down any web contents the app creates (after Electron's security checklist): no navigation
 * away from our renderer in any frame, no new windows, no <webview>. Links to https pages open in
 * the system browser instead. Installed from 'web-contents-created' so nothing escapes it.
 */
export function guardWebContents(contents: GuardableContents, options: GuardOptions): void {
  const open = (url: string) => {
    options.openExternal(url).catch((error: unknown) => options.logger.warn('could not open link in the browser', { url, error }));
  };
  const onNavigate = (event: NavigationEventLike) => {
    const decision = decideNavigation(event.url, { isTrusted: options.isTrustedUrl, isMainFrame: event.isMainFrame });
    if (decision.action === 'allow') return;
    event.preventDefault();
    if (decision.openExternal) open(decision.openExternal);
    else options.logger.warn('navigation blocked', { url: event.url, mainFrame: event.isMainFrame });
  };
  contents.on('will-frame-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.logger.warn('webview blocked');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternal) open(decision.openExternal);
    else options.logger.warn('new window blocked', { url });
    return { action: 'deny' };
  });
}
