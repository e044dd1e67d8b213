import type { CallbackResponse, OnBeforeRequestListenerDetails, Session, WebContents, WebRequest, WebRequestFilter } from 'electron';

// The default session's guards: permission handlers, the request filter and the spellchecker's settings.

type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
/** Permissions as Electron names them. */
export type Permission = Parameters<NonNullable<PermissionRequestHandler>>[1];
type BeforeRequestListener = (details: OnBeforeRequestListenerDetails, callback: (response: CallbackResponse) => void) => void;

class StandInWebRequest implements Pick<WebRequest, 'onBeforeRequest'> {
  listener: BeforeRequestListener | null = null;
  filter: WebRequestFilter | null = null;

  onBeforeRequest(listener: BeforeRequestListener | null): void;
  onBeforeRequest(filter: WebRequestFilter, listener: BeforeRequestListener | null): void;
  onBeforeRequest(first: WebRequestFilter | BeforeRequestListener | null, second?: BeforeRequestListener | null): void {
    if (typeof first === 'function' || first === null) {
      this.filter = null;
      this.listener = first;
    } else {
      this.filter = first;
      this.listener = second ?? null;
    }
  }
}

let nextRequestId = 1;

export class StandInSession implements Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setSpellCheckerEnabled'
  | 'isSpellCheckerEnabled'
  | 'setSpellCheckerDictionaryDownloadURL'
> {
  readonly webRequest = new StandInWebRequest();
  permissionRequestHandler: PermissionRequestHandler = null;
  permissionCheckHandler: PermissionCheckHandler = null;
  /** Where Chromium would download Hunspell dictionaries from; null while the shell has not changed Electron's default (Google's CDN). */
  dictionaryDownloadURL: string | null = null;
  #spellchecker = true;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }

  setSpellCheckerEnabled(enable: boolean): void {
    this.#spellchecker = enable;
  }

  isSpellCheckerEnabled(): boolean {
    return this.#spellchecker;
  }

  setSpellCheckerDictionaryDownloadURL(url: string): void {
    // Electron throws for a string that is not a URL.
    new URL(url);
    this.dictionaryDownloadURL = url;
  }

  /** A page asks for a permission; resolves with the answer (Electron grants it when no handler is set). */
  requestPermission(contents: WebContents, permission: Permission, requestingUrl: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, permission, resolve, { isMainFrame: true, requestingUrl }));
  }

  /** A page checks a permission synchronously (Electron allows it when no handler is set). */
  checkPermission(contents: WebContents | null, permission: Permission, requestingOrigin: string): boolean {
    const handler = this.permissionCheckHandler;
    return handler ? handler(contents, permission, requestingOrigin, { isMainFrame: true, requestingUrl: requestingOrigin }) : true;
  }

  /** A request leaves a page; resolves with the filter's answer (let through when no filter is set). */
  request(url: string, resourceType: OnBeforeRequestListenerDetails['resourceType'] = 'xhr'): Promise<CallbackResponse> {
    const listener = this.webRequest.listener;
    if (!listener) return Promise.resolve({});
    const details = {
      id: nextRequestId++,
      url,
      method: 'GET',
      resourceType,
      referrer: '',
      timestamp: Date.now(),
      uploadData: [],
    } satisfies OnBeforeRequestListenerDetails;
    return new Promise((resolve) => listener(details, resolve));
  }
}
