import { EventEmitter } from 'node:events';
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  HandlerDetails,
  PrintToPDFOptions,
  Rectangle,
  WebContents,
  WebFrameMain,
  WindowOpenHandlerResponse,
} from 'electron';
import { electronEvent } from './events.ts';
import type { WebContentsEvents, WindowEvents } from './fired-events.ts';

// BrowserWindow, its webContents and their frames, as far as the shell uses them. A window
// loads its page through the stand-in's protocol handlers (as Chromium would through
// protocol.handle), and a destroyed window throws on use, as Electron's does.

/** What a window needs from the process it lives in. */
export interface WindowHost {
  /** Answers a page load through the registered protocol handler. */
  load(url: string): Promise<Response>;
  opened(window: StandInBrowserWindow): void;
  focused(window: StandInBrowserWindow): void;
  closed(window: StandInBrowserWindow): void;
  reloaded(contents: StandInWebContents): void;
}

let nextId = 1;

/** A frame of a page: the main frame (no parent), or a subframe the test makes to send from. */
export class StandInFrame implements Pick<WebFrameMain, 'url' | 'processId' | 'routingId' | 'frameTreeNodeId'> {
  url: string;
  readonly parent: StandInFrame | null;
  readonly processId = 1;
  readonly routingId = nextId++;
  readonly frameTreeNodeId = this.routingId;

  constructor(url: string, parent: StandInFrame | null) {
    this.url = url;
    this.parent = parent;
  }

  get top(): StandInFrame {
    return this.parent ? this.parent.top : this;
  }
}

const destroyed = () => new TypeError('Object has been destroyed');

export class StandInWebContents
  extends EventEmitter<WebContentsEvents>
  implements
    Pick<
      WebContents,
      'id' | 'send' | 'reload' | 'setWindowOpenHandler' | 'setBackgroundThrottling' | 'printToPDF' | 'loadURL' | 'getURL' | 'isDestroyed'
    >
{
  readonly id = nextId++;
  readonly mainFrame = new StandInFrame('', null);
  /** What main sent the page, in order, as the page receives it (structured clones). */
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly loads: string[] = [];
  readonly printed: PrintToPDFOptions[] = [];
  reloads = 0;
  /** Whether Chromium may slow the page while it is hidden (Electron's default: yes). */
  backgroundThrottling = true;
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  #destroyed = false;
  readonly #host: WindowHost;
  readonly #loaded: () => void;

  constructor(host: WindowHost, loaded: () => void) {
    super();
    this.#host = host;
    this.#loaded = loaded;
  }

  #alive(): void {
    if (this.#destroyed) throw destroyed();
  }

  /** These contents as the shell's code sees them. */
  get asElectron(): WebContents {
    return this as unknown as WebContents;
  }

  send(channel: string, ...args: unknown[]): void {
    this.#alive();
    this.sent.push({ channel, args: structuredClone(args) });
  }

  reload(): void {
    this.#alive();
    this.reloads++;
    this.#host.reloaded(this);
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }

  setBackgroundThrottling(allowed: boolean): void {
    this.#alive();
    this.backgroundThrottling = allowed;
  }

  async printToPDF(options: PrintToPDFOptions): Promise<Buffer> {
    this.#alive();
    this.printed.push(options);
    return Buffer.from(`%PDF-1.7 stand-in print of ${this.getURL()}\n%%EOF\n`);
  }

  /** Loads like Chromium: the page comes from the scheme's handler, and anything but a 2xx answer is a failed load. */
  async loadURL(url: string): Promise<void> {
    this.#alive();
    const response = await this.#host.load(url);
    if (!response.ok) throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}' (status ${response.status})`);
    this.loads.push(url);
    this.mainFrame.url = url;
    this.emit('did-finish-load');
    this.#loaded();
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  markDestroyed(): void {
    this.#destroyed = true;
  }

  /** A frame inside the page, to send from as an embedded page would. */
  subframe(url: string): StandInFrame {
    return new StandInFrame(url, this.mainFrame);
  }

  /** The page asks to navigate to `url`; answers whether the shell let it. */
  navigate(url: string): boolean {
    const event = electronEvent({ url, isSameDocument: false, isMainFrame: true, frame: this.mainFrame as unknown as WebFrameMain });
    this.emit('will-navigate', event, url, false, true, this.mainFrame.processId, this.mainFrame.routingId);
    return !event.defaultPrevented;
  }

  /** A server redirect of the page's load to `url`; answers whether the shell let it. */
  redirect(url: string): boolean {
    const event = electronEvent({ url, isSameDocument: false, isMainFrame: true, frame: this.mainFrame as unknown as WebFrameMain });
    this.emit('will-redirect', event, url, false, true, this.mainFrame.processId, this.mainFrame.routingId);
    return !event.defaultPrevented;
  }

  /** The page adds a <webview>; answers whether the shell let it. */
  attachWebview(src: string): boolean {
    const event = electronEvent();
    this.emit('will-attach-webview', event, {}, { src });
    return !event.defaultPrevented;
  }

  /** The page calls window.open(url); answers what the shell's handler decided ('allow' when it set none, as Electron). */
  openWindow(url: string): WindowOpenHandlerResponse['action'] {
    const details = {
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: this.getURL(), policy: 'strict-origin-when-cross-origin' },
    } satisfies HandlerDetails;
    return this.windowOpenHandler ? this.windowOpenHandler(details).action : 'allow';
  }
}

