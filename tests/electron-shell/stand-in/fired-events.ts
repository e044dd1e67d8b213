import type {
  App,
  BrowserWindow,
  Event as ElectronEvent,
  NotificationResponse,
  UtilityProcess,
  WebContents,
  WebContentsWillNavigateEventParams,
  WebContentsWillRedirectEventParams,
  WebPreferences,
} from 'electron';

// The events the stand-in fires, with the arguments it fires them with. Node's typed
// EventEmitter holds the stand-in to these lists; `firedAsElectronTypesSay` holds the lists to
// Electron's own typings, so a change in what Electron passes a listener fails `tsc -b`.

export interface AppEvents {
  ready: [event: ElectronEvent, launchInfo: Record<string, unknown> | NotificationResponse];
  'second-instance': [event: ElectronEvent, argv: string[], workingDirectory: string, additionalData: unknown];
  'open-file': [event: ElectronEvent, path: string];
  'window-all-closed': [];
}

type NavigationArgs<Params extends object> = [
  details: ElectronEvent<Params>,
  url: string,
  isInPlace: boolean,
  isMainFrame: boolean,
  frameProcessId: number,
  frameRoutingId: number,
];

export interface WebContentsEvents {
  'will-navigate': NavigationArgs<WebContentsWillNavigateEventParams>;
  'will-redirect': NavigationArgs<WebContentsWillRedirectEventParams>;
  'will-attach-webview': [event: ElectronEvent, webPreferences: WebPreferences, params: Record<string, string>];
  'did-finish-load': [];
}

export interface WindowEvents {
  close: [event: ElectronEvent];
  closed: [];
  'ready-to-show': [];
}

export interface UtilityProcessEvents {
  spawn: [];
  exit: [code: number];
}

/** Compiles only while `value` may be passed where `Target` is expected. */
function assignable<Target>(value: Target): Target {
  return value;
}

/**
 * Compile-time only (never called): inside each listener, `typeof _args` is the parameter list
 * Electron's typings give that event, and the stand-in's list must be assignable to it.
 */
export function firedAsElectronTypesSay(
  electron: { app: App; contents: WebContents; window: BrowserWindow; child: UtilityProcess },
  fired: { app: AppEvents; contents: WebContentsEvents; window: WindowEvents; child: UtilityProcessEvents },
): void {
  const { app, contents, window, child } = electron;
  app.on('ready', (..._args) => assignable<typeof _args>(fired.app.ready));
  app.on('second-instance', (..._args) => assignable<typeof _args>(fired.app['second-instance']));
  app.on('open-file', (..._args) => assignable<typeof _args>(fired.app['open-file']));
  app.on('window-all-closed', (..._args) => assignable<typeof _args>(fired.app['window-all-closed']));
  contents.on('will-navigate', (..._args) => assignable<typeof _args>(fired.contents['will-navigate']));
  contents.on('will-redirect', (..._args) => assignable<typeof _args>(fired.contents['will-redirect']));
  contents.on('will-attach-webview', (..._args) => assignable<typeof _args>(fired.contents['will-attach-webview']));
  contents.on('did-finish-load', (..._args) => assignable<typeof _args>(fired.contents['did-finish-load']));
  window.on('close', (..._args) => assignable<typeof _args>(fired.window.close));
  window.on('closed', (..._args) => assignable<typeof _args>(fired.window.closed));
  window.on('ready-to-show', (..._args) => assignable<typeof _args>(fired.window['ready-to-show']));
  child.on('spawn', (..._args) => assignable<typeof _args>(fired.child.spawn));
  child.on('exit', (..._args) => assignable<typeof _args>(fired.child.exit));
}
