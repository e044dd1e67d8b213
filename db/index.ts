// The store's public face: what main, the CLI and the test hosts may use.
export { openStore, closeAsSingleFile, type Db } from './connection.ts';
export { APPLICATION_ID, SCHEMA_VERSION } from './migrations/index.ts';
export { readSchemaState } from './migrate.ts';
export { BriefStore } from './brief-store.ts';
export { StoreError } from './errors.ts';
export { parseArticle, formatClaim } from './importer/article.ts';
export { importArticle } from './importer/brief-import.ts';
export { importEmbeddedBrief } from './seed/index.ts';
export { openWorkspace } from './workspace.ts';
export type * from './model.ts';
