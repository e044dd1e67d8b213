import type { Statement } from 'better-sqlite3';
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

// Where an item's entry stands. search_index is FTS5 and its item_id column is UNINDEXED, so
// "DELETE … WHERE item_id = ?" reads every entry: 30 ms at 100,000 items, on every edit. Instead each
// entry is written at a rowid derived from its item's own row, rowid of the row + the table's place in
// INDEXED × 2^40 (the tables' entries in the order the bulk fill wrote them before, claims first), so
// an edit finds its item's entry by rowid. Nothing relies on it blindly: an entry is removed there only
// if it names the item, and one written elsewhere (a file indexed by migration 030 or an older version,
// a row whose rowid a merge or VACUUM changed) is found the old way, by reading the index. No state is
// kept between edits, so a rolled-back transaction or another connection's write cannot mislead it.
const SPAN = 2 ** 40;
const TABLE_ORDER = Object.keys(INDEXED) as IndexedTable[];
const entryRowid = (table: IndexedTable) => `rowid + ${TABLE_ORDER.indexOf(table) * SPAN}`;
/** The table's SELECT with the entry's rowid in front of its kind, item id and text. */
const withRowid = (table: IndexedTable) => INDEXED[table].replace(/^SELECT /, `SELECT ${entryRowid(table)}, `);

const SEARCH_INDEX_FILL = `INSERT INTO search_index (rowid, kind, item_id, text) ${TABLE_ORDER.map(withRowid).join(' UNION ALL ')};`;

/** Whether a row in the state `before` had an entry (the WHERE clauses of INDEXED); unknown counts as yes. */
function hadEntry(table: IndexedTable, before: Readonly<Record<string, unknown>> | null | undefined): boolean {
  if (before === undefined) return true;
  return before !== null && before.deleted_at === null && (table !== 'brief' || before.bottom_line !== null);
}

/** Rebuilds the whole index; cheap next to the writes that call it (about a second for 100k items). */
export function rebuildSearchIndex(db: Db): void {
  db.transaction(() => {
    db.exec('DELETE FROM search_index');
    db.exec(SEARCH_INDEX_FILL);
  })();
}

/** Keeps single items' entries in step with edits; statements prepared once per connection. */
export class SearchIndexer {
  readonly #db: Db;
  readonly #removeAt;
  readonly #removeAnywhere;
  readonly #occupant;
  readonly #tables = new Map<IndexedTable, { entry: Statement; add: Statement; addAnywhere: Statement }>();

  constructor(db: Db) {
    this.#db = db;
    this.#removeAt = db.prepare('DELETE FROM search_index WHERE rowid = ? AND item_id = ?');
    this.#removeAnywhere = db.prepare('DELETE FROM search_index WHERE item_id = ?');
    this.#occupant = db.prepare('SELECT item_id FROM search_index WHERE rowid = ?').pluck();
  }

  #statements(table: IndexedTable) {
    let statements = this.#tables.get(table);
    if (!statements) {
      const add = INDEXED[table].replace(/^SELECT /, 'SELECT ?, ');
      statements = {
        entry: this.#db.prepare(`SELECT ${entryRowid(table)} FROM ${table} WHERE id = ?`).pluck(),
        add: this.#db.prepare(`INSERT INTO search_index (rowid, kind, item_id, text) ${add} AND id = ?`),
        addAnywhere: this.#db.prepare(`INSERT INTO search_index (kind, item_id, text) ${INDEXED[table]} AND id = ?`),
      };
      this.#tables.set(table, statements);
    }
    return statements;
  }

  /**
   * Re-reads one item into the index (a deleted item simply drops out). `before` is the row as it was
   * before this write, null for a new row, left out when unknown: a row that had no entry (new, a
   * tombstone, a brief without a bottom line) needs none looked for when its place is empty.
   */
  reindex(table: IndexedTable, id: string, before?: Readonly<Record<string, unknown>> | null): void {
    const s = this.#statements(table);
    const rowid = s.entry.get(id) as number | undefined;
    const removed = rowid === undefined ? 0 : this.#removeAt.run(rowid, id).changes;
    if (removed === 0 && hadEntry(table, before)) this.#removeAnywhere.run(id);
    if (rowid !== undefined && this.#occupant.get(rowid) === undefined) s.add.run(rowid, id);
    // Its place is taken by another item's entry, written before this layout: any free rowid will do.
    else s.addAnywhere.run(id);
  }
}
