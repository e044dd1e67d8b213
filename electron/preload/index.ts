// The preload plays one part: it exposes one method per channel of the contract as
// `window.briefing`. No raw ipcRenderer, no Node: the renderer gets exactly the contract.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS, EVENTS, isEventPayload } from '../../common/ipc/channels.ts';
import type { BridgeApi, EventName, FilesBridge } from '../../common/ipc/contract.ts';

/** Subscribes to one of main's events; the payload is checked here before the page sees it. */
function on(event: EventName, listener: (payload: unknown) => void): () => void {
  if (!(EVENTS as readonly string[]).includes(event) || typeof listener !== 'function') return () => {};
  const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => {
    if (isEventPayload(event, payload)) listener(payload);
  };
  ipcRenderer.on(event, handler);
  return () => ipcRenderer.removeListener(event, handler);
}

const api = Object.fromEntries([
  ...CHANNELS.map((channel) => [channel, (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)]),
  ['on', on],
]) as unknown as BridgeApi;

contextBridge.exposeInMainWorld('briefing', api);

// Sandboxed pages cannot see a dropped file's path; Electron's webUtils can. Nothing more is exposed.
const files: FilesBridge<File> = { pathForFile: (file) => webUtils.getPathForFile(file) };
contextBridge.exposeInMainWorld('briefingFiles', files);
