import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../observability/logger';
import { isTrustedRendererUrl } from './navigation';
import { guardWebContents, type GuardableContents, type NavigationEventLike } from './web-contents-guard';

const INDEX = 'file:///app/out/renderer/index.html';

/** Records the listeners the guard installs, so a test can fire Electron's events at them. */
function fakeContents() {
  const listeners = new Map<string, (event: never) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: GuardableContents = {
    on(name: string, listener: (event: never) => void) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const navigate = (name: 'will-frame-navigate' | 'will-redirect', url: string, isMainFrame = true) => {
    const event: NavigationEventLike & { prevented: boolean } = {
      url,
      isMainFrame,
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    (listeners.get(name) as (event: NavigationEventLike) => void)(event);
    return event.prevented;
  };
  const attachWebview = () => {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    (listeners.get('will-attach-webview') as (event: { preventDefault(): void }) => void)(event);
    return event.prevented;
  };
  return { contents, navigate, attachWebview, open: (url: string) => openHandler!({ url }) };
}

function setup() {
  const fake = fakeContents();
  const openExternal = vi.fn(async (_url: string) => {});
  guardWebContents(fake.contents, { isTrustedUrl: (url) => isTrustedRendererUrl(url, INDEX), openExternal, logger: silentLogger });
  return { ...fake, openExternal };
}

describe('guardWebContents', () => {
  it('lets the renderer navigate within itself', () => {
    const { navigate, openExternal } = setup();
    expect(navigate('will-frame-navigate', `${INDEX}#/chart`)).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('keeps the window on our page and opens https links in the browser', () => {
    const { navigate, openExternal } = setup();
    expect(navigate('will-frame-navigate', 'https://example.com/news')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://example.com/news');
  });

  it('blocks other schemes, sub-frames and redirects away without opening anything', () => {
    const { navigate, openExternal } = setup();
    expect(navigate('will-frame-navigate', 'http://example.com/')).toBe(true);
    expect(navigate('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-frame-navigate', 'https://example.com/', false)).toBe(true);
    expect(navigate('will-redirect', 'http://evil.example/')).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('never opens a new window', () => {
    const { open, openExternal } = setup();
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('about:blank')).toEqual({ action: 'deny' });
    expect(open(INDEX)).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/']]);
  });

  it('refuses to attach a <webview>', () => {
    expect(setup().attachWebview()).toBe(true);
  });

  it('survives the system browser failing to open', async () => {
    const fake = fakeContents();
    const lines: string[] = [];
    const logger = { ...silentLogger, warn: (msg: string) => lines.push(msg) };
    guardWebContents(fake.contents, { isTrustedUrl: () => false, openExternal: () => Promise.reject(new Error('no browser')), logger });
    expect(fake.open('https://example.com/')).toEqual({ action: 'deny' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lines).toContain('could not open link in the browser');
  });
});