type UsedWindowMethods =
  | 'id'
  | 'setDocumentEdited'
  | 'isDocumentEdited'
  | 'setRepresentedFilename'
  | 'getRepresentedFilename'
  | 'isMinimized'
  | 'minimize'
  | 'restore'
  | 'focus'
  | 'show'
  | 'isVisible'
  | 'maximize'
  | 'isMaximized'
  | 'getNormalBounds'
  | 'loadURL'
  | 'close'
  | 'destroy'
  | 'isDestroyed';

export class StandInBrowserWindow extends EventEmitter<WindowEvents> implements Pick<BrowserWindow, UsedWindowMethods> {
  readonly id = nextId++;
  /** The options the shell constructed the window with. */
  readonly options: BrowserWindowConstructorOptions;
  readonly webContents: StandInWebContents;
  #visible: boolean;
  #minimized = false;
  #maximized = false;
  #edited = false;
  #representedFilename = '';
  #destroyed = false;
  #shown = false;
  readonly #host: WindowHost;

  constructor(host: WindowHost, options: BrowserWindowConstructorOptions = {}) {
    super();
    this.#host = host;
    this.options = options;
    this.#visible = options.show ?? true;
    // Electron emits ready-to-show once, after the first load has drawn.
    this.webContents = new StandInWebContents(host, () => {
      if (this.#shown) return;
      this.#shown = true;
      this.emit('ready-to-show');
    });
    host.opened(this);
    if (this.#visible) host.focused(this);
  }

  #alive(): void {
    if (this.#destroyed) throw destroyed();
  }

  /** This window as the shell's code sees it. */
  get asElectron(): BrowserWindow {
    return this as unknown as BrowserWindow;
  }

  setDocumentEdited(edited: boolean): void {
    this.#alive();
    this.#edited = edited;
  }

  isDocumentEdited(): boolean {
    return this.#edited;
  }

  setRepresentedFilename(filename: string): void {
    this.#alive();
    this.#representedFilename = filename;
  }

  getRepresentedFilename(): string {
    return this.#representedFilename;
  }

  isMinimized(): boolean {
    this.#alive();
    return this.#minimized;
  }

  minimize(): void {
    this.#minimized = true;
  }

  restore(): void {
    this.#alive();
    this.#minimized = false;
  }

  focus(): void {
    this.#alive();
    this.#host.focused(this);
  }

  show(): void {
    this.#alive();
    this.#visible = true;
    this.#host.focused(this);
  }

  isVisible(): boolean {
    return this.#visible;
  }

  maximize(): void {
    this.#alive();
    this.#maximized = true;
  }

  isMaximized(): boolean {
    this.#alive();
    return this.#maximized;
  }

  getNormalBounds(): Rectangle {
    this.#alive();
    const { x = 0, y = 0, width = 800, height = 600 } = this.options;
    return { x, y, width, height };
  }

  loadURL(url: string): Promise<void> {
    this.#alive();
    return this.webContents.loadURL(url);
  }

  /** As the user closing the window: 'close' first, which a listener may prevent; otherwise the window goes. */
  close(): void {
    this.#alive();
    const event = electronEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.webContents.markDestroyed();
    this.emit('closed');
    this.#host.closed(this);
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }
}
