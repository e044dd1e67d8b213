import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { openWorkspace } from '../../db/workspace.ts';
import { APP_NAME, STORE_FILE } from '../policy/paths.ts';
import type { AppInfo } from '../ipc/contract.ts';
import { createHandlers } from './handlers.ts';
import { createRouter, type Router } from './router.ts';

export { createRouter, type Router, type Sender } from './router.ts';

export interface AppBackend {
  router: Router;
  storePath: string;
  close(): void;
}

/** Who the app writes as: the OS account name, until the user sets a name of their own. */
export function defaultAuthor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Opens the user's working store in `userData` and builds the router over it. Used by both hosts. */
export function startBackend(options: { userData: string; host: AppInfo['host']; version: string }): AppBackend {
  mkdirSync(options.userData, { recursive: true });
  const storePath = join(options.userData, STORE_FILE);
  const author = defaultAuthor();
  const workspace = openWorkspace(storePath, author);
  const router = createRouter(createHandlers({ workspace, info: { name: APP_NAME, version: options.version, storePath, host: options.host, author } }));
  return { router, storePath, close: () => workspace.close() };
}
