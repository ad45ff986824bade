import { EventEmitter } from 'node:events';

/**
 * A test double of the parts of the `electron` module that electron/main.ts uses, so the shell's
 * wiring (startup order, window options, IPC, guards, tray, quit) runs under vitest in plain Node,
 * where the Electron binary is not installed. Used with `vi.mock('electron', ...)`.
 */

type Handler = (...args: never[]) => unknown;

export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const recorded = {
  exitCodes: [] as number[],
  errorBoxes: [] as { title: string; content: string }[],
  openedExternal: [] as string[],
  applicationMenus: [] as unknown[],
};

class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  sandboxEnabled = false;
  readonly paths = new Map<string, string>([['userData', '/nonexistent/TITM AI Coach']]);
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/nonexistent/${name}`;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getVersion(): string {
    return '9.9.9-fake';
  }
  /** As Electron: 'before-quit' first; quitting goes on unless a listener prevented it. */
  quit(): void {
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.exit(0);
  }
  exit(code: number): void {
    recorded.exitCodes.push(code);
  }
}

export const app = new FakeApp();

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.created.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  bounds: Rect;
  maximized = false;
  visible = false;
  destroyed = false;
  loaded: string | undefined;

  constructor(readonly options: Record<string, unknown> & Rect) {
    super();
    this.bounds = { x: options.x, y: options.y, width: options.width, height: options.height };
    BrowserWindow.created.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  async loadFile(file: string): Promise<void> {
    this.loaded = file;
    setImmediate(() => this.emit('ready-to-show'));
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = url;
    setImmediate(() => this.emit('ready-to-show'));
  }
  getNormalBounds(): Rect {
    return { ...this.bounds };
  }
  getBounds(): Rect {
    return { ...this.bounds };
  }
  /** As a user dragging the window: the bounds change and 'move'/'resize' fire. */
  setBounds(bounds: Partial<Rect>): void {
    this.bounds = { ...this.bounds, ...bounds };
    this.emit('move');
    this.emit('resize');
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  maximize(): void {
    this.maximized = true;
    this.visible = true;
    this.emit('maximize');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  show(): void {
    this.visible = true;
  }
  focus(): void {}
}

export const ipcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

export const session = {
  defaultSession: {
    permissionRequestHandler: undefined as Handler | undefined,
    permissionCheckHandler: undefined as Handler | undefined,
    headersReceived: undefined as Handler | undefined,
    setPermissionRequestHandler(handler: Handler) {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Handler) {
      this.permissionCheckHandler = handler;
    },
    webRequest: {
      onHeadersReceived(listener: Handler) {
        session.defaultSession.headersReceived = listener;
      },
    },
  },
};

export const screen = {
  workArea: { x: 0, y: 0, width: 1920, height: 1040 } as Rect,
  /** Each display's size in DIPs and its scale (device pixels = size × scaleFactor). */
  displays: [{ size: { width: 1920, height: 1080 }, scaleFactor: 1 }],
  getAllDisplays() {
    return this.displays.map((d, i) => ({ ...d, workArea: i === 0 ? this.workArea : { x: 0, y: 0, ...d.size } }));
  },
  getPrimaryDisplay() {
    return { ...this.displays[0]!, workArea: this.workArea };
  },
};

/** A NativeImage of a solid picture: its PNG bytes name its size, so a test can tell which size was captured. */
export class FakeNativeImage {
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}
  toPNG(): Buffer {
    return Buffer.from(`png ${this.width}x${this.height}`);
  }
  toDataURL(): string {
    return `data:image/png;base64,${this.toPNG().toString('base64')}`;
  }
  getSize(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }
  isEmpty(): boolean {
    return this.width === 0 || this.height === 0;
  }
}

/**
 * Electron's `desktopCapturer`: `sources` are what the OS offers (set by a test), each drawn at the
 * asked thumbnail size (an empty image where `blocked`, as macOS does without the Screen Recording
 * permission); every request is recorded.
 */
export const desktopCapturer = {
  sources: [] as { id: string; name: string; blocked?: boolean }[],
  requests: [] as { types: string[]; thumbnailSize: { width: number; height: number } }[],
  async getSources(options: { types: string[]; thumbnailSize: { width: number; height: number } }) {
    this.requests.push(options);
    return this.sources
      .filter((s) => options.types.includes(s.id.split(':')[0]!))
      .map((s) => ({ id: s.id, name: s.name, thumbnail: s.blocked ? new FakeNativeImage(0, 0) : new FakeNativeImage(options.thumbnailSize.width, options.thumbnailSize.height) }));
  },
};

export interface FakeImage {
  path: string;
  size?: { width: number; height: number };
  resize(options: { width: number; height: number }): FakeImage;
}

export const nativeImage = {
  createFromPath(path: string): FakeImage {
    return {
      path,
      resize(options) {
        return { ...this, size: { width: options.width, height: options.height } };
      },
    };
  },
};

export interface FakeMenuItem {
  label?: string;
  role?: string;
  type?: string;
  click?: () => void;
}

export const Menu = {
  buildFromTemplate(template: FakeMenuItem[]) {
    return { items: template };
  },
  setApplicationMenu(menu: unknown) {
    recorded.applicationMenus.push(menu);
  },
};

export class Tray extends EventEmitter {
  static readonly created: Tray[] = [];
  tooltip = '';
  menu: { items: FakeMenuItem[] } | undefined;
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    Tray.created.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: { items: FakeMenuItem[] }): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export const shell = {
  async openExternal(url: string): Promise<void> {
    recorded.openedExternal.push(url);
  },
};

export const dialog = {
  showErrorBox(title: string, content: string): void {
    recorded.errorBoxes.push({ title, content });
  },
};

/** A reversible stand-in for the OS keychain: "encrypted" bytes are the text reversed, with a tag. */
export const safeStorage = {
  isEncryptionAvailable: (): boolean => true,
  getSelectedStorageBackend: (): string => 'gnome_libsecret',
  encryptString(text: string): Buffer {
    return Buffer.concat([Buffer.from('fake:'), Buffer.from(text, 'utf8').reverse()]);
  },
  decryptString(data: Buffer): string {
    if (!data.subarray(0, 5).equals(Buffer.from('fake:'))) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(data.subarray(5)).reverse().toString('utf8');
  },
};

/** Electron's `Notification`: records what was shown; `click()` and `fail()` act as the OS would. */
export class Notification extends EventEmitter {
  static supported = true;
  static readonly created: Notification[] = [];
  static isSupported(): boolean {
    return Notification.supported;
  }
  shown = false;
  constructor(readonly options: { title: string; body: string; icon?: string }) {
    super();
    Notification.created.push(this);
  }
  show(): void {
    this.shown = true;
    this.emit('show', new FakeEvent());
  }
  /** As the user clicking the popup. */
  click(): void {
    this.emit('click', new FakeEvent());
  }
  /** As Windows failing to show it. */
  fail(error: string): void {
    this.emit('failed', new FakeEvent(), error);
  }
}
