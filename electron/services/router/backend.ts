import { mkdirSync } from 'node:fs';
import type { WorkerLauncher } from '../../../db/receive/index.ts';
import { APP_NAME } from '../policy/index.ts';
import type { AppInfo, DocumentState, EventName, Events } from '../../../common/ipc/contract.ts';
import { DocumentSession, Preferences, type Dialogs } from '../documents/index.ts';
import { createHandlers } from './handlers.ts';
import { ExportService, type Printer } from '../exports/index.ts';
import { SourceImports, type SourceDialogs } from '../sources/index.ts';
import { createRouter, type Router } from './router.ts';

export { createRouter, type Router, type Sender } from './router.ts';

export interface AppBackend {
  router: Router;
  documents: DocumentSession;
  exports: ExportService;
  close(): void;
}

export interface BackendOptions {
  userData: string;
  host: AppInfo['host'];
  version: string;
  dialogs: Dialogs & SourceDialogs;
  receiveWorker: WorkerLauncher;
  /** The import reader's process launcher (db/ingest's worker). */
  ingestWorker: WorkerLauncher;
  onDocumentChange?: (state: DocumentState) => void;
  /** Prints the print view (hidden window in Electron, background page in Chromium). */
  printer: Printer;
  /** Origins whose pages may use the router; the Electron app's own unless a host names its own. */
  trustedOrigins?: readonly string[];
  /** Sends one of main's events to the workspace page. */
  emit: <E extends EventName>(event: E, payload: Events[E]) => void;
}

/** Opens the user's document (the last one, or the embedded brief) and builds the router over it. Used by both hosts. */
export function startBackend(options: BackendOptions): AppBackend {
  mkdirSync(options.userData, { recursive: true });
  const preferences = new Preferences(options.userData);
  const documents = new DocumentSession({
    userData: options.userData,
    author: () => preferences.author,
    dialogs: options.dialogs,
    receiveWorker: options.receiveWorker,
    ...(options.onDocumentChange ? { onChange: options.onDocumentChange } : {}),
  });
  const exports = new ExportService({
    documents,
    dialogs: options.dialogs,
    printer: options.printer,
    author: () => preferences.byline,
    emit: (payload) => options.emit('export:progress', payload),
  });
  const sources = new SourceImports({ dialogs: options.dialogs, worker: options.ingestWorker });
  const info = { name: APP_NAME, version: options.version, storePath: documents.workspace.db.name, host: options.host };
  const router = createRouter(
    createHandlers({ documents, exports, preferences, sources, info }),
    options.trustedOrigins ? { trustedOrigins: options.trustedOrigins } : {},
  );
  return { router, documents, exports, close: () => documents.close() };
}
