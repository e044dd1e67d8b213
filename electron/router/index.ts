import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { WorkerLauncher } from '../../db/index.ts';
import { APP_NAME } from '../policy/paths.ts';
import type { AppInfo, DocumentState } from '../ipc/contract.ts';
import { DocumentSession, type Dialogs } from './documents.ts';
import { createHandlers } from './handlers.ts';
import { createRouter, type Router } from './router.ts';

export { createRouter, type Router, type Sender } from './router.ts';
export type { Dialogs } from './documents.ts';

export interface AppBackend {
  router: Router;
  documents: DocumentSession;
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

export interface BackendOptions {
  userData: string;
  host: AppInfo['host'];
  version: string;
  dialogs: Dialogs;
  receiveWorker: WorkerLauncher;
  onDocumentChange?: (state: DocumentState) => void;
}

/** Opens the user's document (the last one, or the embedded brief) and builds the router over it. Used by both hosts. */
export function startBackend(options: BackendOptions): AppBackend {
  mkdirSync(options.userData, { recursive: true });
  const author = defaultAuthor();
  const documents = new DocumentSession({
    userData: options.userData,
    author,
    dialogs: options.dialogs,
    receiveWorker: options.receiveWorker,
    ...(options.onDocumentChange ? { onChange: options.onDocumentChange } : {}),
  });
  const router = createRouter(createHandlers({ documents, info: { name: APP_NAME, version: options.version, storePath: documents.workspace.db.name, host: options.host, author } }));
  return { router, documents, close: () => documents.close() };
}
