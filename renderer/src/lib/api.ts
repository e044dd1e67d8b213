// The renderer's only door to the main process. It reads `window.briefing` (exposed by the
// preload, or by the Chromium test host's init script) and turns each Result into a value
// or a typed ApiError carrying the main process's user-facing message.
import type {
  Api,
  BridgeApi,
  BriefEdit,
  Channel,
  ErrorCode,
  ExportFormat,
  ExportOptions,
  ExportProgress,
  FilesBridge,
  MenuCommandEvent,
  PrintSections,
  Result,
} from '../../../common/ipc/contract.ts';
import type { BriefPartName } from '../../../common/model.ts';

declare global {
  interface Window {
    briefing?: BridgeApi;
    briefingFiles?: FilesBridge<File>;
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode | 'no-bridge';
  /** The field of a refused edit, so a form can show the message next to it. */
  readonly field: string | undefined;
  constructor(code: ErrorCode | 'no-bridge', message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
  }
}

async function call<C extends Channel>(channel: C, ...args: Parameters<Api[C]>): Promise<ReturnType<Api[C]>> {
  const bridge = window.briefing;
  if (!bridge) {
    throw new ApiError(
      'no-bridge',
      'Briefing Desk cannot reach its store. Start it with "npm start" or "npm run preview", not by opening the page directly.',
    );
  }
  // Indexing a mapped type by a generic key loses the link between parameters and result; restore it.
  const method = bridge[channel] as unknown as (...a: Parameters<Api[C]>) => Promise<Result<ReturnType<Api[C]>>>;
  const result = await method(...args);
  if (!result.ok) throw new ApiError(result.code, result.message, result.field);
  return result.value as ReturnType<Api[C]>;
}

export const api = {
  appInfo: () => call('app:info'),
  preferences: () => call('preferences:get'),
  setPreferences: (preferences: { name: string; unit: string }) => call('preferences:set', preferences),
  getBrief: () => call('brief:get'),
  briefPart: (part: BriefPartName, offset: number) => call('brief:part', part, offset),
  documentState: () => call('document:state'),
  newBrief: (kind: 'blank' | 'article') => call('document:new', kind),
  open: () => call('document:open'),
  openRecent: (path: string) => call('document:open-recent', path),
  openPath: (path: string) => call('document:open-path', path),
  edit: (edit: BriefEdit) => call('brief:edit', edit),
  undo: () => call('history:undo'),
  redo: () => call('history:redo'),
  search: (query: string) => call('search:query', query),
  exportDefaults: () => call('export:defaults'),
  exportPreview: (options: ExportOptions) => call('export:preview', options),
  exportRun: (format: ExportFormat, options: ExportOptions) => call('export:run', format, options),
  exportWarm: (wanted: boolean) => call('export:warm', wanted),
  printDocument: () => call('print:document'),
  printReady: (snapshot: string | null, pages: Record<string, number> | null, sections: PrintSections | null) =>
    call('print:ready', snapshot, pages, sections),
  printFailed: (reason: string) => call('print:failed', reason),
  onExportProgress: (listener: (progress: ExportProgress) => void): (() => void) =>
    window.briefing?.on('export:progress', listener) ?? (() => {}),
  /** Commands from the native menu (Electron); returns the unsubscribe function. */
  onMenuCommand: (listener: (event: MenuCommandEvent) => void): (() => void) => window.briefing?.on('menu:command', listener) ?? (() => {}),
  /** The path of a dropped file, where the host can tell it (the Electron app), else null. */
  pathForFile: (file: File): string | null => window.briefingFiles?.pathForFile(file) || null,
  /** File > Import source…: the file dialog, then the isolated reader; null when the dialog was cancelled. */
  importSource: () => call('source:import'),
  /** A file dropped on the window, as base64 of its bytes (a page cannot give a path). */
  importSourceFile: (name: string, base64: string) => call('source:import-file', name, base64),
  /** Text pasted into the import dialog. */
  importSourceText: (text: string) => call('source:import-text', text),
  save: () => call('document:save'),
  saveAs: () => call('document:save-as'),
  revert: () => call('document:revert'),
  merge: () => call('document:merge'),
  conflicts: () => call('merge:conflicts'),
  resolve: (conflictId: string, choice: 'ours' | 'theirs') => call('merge:resolve', conflictId, choice),
};
