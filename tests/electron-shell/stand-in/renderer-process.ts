import { EventEmitter } from 'node:events';
import type * as ElectronModule from 'electron';
import type { ContextBridge, IpcRenderer, IpcRendererEvent, WebUtils } from 'electron';
import { electronEvent } from './events.ts';

// The three Electron modules a sandboxed preload may use, as the preload sees them: invokes are
// recorded (and answered by the test), main's messages are delivered on demand, and what the
// preload exposes lands in `mainWorld`, the page's `window`.

type IpcListener = (event: IpcRendererEvent, ...args: unknown[]) => void;

class StandInIpcRenderer implements Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener' | 'listenerCount'> {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  readonly #listeners = new EventEmitter();
  readonly #answer: (channel: string, args: unknown[]) => unknown;

  constructor(answer: (channel: string, args: unknown[]) => unknown) {
    this.#answer = answer;
  }

  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return this.#answer(channel, args);
  }

  on(channel: string, listener: IpcListener): IpcRenderer {
    this.#listeners.on(channel, listener);
    return this.#asElectron;
  }

  removeListener(channel: string, listener: IpcListener): IpcRenderer {
    this.#listeners.removeListener(channel, listener);
    return this.#asElectron;
  }

  get #asElectron(): IpcRenderer {
    return this as unknown as IpcRenderer;
  }

  listenerCount(channel: string): number {
    return this.#listeners.listenerCount(channel);
  }

  /** Main sends `payload` on `channel` (webContents.send); the listeners get Electron's event first. */
  deliver(channel: string, payload: unknown): void {
    const event: IpcRendererEvent = Object.assign(electronEvent(), { sender: this.#asElectron, ports: [] });
    this.#listeners.emit(channel, event, structuredClone(payload));
  }
}

class StandInContextBridge implements Pick<ContextBridge, 'exposeInMainWorld'> {
  readonly #mainWorld: Record<string, unknown>;

  constructor(mainWorld: Record<string, unknown>) {
    this.#mainWorld = mainWorld;
  }

  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (Object.hasOwn(this.#mainWorld, apiKey)) throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    // The page gets a copy, as contextBridge gives it (which also proxies functions and clones values across worlds).
    this.#mainWorld[apiKey] = { ...(api as object) };
  }
}

class StandInWebUtils implements Pick<WebUtils, 'getPathForFile'> {
  /** Where each dropped file is on disk, as only the preload can see it. */
  readonly paths = new Map<File, string>();

  getPathForFile(file: File): string {
    return this.paths.get(file) ?? '';
  }
}

export class StandInRendererProcess {
  /** The page's `window`, as far as the preload adds to it. */
  readonly mainWorld: Record<string, unknown> = {};
  readonly ipcRenderer: StandInIpcRenderer;
  readonly contextBridge = new StandInContextBridge(this.mainWorld);
  readonly webUtils = new StandInWebUtils();

  constructor(answer: (channel: string, args: unknown[]) => unknown = () => null) {
    this.ipcRenderer = new StandInIpcRenderer(answer);
  }

  /** What require('electron') gives a sandboxed preload: each of its names is one of Electron's own. */
  get module(): Partial<Record<keyof typeof ElectronModule, object>> {
    return { contextBridge: this.contextBridge, ipcRenderer: this.ipcRenderer, webUtils: this.webUtils };
  }
}
