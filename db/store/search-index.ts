import type { Db } from './db.ts';

// What goes into the search index, per table: one place says which text of an item is searched.
// The bulk writers (import, receive, merge) fill the whole index from it (migration 030 keeps its own frozen copy);
// single edits re-index their one item from the same SELECTs.
const INDEXED = {
  claims: "SELECT 'claim', id, text FROM claims WHERE deleted_at IS NULL",
  notes: "SELECT 'note', id, body FROM notes WHERE deleted_at IS NULL",
  annotations: "SELECT 'annotation', id, quote_exact || ' ' || coalesce(comment, '') FROM annotations WHERE deleted_at IS NULL",
  indicators: "SELECT 'indicator', id, name || ' ' || unit FROM indicators WHERE deleted_at IS NULL",
  sources:
    "SELECT 'source', id, title_original || ' ' || coalesce(title_translation, '') || ' ' || publisher FROM sources WHERE deleted_at IS NULL",
  // Schema v5: the analyst's answer. The brief row is indexed for its bottom line only (the title is the source's headline).
  judgments: "SELECT 'judgment', id, text FROM judgments WHERE deleted_at IS NULL",
  brief: "SELECT 'bottomLine', id, bottom_line FROM brief WHERE deleted_at IS NULL AND bottom_line IS NOT NULL",
} as const;

export type IndexedTable = keyof typeof INDEXED;

export const isIndexedTable = (table: string): table is IndexedTable => Object.hasOwn(INDEXED, table);

const SEARCH_INDEX_FILL = `INSERT INTO search_index (kind, item_id, text) ${Object.values(INDEXED).join(' UNION ALL ')};`;

/** Rebuilds the whole index; cheap next to the writes that call it (about a second for 100k items). */
export function rebuildSearchIndex(db: Db): void {
  db.transaction(() => {
    db.exec('DELETE FROM search_index');
    db.exec(SEARCH_INDEX_FILL);
  })();
}

/** Keeps single items' entries in step with edits; statements prepared once per connection. */
export class SearchIndexer {
  readonly #remove;
  readonly #add;

  constructor(db: Db) {
    this.#remove = db.prepare('DELETE FROM search_index WHERE item_id = ?');
    this.#add = Object.fromEntries(
      Object.entries(INDEXED).map(([table, select]) => [
        table,
        db.prepare(`INSERT INTO search_index (kind, item_id, text) ${select} AND id = ?`),
      ]),
    ) as Record<IndexedTable, ReturnType<Db['prepare']>>;
  }

  /** Re-reads one item into the index (a deleted item simply drops out). */
  reindex(table: IndexedTable, id: string): void {
    this.#remove.run(id);
    this.#add[table].run(id);
  }
}
