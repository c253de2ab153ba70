/**
 * A recording stand-in for the parts of the `electron` module electron/main.ts uses, so
 * the shell runs in vitest where Electron's binary cannot (electron/main.test.ts mocks
 * `electron` with it; the real module is never loaded). It behaves as Electron does
 * where the shell depends on it: `whenReady` resolves when the test says, a new window
 * fires `web-contents-created`, `close` is cancellable and then fires `closed`, and
 * everything asked of it is recorded for the test to check.
 */
type Listener = (...args: unknown[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped));
      return listener(...args);
    };
    return this.on(event, wrapped);
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
  /** Fires `event` like Electron does; returns the event object, to see whether it was prevented. */
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
}

/** An Electron event object: records preventDefault. */
export function fakeEvent(): { preventDefault(): void; defaultPrevented: boolean } {
  const e = { defaultPrevented: false, preventDefault() { e.defaultPrevented = true; } };
  return e;
}

export class FakeWebContents extends Emitter {
  readonly sent: Array<[string, unknown]> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends Emitter {
  readonly webContents = new FakeWebContents();
  url: string | null = null;
  shown = false;
  destroyed = false;
  edited: boolean[] = [];
  minimized = false;
  focused = 0;

  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
  }
  async loadURL(url: string): Promise<void> {
    this.url = url;
    this.emit('ready-to-show');
  }
  show(): void { this.shown = true; }
  focus(): void { this.focused++; }
  isMinimized(): boolean { return this.minimized; }
  restore(): void { this.minimized = false; }
  setDocumentEdited(edited: boolean): void { this.edited.push(edited); }
  /** As in Electron: 'close' may be prevented; otherwise the window goes and 'closed' fires. */
  close(): void {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

export interface FakeOptions {
  userData: string;
  appPath: string;
  /** Whether this process gets the single-instance lock (false: another instance runs). */
  singleInstance?: boolean;
  /** Paths the open and save dialogs answer, in order (then: canceled). */
  openAnswers?: string[];
  saveAnswers?: string[];
}

type IpcEvent = { sender: unknown; senderFrame?: { url: string } };

/** A file dropped on the window, as Electron's webUtils knows it (the page's File objects are not these). */
export class DroppedFile {
  constructor(readonly name: string, readonly path: string) {}
}

const ELECTRON_EXPORTS = ['app', 'BrowserWindow', 'dialog', 'ipcMain', 'Menu', 'protocol', 'session', 'contextBridge', 'ipcRenderer', 'webUtils'];
let current: FakeElectron | null = null;

/** Makes `fake` the one `forwardingModule()` answers for (the next import of main.ts or preload.ts uses it). */
export function useFake(fake: FakeElectron): FakeElectron {
  current = fake;
  return fake;
}

/**
 * What `vi.mock('electron', …)` returns: one module object for the test file whose
 * exports forward to the current fake, so each fresh import of main.ts or preload.ts
 * (a new query string) talks to a new fake.
 */
export function forwardingModule(): Record<string, unknown> {
  const forward: Record<string, unknown> = {};
  for (const name of ELECTRON_EXPORTS) {
    Object.defineProperty(forward, name, { get: () => current!.module()[name], enumerable: true });
  }
  Object.defineProperty(forward, 'default', { get: () => forward });
  return forward;
}

export class FakeElectron {
  /** Every call into the module, in order: `['app.quit']`, `['protocol.registerSchemesAsPrivileged', …]`. */
  readonly calls: Array<[string, ...unknown[]]> = [];
  readonly windows: FakeBrowserWindow[] = [];
  readonly ipcHandlers = new Map<string, (event: IpcEvent, payload: unknown) => unknown>();
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  menuTemplate: unknown[] | null = null;
  /** What the preload exposed to the page (contextBridge.exposeInMainWorld). */
  readonly exposed = new Map<string, unknown>();
  /** ipcRenderer.invoke calls the preload made: [channel, request]. */
  readonly rendererInvokes: Array<[string, unknown]> = [];
  readonly rendererListeners = new Emitter();
  beforeRequest: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | null = null;
  permissionHandler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  readonly app: Emitter & Record<string, unknown>;
  private resolveReady!: () => void;
  private readonly readyPromise = new Promise<void>((r) => { this.resolveReady = r; });

  constructor(private readonly options: FakeOptions) {
    const record = (name: string) => (...args: unknown[]) => { this.calls.push([name, ...args]); };
    const app = new Emitter() as Emitter & Record<string, unknown>;
    Object.assign(app, {
      isPackaged: false,
      requestSingleInstanceLock: () => { this.calls.push(['app.requestSingleInstanceLock']); return options.singleInstance ?? true; },
      quit: record('app.quit'),
      whenReady: () => this.readyPromise,
      getPath: (name: string) => { if (name !== 'userData') throw new Error(`unexpected getPath(${name})`); return options.userData; },
      getAppPath: () => options.appPath,
      addRecentDocument: record('app.addRecentDocument'),
    });
    this.app = app;
  }

  /**
   * Electron is ready: the shell's whenReady work runs. It registered its callback before
   * this await, and the callback is synchronous, so it has run when this returns.
   */
  async ready(): Promise<void> {
    this.resolveReady();
    await this.readyPromise;
  }

  /** Calls an IPC handler as ipcRenderer.invoke from the window's page would. */
  invoke(channel: string, payload: unknown, { url = 'app://cueline/index.html', sender }: { url?: string; sender?: unknown } = {}): Promise<unknown> {
    const handler = this.ipcHandlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return Promise.resolve(handler({ sender: sender ?? this.windows[0]?.webContents, senderFrame: { url } }, payload));
  }

  private moduleObject: Record<string, unknown> | null = null;

  /** The module object `import … from 'electron'` gets (one per fake). */
  module(): Record<string, unknown> {
    this.moduleObject ??= this.makeModule();
    return this.moduleObject;
  }

  private makeModule(): Record<string, unknown> {
    const register = (window: FakeBrowserWindow) => {
      this.windows.push(window);
      this.app.emit('web-contents-created', fakeEvent(), window.webContents);
    };
    const answers = { open: [...(this.options.openAnswers ?? [])], save: [...(this.options.saveAnswers ?? [])] };
    const mod = {
      app: this.app,
      BrowserWindow: class extends FakeBrowserWindow {
        constructor(options: Record<string, unknown>) {
          super(options);
          register(this);
        }
      },
      dialog: {
        showOpenDialog: async (_w: unknown, options: unknown) => {
          this.calls.push(['dialog.showOpenDialog', options]);
          const path = answers.open.shift();
          return path ? { canceled: false, filePaths: [path] } : { canceled: true, filePaths: [] };
        },
        showSaveDialog: async (_w: unknown, options: unknown) => {
          this.calls.push(['dialog.showSaveDialog', options]);
          const path = answers.save.shift();
          return path ? { canceled: false, filePath: path } : { canceled: true };
        },
      },
      ipcMain: { handle: (channel: string, handler: (event: IpcEvent, payload: unknown) => unknown) => { this.ipcHandlers.set(channel, handler); } },
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => { this.exposed.set(name, api); } },
      ipcRenderer: {
        invoke: async (channel: string, request: unknown) => {
          this.rendererInvokes.push([channel, request]);
          return { ok: true, value: { transcript: null, audio: null, messages: [] } };
        },
        on: (event: string, listener: Listener) => this.rendererListeners.on(event, listener),
        removeListener: () => {},
      },
      webUtils: {
        // As Electron's: a path only for a File the user dropped; anything else throws.
        getPathForFile: (file: unknown) => {
          if (!(file instanceof DroppedFile)) throw new TypeError('Error processing argument at index 0, conversion failure');
          return file.path;
        },
      },
      Menu: {
        buildFromTemplate: (template: unknown[]) => { this.menuTemplate = template; return { template }; },
        setApplicationMenu: (menu: unknown) => { this.calls.push(['Menu.setApplicationMenu', menu]); },
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown) => { this.calls.push(['protocol.registerSchemesAsPrivileged', schemes]); },
        handle: (scheme: string, handler: (request: Request) => Promise<Response>) => { this.protocolHandlers.set(scheme, handler); },
      },
      session: {
        defaultSession: {
          webRequest: { onBeforeRequest: (handler: FakeElectron['beforeRequest']) => { this.beforeRequest = handler; } },
          setPermissionRequestHandler: (handler: FakeElectron['permissionHandler']) => { this.permissionHandler = handler; },
        },
      },
    };
    return { ...mod, default: mod };
  }
}
