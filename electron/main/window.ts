import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, nativeTheme, screen, session, shell } from 'electron';
import {
  APP_ORIGIN,
  builtInSpellcheck,
  externalLinkTarget,
  isAllowedNavigation,
  isAllowedRequest,
  isPermissionGranted,
  MIN_SIZE,
  restoreWindowState,
  type SenderWindow,
} from '../services/policy/index.ts';

/** Session-wide guards: no permission is ever granted, no request leaves for anything but our own files. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_webContents, permission) => isPermissionGranted(permission));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  // Off where it would download dictionaries (see builtInSpellcheck); the windows' own setting follows.
  ses.setSpellCheckerEnabled(builtInSpellcheck(process.platform));
}

/** A web or mail link is opened in the user's browser or mail program only after they agree. */
async function offerExternal(window: BrowserWindow, url: string): Promise<void> {
  const target = externalLinkTarget(url);
  if (!target) return;
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    buttons: ['Cancel', target.startsWith('mailto:') ? 'Write e-mail' : 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
    message: 'This link leads outside Briefing Desk.',
    detail: target,
  });
  if (response === 1) await shell.openExternal(target);
}

const windowStateFile = () => join(app.getPath('userData'), 'window-state.json');

function savedWindowState(): unknown {
  try {
    return JSON.parse(readFileSync(windowStateFile(), 'utf8'));
  } catch {
    return null;
  }
}

/** What each window of ours is for, by its web contents: the router hears it with every request. */
const roles = new WeakMap<Electron.WebContents, Exclude<SenderWindow, 'unknown'>>();

/** The window a request came from; anything we did not open ourselves is 'unknown', and refused. */
export const windowRoleOf = (contents: Electron.WebContents): SenderWindow => roles.get(contents) ?? 'unknown';

/**
 * Every window we open, the workspace and the hidden print window, comes from here: one literal
 * set of web preferences (which is also what Electronegativity reads), and navigation locked.
 */
export function createSecureWindow(
  options: Omit<Electron.BrowserWindowConstructorOptions, 'webPreferences'>,
  preloadPath: string,
  role: Exclude<SenderWindow, 'unknown'>,
): BrowserWindow {
  const window = new BrowserWindow({
    ...options,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise try to open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: builtInSpellcheck(process.platform),
    },
  });
  roles.set(window.webContents, role);
  return window;
}

/** No window of ours opens another window or navigates away from the app. */
export function lockNavigation(window: BrowserWindow, onExternal: (url: string) => void = () => {}): void {
  const contents = window.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    onExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    onExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export interface MainWindowOptions {
  preloadPath: string;
  /** Asked before the window closes; resolves true when it may close (nothing unsaved, or the user decided). */
  confirmClose: (window: BrowserWindow) => Promise<boolean>;
}

export function createMainWindow({ preloadPath, confirmClose }: MainWindowOptions): BrowserWindow {
  const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays().filter((d) => d.id !== screen.getPrimaryDisplay().id)];
  const state = restoreWindowState(
    savedWindowState(),
    displays.map((d) => d.workArea),
  );
  const window = createSecureWindow(
    {
      ...state.bounds,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      show: false,
      title: 'Briefing Desk',
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#f7f6f2',
    },
    preloadPath,
    'workspace',
  );
  if (state.maximized) window.maximize();

  lockNavigation(window, (url) => void offerExternal(window, url));

  let mayClose = false;
  window.on('close', (event) => {
    writeFileSync(windowStateFile(), JSON.stringify({ bounds: window.getNormalBounds(), maximized: window.isMaximized() }));
    if (mayClose) return;
    event.preventDefault();
    void confirmClose(window).then((ok) => {
      if (!ok) return;
      mayClose = true;
      window.close();
    });
  });

  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
