import type { Migration } from './types.ts';

// Schema v4: what the annotation workspace needs.
// - An analyst's own assessment of a claim (confidence and a one-line judgement), kept on the
//   claim row so it merges and undoes with it.
// - `palette`: the meanings the user gives the highlight colours ("key fact", "doubtful"); a row
//   exists only once a meaning is renamed, with one fixed id per colour so two colleagues renaming
//   the same colour meet as one item in a merge.
// - `edit_history`: the undo/redo log of this working copy. Each entry holds the rows an edit
//   changed, before and after, as JSON. It is not an item table: it never merges and Save strips it.
export const annotationWorkspace: Migration = {
  version: 4,
  name: 'claim assessments, highlight palette, undo history',
  sql: `
ALTER TABLE claims ADD COLUMN confidence TEXT CHECK (confidence IS NULL OR confidence IN ('low', 'moderate', 'high'));
ALTER TABLE claims ADD COLUMN judgement TEXT;

CREATE TABLE palette (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  author TEXT NOT NULL,
  deleted_at TEXT,
  rev TEXT NOT NULL DEFAULT '',
  colour TEXT NOT NULL UNIQUE CHECK (colour IN ('yellow', 'green', 'red', 'blue')),
  meaning TEXT NOT NULL
) STRICT;

CREATE TABLE edit_history (
  seq INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  changes TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;
`,
};
