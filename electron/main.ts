import path from 'node:path';
import { app, BrowserWindow, desktopCapturer, dialog, ipcMain, Menu, nativeImage, Notification, safeStorage, screen, session, shell, Tray, type MenuItemConstructorOptions } from 'electron';
import { APP_NAME, loadConfig } from './config';
import { forwardEvents, registerIpcHandlers, registerIpcStreams } from './contract/ipc';
import { createHost, type Host } from './host';
import { Monitoring, monitoringSettings } from './monitoring/monitoring';
import { forwardingLogger, type Logger } from './observability/logger';
import { appEnv } from './platform/app-env';
import { devServerUrlFrom, resolveAppPaths } from './platform/app-paths';
import { ElectronNotifier } from './platform/electron-notifier';
import { isTrustedRendererUrl, withContentSecurityPolicy } from './platform/navigation';
import { createQuitSequence } from './platform/quit-sequence';
import { safeStorageEncryptor } from './platform/safe-storage-encryptor';
import { ElectronScreenCapturer } from './platform/screen-capturer';
import { guardWebContents } from './platform/web-contents-guard';
import { MIN_WINDOW_SIZE, restoreWindowPlacement } from './platform/window-state';
import { createWindowStateSaver, readSavedWindowBounds, type WindowStateSaver } from './platform/window-state-store';
import { startApiServer, type ApiServer } from './server';
import { CONTENT_SECURITY_POLICY } from './server/static-files';

/**
 * The Electron shell: one window on the host's services, a tray icon, and a clean shutdown. All
 * the app's logic lives in the host (plain Node); decisions worth testing live in ./platform/.
 */

/** What the configuration is read from; an installed app always runs as a production build. */
const env = appEnv(process.env, app.isPackaged);

/**
 * Error monitoring first of all: Electron's Sentry SDK must be initialised before the app is ready
 * (it registers its IPC and protocol for the renderers). Loaded only with a DSN, so a run without
 * one never touches the SDK. A bad configuration is reported later, by the host, in a dialog.
 */
