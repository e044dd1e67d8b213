// The IPC contract: every channel between the renderer and the main process, declared once.
// Types only. Main's router, the preload bridge, the Chromium test host and the renderer's
// API module are all derived from this and from the runtime list in channels.ts.
// Values must be plain JSON data: the Chromium host carries them as JSON.
import type { Brief } from '../../db/model.ts';
import type { StoreErrorCode } from '../../db/errors.ts';

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  /** Where the working store lives, so the user can find (and back up) their data. */
  storePath: string;
  host: 'electron' | 'chromium';
  author: string;
}

export type Api = {
  'app:info': () => AppInfo;
  /** The open brief, or null when the store holds none. */
  'brief:get': () => Brief | null;
};

export type Channel = keyof Api;

export type ErrorCode = 'bad-request' | 'forbidden' | 'internal' | 'cancelled' | StoreErrorCode;

export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

/** What `window.briefing` offers: one method per channel, each answering with a Result. */
export type BridgeApi = { [C in Channel]: (...args: Parameters<Api[C]>) => Promise<Result<ReturnType<Api[C]>>> };
