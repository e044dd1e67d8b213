import type { Migration } from './types.ts';

// Schema v2: what merging two copies of a brief needs.
// - Every item gets a revision id (`rev`), a fresh UUID each time it changes.
// - `row_ancestors` remembers the revisions an item has had before, so a merge can tell
//   "theirs descends from mine" (take theirs) from "both changed" (a conflict).
// - `merge_conflicts` keeps the other side's version of a conflicting item until the user decides.
// The table list is written out here, not read from tables.ts: a migration must produce the same
// schema forever, and later versions add item tables that do not exist yet at v2.
// prettier-ignore
const V2_ITEM_TABLES = ['brief', 'sources', 'themes', 'claims', 'citations', 'indicators', 'observations', 'notes', 'annotations', 'tags', 'note_tags'];

// Items of a v1 file get a revision derived from their timestamp, so two copies of one v1 file
// agree on it after migrating separately.
export const rowRevisions: Migration = {
  version: 2,
  name: 'row revisions, ancestors and merge conflicts',
  sql: `
${V2_ITEM_TABLES.map(
  (table) => `ALTER TABLE ${table} ADD COLUMN rev TEXT NOT NULL DEFAULT '';
UPDATE ${table} SET rev = 'v1:' || updated_at;`,
).join('\n')}

CREATE TABLE row_ancestors (
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  rev TEXT NOT NULL,
  PRIMARY KEY (table_name, row_id, rev)
) STRICT, WITHOUT ROWID;

CREATE TABLE merge_conflicts (
  id TEXT PRIMARY KEY NOT NULL,
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  mine_rev TEXT NOT NULL,
  theirs_rev TEXT NOT NULL,
  theirs_row TEXT NOT NULL,
  theirs_author TEXT NOT NULL,
  theirs_updated_at TEXT NOT NULL,
  received_from TEXT,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolution TEXT CHECK (resolution IS NULL OR resolution IN ('mine', 'theirs')),
  UNIQUE (table_name, row_id, theirs_rev)
) STRICT;
`,
};
