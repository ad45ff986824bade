import { httpCoachApi, ipcCoachApi, type CoachApi, type CoachBridge } from '../../../shared/client';

declare global {
  interface Window {
    /** Set by the preload in the desktop app; absent in web mode. */
    coach?: CoachBridge;
  }
}

const TOKEN_KEY = 'titm.token';

/**
 * The API token of web mode arrives in the URL fragment (`#token=…`, never sent to a server); it is
 * kept for this tab's session and removed from the address bar so it does not end up in screenshots.
 */
export function takeTokenFromLocation(win: Window = window): string | undefined {
  const match = /(?:^#|&)token=([\w.~-]+)/.exec(win.location.hash);
  if (match) {
    win.sessionStorage.setItem(TOKEN_KEY, match[1]!);
    win.history.replaceState(null, '', win.location.pathname + win.location.search);
    return match[1];
  }
  return win.sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}

/** IPC through the preload in the desktop app, the local HTTP API otherwise. */
export function createCoachApi(win: Window = window, token = win.coach ? undefined : takeTokenFromLocation(win)): CoachApi {
  if (win.coach) return ipcCoachApi(win.coach);
  return httpCoachApi({ baseUrl: win.location.origin, token: token ?? '' });
}
