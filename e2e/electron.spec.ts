import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { CoachBridge } from '../shared/client';
import { ensureElectronSqliteBinding } from '../scripts/electron-sqlite.mjs';

/**
 * The desktop app itself, launched through Electron (after Actual Budget's desktop E2E): every
 * launch gets its own data folder, and the system browser is stubbed in the main process. Needs
 * the built app (`node scripts/build.mjs`, done by `npm run test:e2e`) and the Electron binary,
 * which cannot be downloaded everywhere: without it these tests skip and say why.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron binary's path, or undefined when the optional dependency is not installed. */
function electronBinary(): string | undefined {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const electronPath = electronBinary();
const skipReason = !electronPath
  ? 'Electron binary not installed (optional dependency; its download needs the internet) — the same specs run in web mode in Chromium'
  : process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
    ? 'No display for Electron (DISPLAY is not set) — run the tests under xvfb-run'
    : undefined;
if (skipReason) console.log(`[e2e/electron.spec.ts] skipped: ${skipReason}`);

const dataDirs: string[] = [];

function makeDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'titm-electron-e2e-'));
  dataDirs.push(dir);
  return dir;
}

async function launch(dataDir: string): Promise<ElectronApplication> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.ELECTRON_RUN_AS_NODE; // set by some editors' terminals; Electron would start as plain Node
  delete env.ELECTRON_RENDERER_URL; // always the built renderer, never a dev server
  // No executablePath: Playwright then finds the same binary itself and adds its test switches.
  return electron.launch({
    args: ['.'],
    cwd: root,
    env: {
      ...env,
      TITM_DATA_DIR: dataDir,
      NODE_ENV: 'test',
      TITM_LOG_LEVEL: 'debug',
      TITM_API_ENABLED: '0',
      // better-sqlite3 built for Electron's ABI, as `npm start` provides it.
      TITM_SQLITE_BINDING: ensureElectronSqliteBinding(),
    },
    timeout: 60_000,
  });
}

/** The main window once the renderer has loaded. */
async function mainWindow(app: ElectronApplication): Promise<Page> {
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return page;
}

/** Replaces `shell.openExternal` in the main process; returns a reader of the URLs it was given. */
async function stubSystemBrowser(app: ElectronApplication): Promise<() => Promise<string[]>> {
  await app.evaluate(({ shell }) => {
    const opened: string[] = [];
    (globalThis as { __opened?: string[] }).__opened = opened;
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
  return () => app.evaluate(() => [...((globalThis as { __opened?: string[] }).__opened ?? [])]);
}

test.describe('desktop app (Electron)', () => {
  test.skip(!!skipReason, skipReason);
  test.describe.configure({ timeout: 90_000 });

  let app: ElectronApplication | undefined;

  test.afterEach(async () => {
    await app?.close().catch(() => {});
    app = undefined;
  });

  test.afterAll(() => {
    for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('opens one visible window with the app layout, connected over IPC', async () => {
    const dataDir = makeDataDir();
    app = await launch(dataDir);
    const page = await app.firstWindow();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`); // CSP violations land here
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));

    await expect(page).toHaveTitle(/TITM AI Coach/);
    const chat = page.getByRole('region', { name: 'AI Coach' });
    await expect(chat.getByRole('heading', { name: 'AI Coach' })).toBeVisible();
    const statusBar = page.getByRole('contentinfo', { name: 'Status bar' });
    await expect(statusBar.getByRole('status', { name: 'Connection' })).toHaveText('Connected');
    await expect(statusBar.getByTitle(path.resolve(dataDir))).toBeVisible();

    const launched = app;
    await expect.poll(() => launched.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.isVisible()))).toEqual([true]);
    expect(errors).toEqual([]);
  });

  test('gives the page window.coach and nothing of Node', async () => {
    const dataDir = makeDataDir();
    app = await launch(dataDir);
    const page = await mainWindow(app);

    const info = await page.evaluate(() => (window as unknown as { coach: CoachBridge }).coach.call['app:info']({}));
    expect(info).toMatchObject({ ok: true, value: { name: 'TITM AI Coach', mode: 'electron', dataDir: path.resolve(dataDir) } });

    const exposed = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      const coach = scope.coach as Record<string, unknown>;
      return {
        require: typeof scope.require,
        process: typeof scope.process,
        module: typeof scope.module,
        Buffer: typeof scope.Buffer,
        coach: Object.keys(coach).sort(),
        ipcRenderer: typeof coach.ipcRenderer,
      };
    });
    expect(exposed).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', coach: ['call', 'on'], ipcRenderer: 'undefined' });

    // Invalid input is refused by the contract in the main process, not by the page.
    const bad = await page.evaluate(() => (window as unknown as { coach: CoachBridge }).coach.call['settings:set']({ key: 'ui.chatPanelWidth', value: -1 }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  test('keeps the window on the app and sends https links to the system browser', async () => {
    app = await launch(makeDataDir());
    const page = await mainWindow(app);
    const openedUrls = await stubSystemBrowser(app);
    const appUrl = page.url();

    expect(await page.evaluate(() => window.open('https://example.com/docs'))).toBeNull();
    expect(await page.evaluate(() => window.open('http://example.com/plain'))).toBeNull();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/away';
    });
    await expect.poll(openedUrls).toEqual(['https://example.com/docs', 'https://example.com/away']);
    expect(page.url()).toBe(appUrl);
    expect(app.windows()).toHaveLength(1);
  });

  test('reopens the window with the size it had when the app quit', async () => {
    const dataDir = makeDataDir();
    app = await launch(dataDir);
    await mainWindow(app);
    const before = await app.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows()[0]!;
      win.setBounds({ x: 40, y: 40, width: 900, height: 620 });
      return win.getBounds(); // what the window manager actually granted
    });
    await app.close(); // app.quit(): 'before-quit' saves the bounds, then stops the host
    app = await launch(dataDir);
    await mainWindow(app);
    const after = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds());
    expect({ width: after.width, height: after.height }).toEqual({ width: before.width, height: before.height });
  });
});
