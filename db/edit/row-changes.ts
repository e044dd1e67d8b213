import { type Db, newId, now, isIndexedTable, prepared, SearchIndexer, type ItemTable } from '../store/index.ts';
import { StoreError } from '../../common/errors.ts';

// Every write of an edit, undo or redo goes through here, one row at a time, so that:
// - each changed row gets a new revision with the old one remembered as an ancestor (what merge needs),
// - the row's full state before and after is recorded (what undo and redo need),
// - the search index follows the row.
// Table names come from ItemTable and column names from the table itself, never from input.

export type Row = Record<string, string | number | null>;

export interface RowChange {
  table: ItemTable;
  id: string;
  /** The row before the edit; null when the edit created it. */
  before: Row | null;
  after: Row;
  /** A change of layout only (a position, the item's order kept): written, undone and redone with the row's own author and time. */
  layout?: true;
}

/** Columns that say who changed a row and when; written fresh on every change, never restored. */
const STAMP = new Set(['id', 'rev', 'created_at', 'updated_at', 'author']);

export class RowChanges {
  readonly #db: Db;
  readonly #author: string;
  readonly #index: SearchIndexer;
  readonly #columns = new Map<ItemTable, string[]>();
  #changes: RowChange[] = [];

  constructor(db: Db, author: string) {
    this.#db = db;
    this.#author = author;
    this.#index = new SearchIndexer(db);
  }

  #prepare(sql: string) {
    return prepared(this.#db, sql);
  }

  columns(table: ItemTable): string[] {
    let columns = this.#columns.get(table);
    if (!columns) {
      columns = (this.#db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      this.#columns.set(table, columns);
    }
    return columns;
  }

  read(table: ItemTable, id: string): Row | undefined {
    return this.#prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  }

  /**
   * The live row, or a not-found error naming what is missing (it may have been deleted meanwhile);
   * `field`, when given, is the field of the edit that named it.
   */
  live(table: ItemTable, id: string, what: string, field?: string): Row {
    const row = this.read(table, id);
    if (!row || row.deleted_at !== null)
      throw new StoreError('not-found', `That ${what} no longer exists; it may have been deleted.`, field);
    return row;
  }

  /** Starts collecting the changes of one edit. */
  begin(): void {
    this.#changes = [];
  }

  /** The changes collected since begin(). */
  take(): RowChange[] {
    const changes = this.#changes;
    this.#changes = [];
    return changes;
  }

  /** Adds a row; its id is new unless the caller fixes one (the palette's one id per colour). */
  insert(table: ItemTable, values: Row): string {
    const id = typeof values.id === 'string' ? values.id : newId();
    const time = now();
    const row: Row = { ...values, id, rev: newId(), created_at: time, updated_at: time, author: this.#author };
    const names = Object.keys(row).filter((name) => this.columns(table).includes(name));
    this.#prepare(`INSERT INTO ${table} (${names.map((n) => `"${n}"`).join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(
      Object.fromEntries(names.map((n) => [n, row[n]])),
    );
    if (isIndexedTable(table)) this.#index.reindex(table, id, null);
    this.#record(table, id, null);
    return id;
  }

  /** Writes `patch` over the row as a new revision. */
  update(table: ItemTable, id: string, patch: Row): void {
    const before = this.read(table, id);
    if (!before) throw new StoreError('not-found', 'That item no longer exists.');
    this.#write(table, before, patch);
    this.#record(table, id, before);
  }

  /**
   * Writes a new position of a row, its order among its siblings unchanged, as a new revision
   * (what merge needs) that keeps the row's author and time: spreading items out to make room
   * for a move is not an edit of them, and must not show them as edited by whoever moved another.
   */
  relayout(table: ItemTable, id: string, patch: Row): void {
    const before = this.read(table, id);
    if (!before) throw new StoreError('not-found', 'That item no longer exists.');
    this.#write(table, before, patch, true);
    this.#record(table, id, before, true);
  }

  /** Deleting leaves a tombstone, so a merge with an older copy does not bring the item back. */
  remove(table: ItemTable, id: string): void {
    this.update(table, id, { deleted_at: now() });
  }

  /**
   * Moves a row from the state `from` to the state `to` (undo: after to before; redo: before to
   * after), provided it is still as `from` says: nothing else (a merge) changed it meanwhile.
   * A null state is "not there yet": the row exists as a tombstone.
   */
  restore(table: ItemTable, id: string, from: Row | null, to: Row | null, layout = false): void {
    const current = this.read(table, id);
    if (!current || !sameContent(current, from)) throw new StoreError('cannot-undo', 'changed since');
    this.#write(
      table,
      current,
      to ? Object.fromEntries(Object.entries(to).filter(([name]) => !STAMP.has(name))) : { deleted_at: now() },
      layout,
    );
  }

  /** `layout`: a change of position only, which keeps the row's author and time (see relayout). */
  #write(table: ItemTable, current: Row, patch: Row, layout = false): void {
    const names = Object.keys(patch).filter((name) => !STAMP.has(name) && this.columns(table).includes(name));
    const rev = newId();
    this.#prepare('INSERT OR IGNORE INTO row_ancestors (table_name, row_id, rev) VALUES (?, ?, ?)').run(table, current.id, current.rev);
    this.#prepare(
      `UPDATE ${table} SET ${[...names.map((n) => `"${n}" = @${n}`), 'rev = @rev', 'updated_at = @updated_at', 'author = @author'].join(', ')} WHERE id = @id`,
    ).run({
      ...Object.fromEntries(names.map((n) => [n, patch[n]])),
      id: current.id,
      rev,
      updated_at: layout ? current.updated_at : now(),
      author: layout ? current.author : this.#author,
    });
    if (isIndexedTable(table)) this.#index.reindex(table, current.id as string, current);
  }

  #record(table: ItemTable, id: string, before: Row | null, layout = false): void {
    const after = this.read(table, id)!;
    this.#changes.push(layout ? { table, id, before, after, layout } : { table, id, before, after });
  }
}

/** Whether a row holds what `expected` says, stamps aside; null expects a tombstone. Deletion times need not agree. */
function sameContent(current: Row, expected: Row | null): boolean {
  if (expected === null) return current.deleted_at !== null;
  return Object.entries(expected).every(([name, value]) =>
    STAMP.has(name) ? true : name === 'deleted_at' ? (value === null) === (current.deleted_at === null) : current[name] === value,
  );
}
