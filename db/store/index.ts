// The store room: the SQLite file as an application file format. Opening and closing, the frozen
// migrations and the schema version, the item tables, stamps (ids and times), the search index's
// upkeep, Save's self-contained copy, and how a stored value is read back (the export settings'
// JSON). Every other room reaches the database through here.
export { openStore, closeAsSingleFile, type Db, type OpenOptions } from './connection.ts';
export { readSchemaState, migrate, assertOpenable, type SchemaState } from './migrate.ts';
export { APPLICATION_ID, SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';
export type { Migration } from './migrations/types.ts';
export { ITEM_TABLES, isItemTable, type ItemTable } from './tables.ts';
export { newId, now } from './clock.ts';
export { rebuildSearchIndex, SearchIndexer, isIndexedTable, type IndexedTable } from './search-index.ts';
export { saveCopy } from './save-copy.ts';
export { prepared } from './prepared.ts';
export { readExportSettings } from './export-settings.ts';
