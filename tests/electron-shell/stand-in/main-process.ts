import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import type * as ElectronModule from 'electron';
import type {
  app as electronApp,
  BaseWindow,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  CustomScheme,
  Dialog,
  Display,
  IpcMain,
  IpcMainInvokeEvent,
  MessageBoxOptions,
  MessageBoxReturnValue,
  NativeTheme,
  OpenDialogOptions,
  OpenDialogReturnValue,
  OpenExternalOptions,
  Protocol,
  SaveDialogOptions,
  SaveDialogReturnValue,
  Screen,
  Shell,
  WebContents,
  WebFrameMain,
} from 'electron';
import { electronEvent } from './events.ts';
import type { AppEvents } from './fired-events.ts';
import { StandInMenuModule } from './menu.ts';
import { StandInSession } from './session.ts';
import { StandInUtilityProcessModule } from './utility-process.ts';
import { StandInBrowserWindow, type StandInFrame, type StandInWebContents, type WindowHost } from './windows.ts';

// A stand-in for Electron's main process, as far as electron/main uses it. `module` is what
// require('electron') gives the shell; the rest is for the test: what the shell asked for, and
// the events a user or the OS would cause. Every piece implements Pick<> of Electron's own type,
// so a change of signature in Electron fails `tsc -b`.

export interface MainProcessOptions {
  /** What app.getAppPath() answers: the folder holding package.json, dist/ and node_modules/. */
  appPath: string;
  /** userData until the shell sets it. */
  userData: string;
  version: string;
  isPackaged: boolean;
  /** What requestSingleInstanceLock() answers: false when another instance holds it. */
  singleInstanceLock: boolean;
}

/** What the stand-in tells the test as it happens. */
export interface Recorded {
  window: [StandInBrowserWindow];
  'message-box': [MessageBoxOptions];
  'error-box': [title: string, content: string];
  'open-external': [url: string];
  reload: [StandInWebContents];
  quit: [];
  exit: [code: number];
}

type UsedAppMembers =
  | 'setName'
  | 'getName'
  | 'setPath'
  | 'getPath'
  | 'getAppPath'
  | 'getVersion'
  | 'enableSandbox'
  | 'addRecentDocument'
  | 'isPackaged'
  | 'requestSingleInstanceLock'
  | 'quit'
  | 'exit'
  | 'whenReady'
  | 'isReady';

class StandInApp extends EventEmitter<AppEvents> implements Pick<typeof electronApp, UsedAppMembers> {
  readonly isPackaged: boolean;
  readonly recentDocuments: string[] = [];
  sandboxEnabled = false;
  singleInstanceLockRequested = false;
  quitRequests = 0;
  exitCode: number | null = null;
  #name = 'Electron';
  readonly #paths = new Map<string, string>();
  readonly #options: MainProcessOptions;
  readonly #ready = Promise.withResolvers<void>();
  #isReady = false;
  readonly #recorder: EventEmitter<Recorded>;

  constructor(options: MainProcessOptions, recorder: EventEmitter<Recorded>) {
    super();
    this.#options = options;
    this.#recorder = recorder;
    this.isPackaged = options.isPackaged;
    this.#paths.set('userData', options.userData);
    this.#paths.set('temp', tmpdir());
  }

  setName(name: string): void {
    this.#name = name;
  }

  getName(): string {
    return this.#name;
  }

  setPath(name: string, path: string): void {
    this.#paths.set(name, path);
  }

  getPath(name: Parameters<typeof electronApp.getPath>[0]): string {
    const path = this.#paths.get(name);
    if (path === undefined) throw new Error(`The stand-in has no path for '${name}'`);
    return path;
  }

  getAppPath(): string {
    return this.#options.appPath;
  }

  getVersion(): string {
    return this.#options.version;
  }

