import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../common/ipc/channels.ts';
import type { Router, Sender } from '../services/router/index.ts';
import { windowRoleOf } from './window.ts';

/** What Electron knows of a request's sender; the router decides what it may do (policy/senders.ts). */
function senderOf(event: IpcMainInvokeEvent): Sender {
  const frame = event.senderFrame;
  return {
    url: frame?.url,
    // A frame already gone (null) is not a main frame either.
    isMainFrame: frame !== null && frame.parent === null,
    window: windowRoleOf(event.sender),
  };
}

/** The only module that touches ipcMain: every channel goes through the router's checks. */
export function registerIpc(router: Router): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => router.invoke(channel, args, senderOf(event)));
  }
}