async function startMonitoring(): Promise<Monitoring | undefined> {
  try {
    const config = loadConfig(env, app.getPath('userData'));
    if (!config.SENTRY_DSN) return undefined;
    const { electronSentrySdk } = await import('./platform/sentry-main');
    return new Monitoring(electronSentrySdk, monitoringSettings(config, app.getVersion(), env));
  } catch (error) {
    process.stderr.write(`error monitoring not started: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}
const monitoring = await startMonitoring();

const BACKGROUND_COLOR = '#0a0d12'; // the renderer's --bg-0, so no white flash before first paint
const paths = resolveAppPaths(import.meta.url);
const devServerUrl = devServerUrlFrom(process.env, app.isPackaged);
const isTrustedUrl = (url: string) => isTrustedRendererUrl(url, paths.rendererIndexUrl, devServerUrl);

let host: Host | undefined;
let server: ApiServer | undefined;
let mainWindow: BrowserWindow | undefined;
/** Set while the window is being built (it awaits the saved bounds), so 'activate' cannot open a second. */
let windowOpening: Promise<void> | undefined;
let windowSaver: WindowStateSaver | undefined;
let tray: Tray | undefined;

/** The host's logger once there is one (stderr until then); for listeners installed before the host is built. */
const log: Logger = forwardingLogger(() => host?.logger);

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function showMainWindow(): void {
  if (!mainWindow) {
    if (host && !windowOpening && !quit.quitting) void openMainWindowOnce(host);
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function openMainWindowOnce(h: Host): Promise<void> {
  windowOpening ??= openMainWindow(h).finally(() => {
    windowOpening = undefined;
  });
  return windowOpening;
}

async function openMainWindow(h: Host): Promise<void> {
  const { logger, dispatch } = h;
  const saved = await readSavedWindowBounds(dispatch, logger);
  const placement = restoreWindowPlacement(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const win = new BrowserWindow({
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: APP_NAME,
    backgroundColor: BACKGROUND_COLOR,
    // macOS takes the icon from the app bundle; elsewhere an unpackaged run would show Electron's.
    icon: process.platform === 'darwin' ? undefined : nativeImage.createFromPath(paths.icon),
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      preload: paths.preload,
    },
  });
  mainWindow = win;

  const saver = createWindowStateSaver({ window: win, dispatch, logger, initial: saved });
  windowSaver = saver;
  const remember = () => saver.schedule();
  win.on('move', remember);
  win.on('resize', remember);
  win.on('maximize', remember);
  win.on('unmaximize', remember);
  win.on('close', () => void saver.flush());

  const stopForwarding = forwardEvents(h.events, (channel, payload) => {
    if (!win.isDestroyed()) win.webContents.send(channel, payload);
  });
  win.on('closed', () => {
    stopForwarding();
    saver.dispose();
    if (mainWindow === win) mainWindow = undefined;
    if (windowSaver === saver) windowSaver = undefined;
  });

  win.once('ready-to-show', () => {
    // maximize() before show() would show the window early (and unpainted) on Windows and Linux.
    if (placement.maximized) win.maximize();
    win.show();
  });
  watchRenderer(win, logger);

  try {
    if (devServerUrl) await win.loadURL(devServerUrl);
    else await win.loadFile(paths.rendererIndex);
  } catch (error) {
    logger.error('renderer failed to load', { error, file: paths.rendererIndex, devServerUrl });
    if (!win.isDestroyed()) win.show(); // a blank window the user can close beats an invisible process
  }
}

/** A crashed renderer or a failing preload leaves no trace in the main log unless we write one. */
function watchRenderer(win: BrowserWindow, logger: Logger): void {
  const contents = win.webContents;
  contents.on('preload-error', (_event, preloadPath, error) => logger.error('preload failed', { preloadPath, error }));
  contents.on('render-process-gone', (_event, details) => logger.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode }));
  win.on('unresponsive', () => logger.warn('window unresponsive'));
  win.on('responsive', () => logger.info('window responsive again'));
}

/** Deny-by-default for every page of the default session (after Electron's security checklist). */
function hardenSession(logger: Logger): void {
  const ses = session.defaultSession;
  // The UI needs no browser permission: notifications, screen capture and files go through main.
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('permission request denied', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  // The meta tag in index.html covers file:// loads; the header also covers anything served over
  // http(s). Not with the Vite dev server, whose HMR preamble is an inline script.
  if (!devServerUrl) {
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, CONTENT_SECURITY_POLICY) });
    });
  }
}

/** macOS keeps its conventional menus (they carry copy/paste shortcuts); Windows and Linux need none. */
function installApplicationMenu(): void {
  const devTools: MenuItemConstructorOptions[] = app.isPackaged ? [] : [{ role: 'viewMenu' }];
  if (process.platform === 'darwin') {
    Menu.setApplicationMenu(Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, ...devTools, { role: 'windowMenu' }]));
  } else {
    Menu.setApplicationMenu(devTools.length ? Menu.buildFromTemplate(devTools) : null);
  }
}

function createTray(logger: Logger): void {
  try {
    tray = new Tray(nativeImage.createFromPath(paths.icon).resize({ width: 16, height: 16, quality: 'best' }));
    tray.setToolTip(APP_NAME);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open', click: showMainWindow },
        { type: 'separator' },
        { label: 'Quit', click: () => app.quit() },
      ]),
    );
    tray.on('click', showMainWindow);
  } catch (error) {
    // Some Linux desktops have no status area; the app works without its tray icon.
    logger.warn('tray icon unavailable', { error });
  }
}

/** The local HTTP API beside the window, when TITM_API_ENABLED is set (scripts, a browser tab). */
async function startOptionalApi(h: Host): Promise<void> {
  const { config, logger } = h;
  if (!config.TITM_API_ENABLED) return;
  try {
    server = await startApiServer({
      host: config.TITM_HOST,
      port: config.TITM_PORT,
      token: config.TITM_TOKEN,
      dispatch: h.dispatch,
      streams: h.streams,
      events: h.events,
      health: h.health,
      monitoring: h.monitoring,
      logger,
      staticDir: paths.rendererDir,
      rateLimit: { perSecond: config.TITM_RATE_LIMIT_PER_SEC, burst: config.TITM_RATE_LIMIT_BURST },
    });
    // The token goes to stdout only (for whoever started the app), never into the log files.
    process.stdout.write(`TITM AI Coach local API: ${server.url}/#token=${server.token}\n`);
  } catch (error) {
    logger.error('local API not started; the desktop app runs without it', { error });
  }
}

const quit = createQuitSequence({
  logger: log,
  steps: [
    {
      name: 'save window bounds',
      run: async () => {
        await windowSaver?.flush();
        windowSaver?.dispose();
      },
    },
    { name: 'close local API', run: () => server?.close() },
    { name: 'stop host', run: () => host?.stop() },
    { name: 'remove tray icon', run: () => tray?.destroy() },
  ],
  exit: (code) => app.exit(code),
});

async function start(): Promise<void> {
  await app.whenReady();
  try {
    host = createHost({
      mode: 'electron',
      version: app.getVersion(),
      env,
      fallbackDataDir: app.getPath('userData'),
      // Saved service keys are encrypted with the OS keychain where one is available.
      encryptor: safeStorageEncryptor(safeStorage),
      monitoring,
      // A click on an alert's popup brings the window to the front; the renderer then opens the alert.
      notifier: new ElectronNotifier({ Notification, focusApp: showMainWindow, logger: log, icon: process.platform === 'darwin' ? undefined : paths.icon }),
      // Broker screenshots captured by the app itself (the renderer shows a picker of these sources).
      capturer: new ElectronScreenCapturer({ desktopCapturer, screen }),
    });
  } catch (error) {
    // Typically a bad config.json: say so plainly instead of dying silently.
    dialog.showErrorBox(`${APP_NAME} could not start`, errorMessage(error));
    app.exit(1);
    return;
  }
  const h = host;
  const { logger } = h;
  app.on('child-process-gone', (_event, details) => logger.error('a child process is gone', { type: details.type, reason: details.reason }));

  hardenSession(logger);
  registerIpcHandlers(ipcMain, h.dispatch, { isTrustedUrl, logger });
  registerIpcStreams(ipcMain, h.streams, h.streamRegistry, { isTrustedUrl, logger });
  h.start();
  await startOptionalApi(h);
  installApplicationMenu();
  await openMainWindowOnce(h);
  createTray(logger);
  logger.info('desktop shell ready', { devServer: devServerUrl ?? null, packaged: app.isPackaged });
}

// Each data folder is its own profile: TITM_DATA_DIR moves Chromium's files and the single-instance
// lock along with the SQLite file, so separate data folders (E2E tests) can run side by side while
// two windows on one database cannot.
if (process.env.TITM_DATA_DIR) app.setPath('userData', path.resolve(process.env.TITM_DATA_DIR));
// Every renderer sandboxed, including any created later by a dependency.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns this data folder; it has been told to come to the front.
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, {
      isTrustedUrl,
      openExternal: (url) => shell.openExternal(url),
      logger: log,
    });
  });
  app.on('before-quit', (event) => quit.onBeforeQuit(event));
  // Logged instead of Electron's default error dialog; the app keeps running.
  process.on('uncaughtException', (error) => log.error('uncaught exception', { error }));
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', { error: reason }));
  // Closing the window quits on Windows and Linux; macOS apps stay in the Dock until Cmd+Q.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showMainWindow();
  });
  start().catch(async (error: unknown) => {
    log.error('desktop shell failed to start', { error });
    dialog.showErrorBox(`${APP_NAME} could not start`, errorMessage(error));
    await host?.stop().catch(() => {});
    app.exit(1);
  });
}
