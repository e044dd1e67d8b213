import { SCHEMA_VERSION } from '../../../db/store/index.ts';
import type { AppInfo } from '../../../common/ipc/contract.ts';
import { LIMITS } from '../../../common/limits.ts';
import type { DocumentSession, Preferences } from '../documents/index.ts';
import type { ExportService } from '../exports/index.ts';
import type { SourceImports } from '../sources/index.ts';
import type { Handlers } from './router.ts';

export interface HandlerContext {
  documents: DocumentSession;
  exports: ExportService;
  preferences: Preferences;
  sources: SourceImports;
  info: Omit<AppInfo, 'schemaVersion' | 'author'>;
}

/** The router's handlers over the open document; identical in the Electron and Chromium hosts. */
export function createHandlers({ documents, exports, preferences, sources, info }: HandlerContext): Handlers {
  return {
    'app:info': () => ({ ...info, author: preferences.author, storePath: documents.workspace.db.name, schemaVersion: SCHEMA_VERSION }),
    'preferences:get': () => preferences.view(),
    'preferences:set': (input) => preferences.set(input),
    'brief:get': () => documents.workspace.briefs.getOpening(),
    'brief:part': (part, offset) => documents.workspace.briefs.getPart(part, offset, LIMITS.part[part]),
    'document:state': () => documents.state(),
    'document:new': (kind) => documents.newBrief(kind),
    'document:open': () => documents.open(),
    'document:open-recent': (path) => documents.openRecent(path),
    'document:open-path': (path) => documents.openPath(path),
    'document:save': () => documents.save(),
    'document:save-as': () => documents.saveAs(),
    'document:revert': () => documents.revert(),
    'document:merge': () => documents.merge(),
    'merge:conflicts': () => documents.conflicts(),
    'merge:resolve': (conflictId, choice) => documents.resolve(conflictId, choice),
    'brief:edit': (edit) => {
      // An added source must name the file this process read for it, not one the page makes up.
      if (edit.kind !== 'source.add') return documents.edit(edit);
      sources.checkReceipt(edit);
      const outcome = documents.edit(edit);
      sources.spend(edit.receipt);
      return outcome;
    },
    'history:undo': () => documents.undo(),
    'history:redo': () => documents.redo(),
    'search:query': (query) => documents.search(query),
    'source:import': () => sources.importFromDialog(),
    'source:import-file': (name, base64) => sources.importFile(name, base64),
    'source:import-text': (text) => sources.importText(text),
    'export:defaults': () => exports.defaults(),
    'export:preview': (options) => exports.preview(options),
    'export:run': (format, options) => exports.run(format, options),
    'export:warm': (wanted) => exports.warm(wanted),
    'print:document': () => exports.printDocument(),
    'print:ready': (snapshot, pages, sections) => exports.printReady(snapshot, pages, sections),
    'print:failed': (reason) => exports.printFailed(reason),
  };
}
