// Electron entry: a thin shell. Every decision lives in modules that run under plain Node
// (../router, ../policy, ../../db); this file only wires them to Electron's objects.
import { join } from 'node:path';
import { app, dialog } from 'electron';
import { startBackend, type AppBackend } from '../router/index.ts';
import { APP_NAME, userDataDir } from '../policy/paths.ts';
import { nativeDialogs } from './dialogs.ts';
import { registerIpc } from './ipc.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { createMainWindow, hardenSession } from './window.ts';

app.setName(APP_NAME);
if (process.env.BRIEFING_USER_DATA) app.setPath('userData', userDataDir());
app.enableSandbox();
registerAppScheme();

let backend: AppBackend | undefined;

app.whenReady().then(() => {
  try {
    backend = startBackend({
      userData: app.getPath('userData'),
      host: 'electron',
      version: app.getVersion(),
      dialogs: nativeDialogs,
      // The hardened open runs in a child: Electron's own binary, as plain Node, on the bundled worker.
      receiveWorker: {
        command: process.execPath,
        args: [join(app.getAppPath(), 'dist', 'electron', 'receive-worker.cjs')],
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      },
    });
  } catch (error) {
    dialog.showErrorBox(APP_NAME, `Briefing Desk could not open its store: ${(error as Error).message}`);
    app.exit(1);
    return;
  }
  hardenSession();
  serveRenderer(join(app.getAppPath(), 'dist', 'renderer'));
  registerIpc(backend.router);
  createMainWindow(join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'));
});

app.on('window-all-closed', () => {
  backend?.close();
  backend = undefined;
  app.quit();
});
