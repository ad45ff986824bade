/**
 * Which URLs count as our own renderer, and what happens when a page tries to go anywhere else.
 * Pure functions of plain strings: the Electron wiring lives in web-contents-guard.ts.
 */

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Paths compared decoded (Chromium and pathToFileURL may escape differently), drive letters case-blind. */
function comparableFilePath(url: URL): string {
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    pathname = url.pathname;
  }
  return /^\/[A-Za-z]:\//.test(pathname) ? pathname[1]!.toLowerCase() + pathname.slice(2) : pathname;
}

/**
 * True for the URL of our own renderer: the built `index.html` (any hash or query, which the app
 * uses for its own state) or, in development, a page of the Vite dev server's origin.
 */
export function isTrustedRendererUrl(url: string, rendererIndexFileUrl: string, devServerUrl?: string): boolean {
  const candidate = parse(url);
  if (!candidate) return false;
  if (candidate.protocol === 'file:') {
    const index = parse(rendererIndexFileUrl);
    return !!index && index.protocol === 'file:' && candidate.host === index.host && comparableFilePath(candidate) === comparableFilePath(index);
  }
  if (!devServerUrl) return false;
  const dev = parse(devServerUrl);
  return !!dev && (dev.protocol === 'http:' || dev.protocol === 'https:') && candidate.origin === dev.origin;
}

/**
 * The URL to hand to the system browser, or undefined: https only (no http, mailto, file, custom
 * schemes that launch other programs), and no user:password@ part that could disguise the host.
 */
export function externalUrlToOpen(url: string): string | undefined {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:' || !parsed.hostname) return undefined;
  if (parsed.username || parsed.password) return undefined;
  return parsed.href;
}

export type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternal?: string };

/**
 * A frame wants to navigate (link click, `location = …`). Our renderer may reload itself; a link
 * elsewhere clicked in the main frame opens in the system browser when it is https; everything
 * else (sub-frames, other schemes) is refused.
 */
export function decideNavigation(url: string, options: { isTrusted: (url: string) => boolean; isMainFrame: boolean }): NavigationDecision {
  if (options.isTrusted(url)) return { action: 'allow' };
  const external = options.isMainFrame ? externalUrlToOpen(url) : undefined;
  return external ? { action: 'deny', openExternal: external } : { action: 'deny' };
}

/** `window.open` / target=_blank: never a new Electron window; https goes to the system browser. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternal?: string } {
  const external = externalUrlToOpen(url);
  return external ? { action: 'deny', openExternal: external } : { action: 'deny' };
}

/**
 * Response headers with our Content-Security-Policy, replacing any the response carried (whatever
 * its letter case), so a page cannot loosen it.
 */
export function withContentSecurityPolicy(headers: Record<string, string[] | string> | undefined, policy: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}
