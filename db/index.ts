// The store's public face: what main, the CLI and the test hosts may use.
export { openStore, closeAsSingleFile, type Db } from './connection.ts';
export { APPLICATION_ID, SCHEMA_VERSION } from './migrations/index.ts';
export { readSchemaState } from './migrate.ts';
export { BriefStore } from './brief-store.ts';
export { BriefWriter } from './brief-writer.ts';
export { StoreError, type StoreErrorCode } from './errors.ts';
export { parseArticle, formatClaim } from './importer/article.ts';
export { importArticle, createEmptyBrief } from './importer/brief-import.ts';
export { importEmbeddedBrief } from './seed/index.ts';
export { openWorkspace, type Workspace } from './workspace.ts';
export { saveCopy } from './save-copy.ts';
export { mergeInto, resolveConflict, type MergeReport } from './merge.ts';
export { conflictViews, type ConflictView } from './merge-review.ts';
export { receiveBrief, spawnLauncher, RECEIVE_TIME_LIMIT_MS, type ReceivedBrief, type WorkerLauncher, type WorkerProcess } from './receive/receive.ts';
export type * from './model.ts';
export type { BriefEdit, HistoryState, Colour, Confidence } from './edits.ts';
