// The preload plays one part: it exposes one method per channel of the contract as
// `window.briefing`. No raw ipcRenderer, no Node: the renderer gets exactly the contract.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS } from '../ipc/channels.ts';
import type { BridgeApi, FilesBridge } from '../ipc/contract.ts';

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)]),
) as unknown as BridgeApi;

contextBridge.exposeInMainWorld('briefing', api);

// Sandboxed pages cannot see a dropped file's path; Electron's webUtils can. Nothing more is exposed.
const files: FilesBridge = { pathForFile: (file) => webUtils.getPathForFile(file) };
contextBridge.exposeInMainWorld('briefingFiles', files);