  enableSandbox(): void {
    if (this.#isReady) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }

  addRecentDocument(path: string): void {
    this.recentDocuments.push(path);
  }

  requestSingleInstanceLock(): boolean {
    this.singleInstanceLockRequested = true;
    return this.#options.singleInstanceLock;
  }

  quit(): void {
    this.quitRequests++;
    this.#recorder.emit('quit');
  }

  exit(exitCode = 0): void {
    this.exitCode = exitCode;
    this.#recorder.emit('exit', exitCode);
  }

  whenReady(): Promise<void> {
    return this.#ready.promise;
  }

  isReady(): boolean {
    return this.#isReady;
  }

  // What the OS does.

  /** Electron has started: 'ready', and whenReady() resolves. */
  fireReady(): void {
    this.#isReady = true;
    this.emit('ready', electronEvent(), {});
    this.#ready.resolve();
  }

  /** Another launch of the app, with its command line, handed over by the single-instance lock. */
  secondInstance(argv: string[], workingDirectory: string): void {
    this.emit('second-instance', electronEvent(), argv, workingDirectory, {});
  }

  /** macOS asks the app to open a file (Finder, the Dock). */
  openFile(path: string): boolean {
    const event = electronEvent();
    this.emit('open-file', event, path);
    return event.defaultPrevented;
  }
}

/** Who sends an invoke: a frame of a window's page. */
export interface InvokeSender {
  contents: StandInWebContents;
  frame: StandInFrame | null;
}

class StandInIpcMain implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  /** Every channel the shell registered, in order, repeats included. */
  readonly registered: string[] = [];

  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void {
    this.registered.push(channel);
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** ipcRenderer.invoke from `sender`: arguments and answer cross as structured clones, as they do in Electron. */
  async invoke(sender: InvokeSender, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event = Object.assign(electronEvent(), {
      type: 'frame' as const,
      processId: sender.frame?.processId ?? 0,
      frameId: sender.frame?.routingId ?? 0,
      sender: sender.contents as unknown as WebContents,
      senderFrame: sender.frame as unknown as WebFrameMain | null,
    }) satisfies IpcMainInvokeEvent;
    return structuredClone(await handler(event, ...structuredClone(args)));
  }
}

class StandInProtocol implements Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'isProtocolHandled'> {
  readonly privileged: CustomScheme[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  readonly #isReady: () => boolean;

  constructor(isReady: () => boolean) {
    this.#isReady = isReady;
  }

  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    if (this.#isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged.push(...customSchemes);
  }

  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  /** A request from a page, answered by the scheme's handler. */
  async fetch(url: string): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    return handler(new Request(url));
  }
}

interface ScriptedAnswers {
  messageBox: number[];
  open: (string[] | null)[];
  save: (string | null)[];
}

class StandInDialog implements Pick<Dialog, 'showMessageBox' | 'showErrorBox' | 'showOpenDialog' | 'showSaveDialog'> {
  /** Every dialog shown, with the window it was attached to. */
  readonly shown: { kind: 'message' | 'error' | 'open' | 'save'; window: BaseWindow | null; options: unknown }[] = [];
  /** The user's next answers; with none queued, the user cancels. */
  readonly answers: ScriptedAnswers = { messageBox: [], open: [], save: [] };
  readonly #recorder: EventEmitter<Recorded>;

  constructor(recorder: EventEmitter<Recorded>) {
    this.#recorder = recorder;
  }

  showMessageBox(window: BaseWindow, options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  async showMessageBox(first: BaseWindow | MessageBoxOptions, second?: MessageBoxOptions): Promise<MessageBoxReturnValue> {
    const [window, options] = second ? [first as BaseWindow, second] : [null, first as MessageBoxOptions];
    this.shown.push({ kind: 'message', window, options });
    this.#recorder.emit('message-box', options);
    const response = this.answers.messageBox.shift() ?? options.cancelId ?? 0;
    return { response, checkboxChecked: false };
  }

  showErrorBox(title: string, content: string): void {
    this.shown.push({ kind: 'error', window: null, options: { title, content } });
    this.#recorder.emit('error-box', title, content);
  }

  showOpenDialog(window: BaseWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  async showOpenDialog(first: BaseWindow | OpenDialogOptions, second?: OpenDialogOptions): Promise<OpenDialogReturnValue> {
    const [window, options] = second ? [first as BaseWindow, second] : [null, first as OpenDialogOptions];
    this.shown.push({ kind: 'open', window, options });
    const filePaths = this.answers.open.shift() ?? null;
    return filePaths ? { canceled: false, filePaths } : { canceled: true, filePaths: [] };
  }

  showSaveDialog(window: BaseWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  async showSaveDialog(first: BaseWindow | SaveDialogOptions, second?: SaveDialogOptions): Promise<SaveDialogReturnValue> {
    const [window, options] = second ? [first as BaseWindow, second] : [null, first as SaveDialogOptions];
    this.shown.push({ kind: 'save', window, options });
    const filePath = this.answers.save.shift() ?? null;
    return filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' };
  }
}

class StandInShell implements Pick<Shell, 'openExternal'> {
  readonly opened: string[] = [];
  readonly #recorder: EventEmitter<Recorded>;

  constructor(recorder: EventEmitter<Recorded>) {
    this.#recorder = recorder;
  }

  async openExternal(url: string, _options?: OpenExternalOptions): Promise<void> {
    this.opened.push(url);
    this.#recorder.emit('open-external', url);
  }
}

const PRIMARY_DISPLAY: Display = {
  accelerometerSupport: 'unknown',
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  colorDepth: 24,
  colorSpace: 'srgb',
  depthPerComponent: 8,
  detected: true,
  displayFrequency: 60,
  id: 1,
  internal: true,
  label: 'Stand-in display',
  maximumCursorSize: { width: 64, height: 64 },
  monochrome: false,
  nativeOrigin: { x: 0, y: 0 },
  rotation: 0,
  scaleFactor: 1,
  size: { width: 1920, height: 1080 },
  touchSupport: 'unknown',
  workArea: { x: 0, y: 0, width: 1920, height: 1050 },
  workAreaSize: { width: 1920, height: 1050 },
};

class StandInScreen implements Pick<Screen, 'getPrimaryDisplay' | 'getAllDisplays'> {
  getPrimaryDisplay(): Display {
    return PRIMARY_DISPLAY;
  }

  getAllDisplays(): Display[] {
    return [PRIMARY_DISPLAY];
  }
}

/** `new BrowserWindow(options)` and `BrowserWindow.getFocusedWindow()`, bound to one stand-in process. */
export interface BrowserWindowConstructor {
  new (options?: BrowserWindowConstructorOptions): StandInBrowserWindow;
  getFocusedWindow(): BrowserWindow | null;
}

export class StandInMainProcess implements WindowHost {
  readonly events = new EventEmitter<Recorded>();
  readonly app: StandInApp;
  readonly ipcMain = new StandInIpcMain();
  readonly protocol: StandInProtocol;
  readonly defaultSession = new StandInSession();
  readonly dialog = new StandInDialog(this.events);
  readonly shell = new StandInShell(this.events);
  readonly menu = new StandInMenuModule();
  readonly utilityProcess: StandInUtilityProcessModule;
  readonly nativeTheme: Pick<NativeTheme, 'shouldUseDarkColors' | 'themeSource'> = { shouldUseDarkColors: false, themeSource: 'system' };
  readonly screen = new StandInScreen();
  /** Open windows, oldest first. */
  readonly windows: StandInBrowserWindow[] = [];
  readonly BrowserWindow: BrowserWindowConstructor;
  #focused: StandInBrowserWindow | null = null;

  constructor(options: MainProcessOptions) {
    this.app = new StandInApp(options, this.events);
    this.protocol = new StandInProtocol(() => this.app.isReady());
    this.utilityProcess = new StandInUtilityProcessModule(() => {
      if (!this.app.isReady()) throw new Error('utilityProcess cannot be created before app is ready.');
    });
    const host = this as WindowHost;
    const focused = () => (this.#focused && !this.#focused.isDestroyed() ? this.#focused : null);
    this.BrowserWindow = class extends StandInBrowserWindow {
      constructor(windowOptions?: BrowserWindowConstructorOptions) {
        super(host, windowOptions);
      }

      static getFocusedWindow(): BrowserWindow | null {
        return focused()?.asElectron ?? null;
      }
    };
  }

  /** What require('electron') gives the shell: each of its names is one of Electron's own. */
  get module(): Partial<Record<keyof typeof ElectronModule, object>> {
    return {
      app: this.app,
      BrowserWindow: this.BrowserWindow,
      dialog: this.dialog,
      ipcMain: this.ipcMain,
      Menu: this.menu,
      nativeTheme: this.nativeTheme,
      protocol: this.protocol,
      screen: this.screen,
      session: { defaultSession: this.defaultSession },
      shell: this.shell,
      utilityProcess: this.utilityProcess,
    } satisfies Partial<Record<keyof typeof ElectronModule, object>>;
  }

  load(url: string): Promise<Response> {
    return this.protocol.fetch(url);
  }

  opened(window: StandInBrowserWindow): void {
    if (!this.app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    this.windows.push(window);
    this.events.emit('window', window);
  }

  focused(window: StandInBrowserWindow): void {
    this.#focused = window;
  }

  reloaded(contents: StandInWebContents): void {
    this.events.emit('reload', contents);
  }

  closed(window: StandInBrowserWindow): void {
    this.windows.splice(this.windows.indexOf(window), 1);
    if (this.windows.length === 0) this.app.emit('window-all-closed');
  }
}
