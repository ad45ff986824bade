import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, STREAM_NAMES } from '../../shared/contract';
import { createHost } from '../host';
import { CONTENT_SECURITY_POLICY } from '../server/static-files';
import { makeTempDir } from '../testing/test-host';
import { BrowserWindow, FakeEvent, Notification, Tray, app, ipcMain, recorded, session } from './fake-electron';

// electron/main.ts with Electron replaced by a test double: the shell's wiring end to end, on a
// real host and SQLite file. (The real binary is exercised by e2e/electron.spec.ts where installed.)
vi.mock('electron', () => import('./fake-electron'));

// main.ts finds its files beside its bundle (out/main/main.mjs → out/); run from electron/main.ts
// here, "beside" is the repository root.
const outDir = path.resolve(import.meta.dirname, '..', '..');
const rendererIndex = path.join(outDir, 'renderer', 'index.html');
const trustedFrame = { url: pathToFileURL(rendererIndex).href, parent: null };
let dataDir: string;

function readBoundsFromDisk(dir: string) {
  const host = createHost({ mode: 'web', version: 'test', env: { TITM_DATA_DIR: dir }, logSink: () => {} });
  return host.dispatch('settings:list', {}).finally(() => host.stop());
}

function invoke(channel: string, input: unknown, frame: { url: string; parent: unknown } = trustedFrame) {
  return ipcMain.handlers.get(channel)!({ senderFrame: frame }, input);
}

beforeAll(async () => {
  dataDir = makeTempDir('titm-shell-');
  // A window saved on a display that is gone: it must come back centered, keeping its size.
  const seed = createHost({ mode: 'web', version: 'test', env: { TITM_DATA_DIR: dataDir }, logSink: () => {} });
  await seed.dispatch('settings:set', { key: 'window.bounds', value: { x: 5000, y: 100, width: 1000, height: 700, maximized: false } });
  await seed.stop();

  vi.stubEnv('TITM_DATA_DIR', dataDir);
  vi.stubEnv('NODE_ENV', 'test');
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  // The alert worker at a fixed short interval, market open or not, so an alert can fire here.
  vi.stubEnv('ALERT_TICK_MS', '100');
  await import('../main');
  await vi.waitFor(() => expect(Tray.created).toHaveLength(1), { timeout: 5_000 });
  await vi.waitFor(() => expect(BrowserWindow.created[0]?.visible).toBe(true));
});

afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('electron/main.ts', () => {
  it('keeps its profile in the data folder and sandboxes every renderer', () => {
    expect(app.getPath('userData')).toBe(path.resolve(dataDir));
    expect(app.sandboxEnabled).toBe(true);
  });

  it('opens one locked-down window on the built renderer, where it was left', () => {
    expect(BrowserWindow.created).toHaveLength(1);
    const win = BrowserWindow.created[0]!;
    expect(win.options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      preload: path.join(outDir, 'preload', 'preload.cjs'),
    });
    expect(win.options).toMatchObject({ show: false, backgroundColor: '#0a0d12', minWidth: 800, minHeight: 560 });
    expect(win.loaded).toBe(rendererIndex);
    expect(win.bounds).toEqual({ x: 460, y: 170, width: 1000, height: 700 });
  });

  it('answers every contract call and stream over IPC, for our page only', async () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CALL_NAMES, ...STREAM_NAMES].sort());
    expect(await invoke('app:info', {})).toMatchObject({ ok: true, value: { mode: 'electron', version: '9.9.9-fake', dataDir: path.resolve(dataDir) } });
    expect(await invoke('app:info', {}, { url: 'https://evil.example/', parent: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('app:info', {}, { ...trustedFrame, parent: {} })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('sends contract events to the window', async () => {
    await invoke('settings:set', { key: 'ui.activeTab', value: 'journal' });
    expect(BrowserWindow.created[0]!.webContents.sent).toContainEqual({ channel: 'settings:changed', payload: { key: 'ui.activeTab', value: 'journal' } });
  });

  it('encrypts saved service keys with safeStorage', async () => {
    expect(await invoke('keys:set', { name: 'OPENAI_API_KEY', value: 'sk-desktop-secret-1234' })).toEqual({
      ok: true,
      value: { name: 'OPENAI_API_KEY', source: 'saved', last4: '1234', updatedAt: expect.any(String) },
    });
    expect(await invoke('keys:list', {})).toMatchObject({ ok: true, value: { storage: 'encrypted' } });
    const file = fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8');
    expect(file).not.toContain('sk-desktop-secret-1234');
    expect(file).toContain('"encrypted": true');
  });

  it('denies every permission and puts the CSP on responses', () => {
    const ses = session.defaultSession;
    const granted: boolean[] = [];
    (ses.permissionRequestHandler as (c: unknown, p: string, cb: (ok: boolean) => void) => void)({}, 'media', (ok) => granted.push(ok));
    expect(granted).toEqual([false]);
    expect((ses.permissionCheckHandler as () => boolean)()).toBe(false);
    let response: { responseHeaders?: Record<string, string[]> } = {};
    (ses.headersReceived as (d: unknown, cb: (r: typeof response) => void) => void)({ responseHeaders: { 'Content-Security-Policy': ['default-src *'] } }, (r) => (response = r));
    expect(response.responseHeaders).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('guards the window: no new windows, no navigation away, https to the browser', () => {
    const contents = BrowserWindow.created[0]!.webContents;
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const away = new FakeEvent({ url: 'https://example.com/away', isMainFrame: true });
    contents.emit('will-frame-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const webview = new FakeEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
    expect(recorded.openedExternal).toEqual(['https://example.com/', 'https://example.com/away']);
  });

  it('has no menu bar on Windows/Linux and a tray menu with Open and Quit', () => {
    if (process.platform !== 'darwin') expect(recorded.applicationMenus.at(-1)).toMatchObject({ items: [{ role: 'viewMenu' }] }); // unpackaged: dev tools
    const tray = Tray.created[0]!;
    expect(tray.tooltip).toBe('TITM AI Coach');
    expect(tray.image).toMatchObject({ path: expect.stringMatching(/resources[/\\]icon\.png$/), size: { width: 16, height: 16 } });
    expect(tray.menu!.items.filter((i) => i.label).map((i) => i.label)).toEqual(['Open', 'Quit']);
    const win = BrowserWindow.created[0]!;
    win.visible = false;
    tray.menu!.items.find((i) => i.label === 'Open')!.click!();
    expect(win.visible).toBe(true);
  });

  it("pops up an alert that fires as an OS notification; its click brings the window forward and tells the page", async () => {
    const quote = (await invoke('market:quote', { symbol: 'SPY' })) as { value: { last: number } };
    // At or below a price 1 % above the last print: true at the worker's next tick.
    const target = Math.ceil(quote.value.last * 101) / 100;
    const created = (await invoke('alerts:create', { symbol: 'SPY', condition: 'below', targetPrice: target })) as { ok: boolean; value: { id: string } };
    expect(created.ok).toBe(true);
    await vi.waitFor(() => expect(Notification.created).toHaveLength(1), { timeout: 5_000 });
    const popup = Notification.created[0]!;
    expect(popup.options.title).toBe(`SPY below ${target.toFixed(2)}`);
    expect(popup.shown).toBe(true);

    const win = BrowserWindow.created[0]!;
    win.visible = false;
    popup.click();
    expect(win.visible).toBe(true);
    expect(win.webContents.sent).toContainEqual({ channel: 'notifications:clicked', payload: { notificationId: expect.any(String), alertId: created.value.id, type: 'alert_triggered' } });
  });

  it('remembers the window and shuts the host down before exiting on Quit', async () => {
    const win = BrowserWindow.created[0]!;
    win.setBounds({ x: 100, y: 80, width: 1200, height: 760 });
    Tray.created[0]!.menu!.items.find((i) => i.label === 'Quit')!.click!();
    app.quit(); // a second request while shutting down is absorbed
    await vi.waitFor(() => expect(recorded.exitCodes).toEqual([0]));
    expect(Tray.created[0]!.destroyed).toBe(true);
    expect(recorded.errorBoxes).toEqual([]);
    // The database was closed (the file opens again) with the last bounds in it, saved without waiting for the debounce.
    expect(await readBoundsFromDisk(dataDir)).toMatchObject({ ok: true, value: { 'window.bounds': { x: 100, y: 80, width: 1200, height: 760, maximized: false } } });
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('desktop shell ready');
    expect(log).toContain('host stopped');
  });
});
