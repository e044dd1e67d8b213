import { schemaV1 } from './010-schema-v1.ts';
import { rowRevisions } from './020-row-revisions.ts';
import { searchIndex } from './030-search-index.ts';
import { annotationWorkspace } from './040-annotation-workspace.ts';
import { analyticJudgments } from './050-analytic-judgments.ts';
import { severalSources } from './060-several-sources.ts';
import type { Migration } from './types.ts';

// One file per schema version, numbered in tens (010, 020, ...) so a fix-up can slot in between.
// Append only: a released migration is never edited, because files in the wild were made by it.
export const MIGRATIONS: readonly Migration[] = [
  schemaV1,
  rowRevisions,
  searchIndex,
  annotationWorkspace,
  analyticJudgments,
  severalSources,
];

/** Our file-type identity in the SQLite header (offset 68): "BRFD". */
export const APPLICATION_ID = 0x42524644;

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
