import { ipcMain } from 'electron';
import { CHANNELS } from '../../common/ipc/channels.ts';
import type { Router } from '../services/router/index.ts';

/** The only module that touches ipcMain: every channel goes through the router's checks. */
export function registerIpc(router: Router): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => router.invoke(channel, args, { url: event.senderFrame?.url }));
  }
}
