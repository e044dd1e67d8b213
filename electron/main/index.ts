// Electron entry: a thin shell. Every decision lives in modules that run under plain Node
// (../router, ../policy, ../../db); this file only wires them to Electron's objects.
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { DocumentState } from '../../common/ipc/contract.ts';
import { startBackend, type AppBackend } from '../services/router/index.ts';
import { briefPathFromArgv, APP_NAME, userDataDir } from '../services/policy/index.ts';
import { nativeDialogs } from './dialogs.ts';
import { registerIpc } from './ipc.ts';
import { ingestLauncher, receiveLauncher } from './workers.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { createMainWindow, hardenSession } from './window.ts';
import { installMenu } from './menu.ts';
import { electronPrinter } from './printer.ts';

app.setName(APP_NAME);
if (process.env.BRIEFING_USER_DATA) app.setPath('userData', userDataDir());
app.enableSandbox();
registerAppScheme();

let backend: AppBackend | undefined;
let mainWindow: BrowserWindow | undefined;
/** A file the OS asked us to open before we were ready (macOS sends open-file early). */
let pendingPath: string | null = briefPathFromArgv(process.argv, process.cwd());

/** Keeps the shell in step with the document: menu (recent files, Revert, conflicts), OS recent list, edited mark. */
function reflectDocument(state: DocumentState): void {
  installMenu(
    {
      platform: process.platform,
      appName: APP_NAME,
      recent: state.recent,
      canRevert: state.filePath !== null,
      openConflicts: state.openConflicts,
      undo: state.history.undo,
      redo: state.history.redo,
      isPackaged: app.isPackaged,
    },
    () => mainWindow,
  );
  if (state.filePath) app.addRecentDocument(state.filePath);
  mainWindow?.setDocumentEdited(state.dirty);
  if (process.platform === 'darwin') mainWindow?.setRepresentedFilename(state.filePath ?? '');
}

/** Before the window closes with unsaved changes: save, close anyway (the working copy keeps them), or stay. */
async function confirmClose(window: BrowserWindow): Promise<boolean> {
  const state = backend?.documents.state();
  if (!backend || !state?.dirty) return true;
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    buttons: ['Save', 'Close without saving', 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    message: `Save the changes to “${state.name}”?`,
    detail:
      'If you close without saving, your changes stay in Briefing Desk’s working copy and are there when you next open it; the file itself is not updated.',
  });
  if (response === 2) return false;
  if (response === 1) return true;
  try {
    return (await backend.documents.save()) !== null;
  } catch (error) {
    dialog.showErrorBox(APP_NAME, (error as Error).message);
    return false;
  }
}

/** Opens a brief handed to us by the OS or a second launch, after asking about unsaved changes. */
async function openFromOutside(path: string): Promise<void> {
  if (!backend || !mainWindow) {
    pendingPath = path;
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  const state = backend.documents.state();
  if (state.dirty) {
    const { response } = await dialog.showMessageBox(mainWindow, {
      type: 'question',
      buttons: ['Cancel', 'Discard changes and open'],
      defaultId: 0,
      cancelId: 0,
      message: `“${state.name}” has changes that are not saved to its file.`,
      detail: `Opening ${path} replaces it. Cancel, then use File > Save to keep your changes.`,
    });
    if (response !== 1) return;
  }
  try {
    await backend.documents.openPath(path);
    mainWindow.webContents.reload();
  } catch (error) {
    dialog.showErrorBox(APP_NAME, (error as Error).message);
  }
}

if (!app.requestSingleInstanceLock()) {
  // Another Briefing Desk is running; it receives our command line through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const path = briefPathFromArgv(argv, workingDirectory);
    if (path) void openFromOutside(path);
    else mainWindow?.focus();
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openFromOutside(path);
  });

  app.whenReady().then(async () => {
    const preloadPath = join(app.getAppPath(), 'dist', 'electron', 'preload.cjs');
    try {
      backend = startBackend({
        userData: app.getPath('userData'),
        host: 'electron',
        version: app.getVersion(),
        dialogs: nativeDialogs,
        receiveWorker: receiveLauncher(join(app.getAppPath(), 'dist', 'electron', 'receive-worker.cjs')),
        ingestWorker: ingestLauncher(join(app.getAppPath(), 'dist', 'electron', 'ingest-worker.cjs')),
        onDocumentChange: reflectDocument,
        printer: electronPrinter(preloadPath),
        emit: (event, payload) => mainWindow?.webContents.send(event, payload),
      });
    } catch (error) {
      dialog.showErrorBox(APP_NAME, `Briefing Desk could not open its store: ${(error as Error).message}`);
      app.exit(1);
      return;
    }
    hardenSession();
    serveRenderer(join(app.getAppPath(), 'dist', 'renderer'));
    registerIpc(backend.router);
    mainWindow = createMainWindow({ preloadPath, confirmClose });
    // A print view kept loaded for the composer is a hidden window: it must not keep the app running once the workspace is gone.
    mainWindow.on('closed', () => void backend?.exports.warm(false));
    reflectDocument(backend.documents.state());
    if (pendingPath) {
      const path = pendingPath;
      pendingPath = null;
      await openFromOutside(path);
    }
  });

  app.on('window-all-closed', () => {
    backend?.close();
    backend = undefined;
    app.quit();
  });
}
