// Over 350 lines on purpose: a merge is one transaction whose rules (matching, history, conflicts) are read together.
import { createHash } from 'node:crypto';
import {
  type Db,
  newId,
  now,
  ITEM_TABLES,
  isItemTable,
  type ItemTable,
  isIndexedTable,
  prepared,
  rebuildSearchIndex,
  SearchIndexer,
} from '../store/index.ts';
import type { Statement } from 'better-sqlite3';
import { readFailure } from '../files/index.ts';
import type { MergeReport } from '../../common/model.ts';
import { StoreError } from '../../common/errors.ts';
import { parseJsonObject } from '../../common/json-object.ts';

// Merging a colleague's copy of a brief into ours. Items match by UUID (and a tag by its name,
// a highlight colour by its colour: an older version, or another copy, may have made the same
// one under another id). Each item has a revision and remembers its earlier revisions
// (row_ancestors), so for every version of an item that their file holds:
//   not in ours                        -> added (with its history)
//   same revision                      -> unchanged
//   theirs is an ancestor of ours      -> ours is newer: kept
//   ours is an ancestor of theirs      -> changed on their side only: taken (with its history)
//   neither, and both say the same     -> both made the same change: joined as one version, the
//                                         one of the greater revision (every copy keeps the same),
//                                         descending from the other; nothing to review
//   neither                            -> changed on both sides: a conflict, kept for review
// Deletions are tombstones (deleted_at) with a revision like any change, so an old undeleted
// copy never brings a deleted item back. The whole merge is one transaction. It never aborts
// over a row it cannot place (a UNIQUE clash, a reference to an item neither copy holds): that
// row is kept for review as a conflict too, and any other failure is one sentence
// (StoreError), never SQLite's words, with our brief unchanged.
//
// An item's row and its open conflicts are the versions of it that nobody has joined yet, and
// a file hands on all of them: the versions waiting in the sender's conflicts are merged like
// the one in its row. A conflict is settled by itself (marked resolved, resolution left empty)
// once one of our versions descends from it or says the same, and a newer version of theirs
// replaces an older one it descends from. So copies that have received the same files hold the
// same versions, whatever order the files arrived in (merge.property.test.ts checks this).
//
// What a file says about history is believed only as far as it can be checked:
// - Ancestor rows travel with the revision they describe. A file's ancestors of an item are
//   taken only when we take that item's revision from it (added, taken) or when its version
//   says what ours says (joined as one change: the past of either is the past of both); when
//   we keep ours for any other reason (same revision, ours newer, conflict), its claims about
//   the item's past are ignored, and rows about items it does not carry are never read. So a
//   file cannot slip "this revision is already behind you" into our history for a revision it
//   does not itself hand over: a colleague's later edit of that item still arrives.
//   (What a join learns travels on with the item's next revision, not with the joined one: a
//   copy that already holds the revision we kept learns the other side's past only from that
//   side's file, and until then may show an old version of theirs as a conflict.)
// - A revision written later (updated_at) than one said to descend from it is not its
//   ancestor: time runs one way. So a file cannot make our current revision look superseded by
//   a row written before it, nor pass a colleague's later edit off as a past one; either way
//   both versions are kept as a conflict. (Clocks of two machines can disagree; when they
//   disagree by more than the time between a merge and the next edit, this shows a conflict a
//   person settles in one click. It never drops work.)
// - What this cannot catch: a file that carries a later revision of an item and lies about its
//   past (lists, as its ancestors, revisions written before it that it never had). Nothing in
//   a file tells such a lie from the truth; only signed revisions could.

export interface Conflict {
  id: string;
  table: ItemTable;
  rowId: string;
  /** Our version; null when this copy has no such item (their row could not be placed). */
  ours: Record<string, unknown> | null;
  theirs: Record<string, unknown>;
  receivedFrom: string | null;
  createdAt: string;
}

type Row = Record<string, unknown> & { id: string; rev: string };

/** Columns that say which revision a row is, and who wrote it when; not what it says. */
const STAMPS = new Set(['id', 'rev', 'created_at', 'updated_at', 'author']);

/**
 * Beyond this many rows written, the search index is rebuilt whole rather than row by row: each
 * row's entry is found by scanning the index (item_id is not indexed), so a few rows are cheaper
 * one by one and many are cheaper all at once.
 */
const REINDEX_LIMIT = 32;

/** Where a conflict keeps their version's history, inside the stored row (merge_conflicts.theirs_row). */
const HISTORY_KEY = '__ancestors';

/**
 * Items that are one item by what they name, not only by id: a second row with the same name would
 * break a UNIQUE index. Each with the columns that name it. (Writers derive these items' ids from
 * the same columns, so copies made by Briefing Desk meet by id; these catch a file that did not.)
 */
const NATURAL_KEYS: Partial<Record<ItemTable, readonly string[]>> = {
  tags: ['name'],
  note_tags: ['note_id', 'tag_id'],
  palette: ['colour'],
  evidence_links: ['judgment_id', 'target_kind', 'target_id'],
  citation_grades: ['source_id', 'marker'],
  export_settings: ['brief_id'],
  dismissed_figures: ['claim_id', 'quote'],
};

/** Each table's columns, read once per connection (the schema does not change under an open store). */
const COLUMNS = new WeakMap<Db, Map<ItemTable, string[]>>();
function columnsOf(db: Db, table: ItemTable): string[] {
  let tables = COLUMNS.get(db);
  if (!tables) COLUMNS.set(db, (tables = new Map()));
  let columns = tables.get(table);
  if (!columns) tables.set(table, (columns = (db.pragma(`main.table_info(${table})`) as { name: string }[]).map((c) => c.name)));
  return columns;
}

const INDEXERS = new WeakMap<Db, SearchIndexer>();
const indexerOf = (db: Db): SearchIndexer => INDEXERS.get(db) ?? INDEXERS.set(db, new SearchIndexer(db)).get(db)!;

/** Two versions of an item say the same thing: every column but the stamps, and deletion by whether, not when. */
function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const deleted = (row: Record<string, unknown>) => row.deleted_at !== null && row.deleted_at !== undefined;
  for (const column of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (STAMPS.has(column) || column === HISTORY_KEY) continue;
    if (column === 'deleted_at' ? deleted(a) !== deleted(b) : a[column] !== b[column]) return false;
  }
  return true;
}

/** Written later than `b`, by its own stamp: then it cannot be one of b's ancestors. */
const laterThan = (a: Row, b: Row): boolean =>
  typeof a.updated_at === 'string' && typeof b.updated_at === 'string' && a.updated_at > b.updated_at;

/**
 * A revision derived from two: a row that neither copy wrote but both make the same way (a
 * container brought back for an item that needs it), so a later merge sees nothing new.
 */
function joinedRevision(a: string, b: string): string {
  const hex = createHash('sha256').update([a, b].sort().join('\n')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A stored conflict's version of their row and its history; null when the stored text is damaged. */
function parseStored(json: string, rowId: string): { row: Row; ancestors: string[] } | null {
  const value = parseJsonObject(json);
  if (!value) return null;
  const { [HISTORY_KEY]: history, ...row } = value;
  if (row.id !== rowId || typeof row.rev !== 'string') return null;
  const ancestors = Array.isArray(history) ? history.filter((rev): rev is string => typeof rev === 'string') : [];
  return { row: row as Row, ancestors };
}

const isConstraintError = (error: unknown): boolean =>
  String((error as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_CONSTRAINT');

/** Any failure of a merge as one sentence; never SQLite's own words. */
function mergeFailure(error: unknown): StoreError {
  const known = readFailure(error);
  if (known) return known;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return new StoreError(
      'save-failed',
      'The disk is full, so the merge could not be written; this brief is unchanged. Free some space and try again.',
    );
  return new StoreError(
    'damaged',
    'That file could not be merged into this brief (it holds something a copy of it cannot); this brief is unchanged. Ask the sender for a fresh copy.',
  );
}

const differentBrief = () =>
  new StoreError(
    'not-a-brief',
    'That file is a different brief, not a copy of this one; merging only joins copies of the same brief. Open it on its own instead.',
  );

/** Refuses a file that is not a copy of our one brief: exactly one brief row, live, and ours. */
function checkSameBrief(db: Db): void {
  const ours = prepared(db, 'SELECT id FROM main.brief WHERE deleted_at IS NULL').pluck().all() as string[];
  if (ours.length !== 1) {
    throw new StoreError(
      'not-a-brief',
      'This copy does not hold exactly one brief, so there is nothing to merge into; open a brief first.',
    );
  }
  const theirs = prepared(db, 'SELECT id, deleted_at FROM theirs.brief').all() as { id: string; deleted_at: string | null }[];
  if (theirs.length === 1 && theirs[0]!.deleted_at === null && theirs[0]!.id === ours[0]) return;
  if (theirs.length === 1 && theirs[0]!.id !== ours[0]) throw differentBrief();
  throw new StoreError(
    'not-a-brief',
    `That file holds ${theirs.filter((b) => b.deleted_at === null).length === 0 ? 'no brief' : 'more than one brief'}, not one copy of this brief, so it cannot be merged; open it on its own instead.`,
  );
}

export function mergeInto(db: Db, theirsPath: string, receivedFrom: string | null = null): MergeReport {
  let attached = false;
  try {
    prepared(db, 'ATTACH DATABASE ? AS theirs').run(theirsPath);
    attached = true;
    checkSameBrief(db);
    return db.transaction(() => new Merge(db, receivedFrom).run())();
  } catch (error) {
    throw mergeFailure(error);
  } finally {
    if (attached) db.exec('DETACH DATABASE theirs');
  }
}

/** One merge of the attached file `theirs` into `main`, inside the caller's transaction. */
class Merge {
  readonly #db: Db;
  readonly #receivedFrom: string | null;
  readonly #report: MergeReport = { added: 0, updated: 0, unchanged: 0, keptOurs: 0, conflicts: 0, authors: [] };
  readonly #authors = new Set<string>();
  /** Their id of an item -> our id, where the two copies made the same item under two ids (an older version's tags). */
  readonly #sameItem = new Map<string, string>();
  /** Items whose row or history this merge changed: only their conflicts can have become settled. */
  readonly #changedItems = new Set<string>();
  /** Rows of ours this merge added or replaced, for the search index. */
  readonly #written: { table: ItemTable; id: string }[] = [];

  constructor(db: Db, receivedFrom: string | null) {
    this.#db = db;
    this.#receivedFrom = receivedFrom;
  }

  #sql(sql: string): Statement {
    return prepared(this.#db, sql);
  }

  #ourHistory(table: ItemTable, id: string): string[] {
    return this.#sql('SELECT rev FROM main.row_ancestors WHERE table_name = ? AND row_id = ?').pluck().all(table, id) as string[];
  }

  #remember(table: ItemTable, id: string, revs: Iterable<string>): void {
    this.#changedItems.add(`${table}/${id}`);
    const remember = this.#sql('INSERT OR IGNORE INTO main.row_ancestors (table_name, row_id, rev) VALUES (?, ?, ?)');
    for (const rev of revs) remember.run(table, id, rev);
  }

  #settle(conflictId: string): void {
    this.#sql('UPDATE main.merge_conflicts SET resolved_at = ? WHERE id = ? AND resolved_at IS NULL').run(now(), conflictId);
  }

  run(): MergeReport {
    this.#settleConflicts();
    // One pass over every table finds the rows whose revision differs from ours (or that we lack);
    // a copy merged again, or one with few changes, costs one query.
    const differing = this.#sql(
      ITEM_TABLES.map(
        (table, order) =>
          `SELECT ${order} AS tbl, t.id AS id FROM theirs.${table} t LEFT JOIN main.${table} m ON m.id = t.id WHERE m.rev IS NOT t.rev`,
      ).join(' UNION ALL '),
    ).all() as { tbl: number; id: string }[];
    const total = this.#sql(`SELECT ${ITEM_TABLES.map((table) => `(SELECT count(*) FROM theirs.${table})`).join(' + ')}`)
      .pluck()
      .get() as number;
    this.#report.unchanged += total - differing.length;
    for (const [order, table] of ITEM_TABLES.entries()) {
      const ids = differing.filter((row) => row.tbl === order).map((row) => row.id);
      if (ids.length === 0) continue;
      const read = this.#sql(
        `SELECT ${this.#columnsOf(table)
          .map((c) => `"${c}"`)
          .join(', ')} FROM theirs.${table} WHERE id = ?`,
      );
      for (const id of ids) this.#mergeRow(table, read.get(id) as Row);
    }
    this.#mergeTheirConflicts();
    this.#keepContainers();
    this.#settleConflicts(this.#changedItems);
    // The search index follows the rows we wrote: item by item for a few, rebuilt whole for many.
    if (this.#written.length > REINDEX_LIMIT) rebuildSearchIndex(this.#db);
    else if (this.#written.length > 0) {
      const indexer = indexerOf(this.#db);
      for (const { table, id } of this.#written) if (isIndexedTable(table)) indexer.reindex(table, id);
    }
    this.#report.authors = [...this.#authors].sort();
    return this.#report;
  }

  /**
   * Nothing is lost silently: a live item under a container this copy deleted (a colleague's claim
   * added to a theme whose whole source was taken back with Undo) would be hidden with it, so the
   * container comes back. Its row is a new version made from its tombstone and the latest item that
   * needs it (their revisions joined, that item's author and time), so both copies of a merge make
   * the same row and a later merge sees nothing new. Claims keep themes, then themes keep sources.
   */
  #keepContainers(): void {
    const links = [
      ['claims', 'theme_id', 'themes'],
      ['themes', 'source_id', 'sources'],
    ] as const;
    for (const [item, column, container] of links) {
      const needed = this.#sql(
        `SELECT p.id, c.rev AS item_rev, c.updated_at AS item_at, c.author AS item_author
        FROM main.${item} c JOIN main.${container} p ON p.id = c.${column}
        WHERE c.deleted_at IS NULL AND p.deleted_at IS NOT NULL
        ORDER BY p.id, c.updated_at DESC, c.rev DESC`,
      ).all() as { id: string; item_rev: string; item_at: string; item_author: string }[];
      const revived = new Set<string>();
      for (const need of needed) {
        if (revived.has(need.id)) continue;
        revived.add(need.id);
        const tombstone = this.#ours(container, need.id)!;
        this.#write(container, need.id, {
          ...tombstone,
          rev: joinedRevision(tombstone.rev, need.item_rev),
          updated_at: need.item_at,
          author: need.item_author,
          deleted_at: null,
        });
        this.#remember(container, need.id, [tombstone.rev]);
        this.#written.push({ table: container, id: need.id });
        this.#report.updated++;
      }
    }
  }

  #columnsOf(table: ItemTable): string[] {
    return columnsOf(this.#db, table);
  }

  #ours(table: ItemTable, id: string): Row | undefined {
    return this.#sql(`SELECT * FROM main.${table} WHERE id = ?`).get(id) as Row | undefined;
  }

  /**
   * The versions their copy holds in open conflicts are versions of the item like the one in its
   * row: a file hands on everything its sender holds, so a colleague's version that is waiting
   * in the sender's copy for a decision is not lost to us because the sender kept their own.
   */
  #mergeTheirConflicts(): void {
    const waiting = // Versions already waiting here under the same revision are left out up front (a copy merged again).
      (
        this.#sql(
          `SELECT t.table_name, t.row_id, t.theirs_rev, t.theirs_row FROM theirs.merge_conflicts t WHERE t.resolved_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM main.merge_conflicts m
          WHERE m.table_name = t.table_name AND m.row_id = t.row_id AND m.theirs_rev = t.theirs_rev AND m.resolved_at IS NULL)
        ORDER BY t.created_at, t.id`,
        ).all() as { table_name: string; row_id: string; theirs_rev: string; theirs_row: string }[]
      ).flatMap((conflict) => {
        const table = conflict.table_name;
        const stored = isItemTable(table) ? parseStored(conflict.theirs_row, conflict.row_id) : null;
        return stored && isItemTable(table) && stored.row.rev === conflict.theirs_rev ? [{ table, ...stored }] : [];
      });
    waiting.sort((a, b) => ITEM_TABLES.indexOf(a.table) - ITEM_TABLES.indexOf(b.table));
    for (const { table, row, ancestors } of waiting)
      this.#mergeRow(
        table,
        row,
        ancestors.filter((rev) => rev !== row.rev),
      );
  }

  /**
   * Merges one version of an item of theirs: its row, or a version waiting in one of their
   * conflicts, with the history stored with it.
   */
  #mergeRow(table: ItemTable, theirRow: Row, storedHistory?: string[]): void {
    const theirId = theirRow.id;
    const row: Row = { ...theirRow };
    // Their link to a tag we hold under another id points at ours.
    if (table === 'note_tags') row.tag_id = this.#sameItem.get(`tags/${String(row.tag_id)}`) ?? row.tag_id;
    let ours = this.#ours(table, row.id);
    const naturalKey = NATURAL_KEYS[table];
    if (!ours && naturalKey) {
      // The same item (a tag's name, a colour, a grade of one reference) under another id: their row is a version of ours.
      const twin = this.#sql(`SELECT * FROM main.${table} WHERE ${naturalKey.map((c) => `"${c}" = @${c}`).join(' AND ')}`).get(
        Object.fromEntries(naturalKey.map((c) => [c, row[c] ?? null])),
      ) as Row | undefined;
      if (twin) {
        this.#sameItem.set(`${table}/${theirId}`, twin.id);
        row.id = twin.id;
        ours = twin;
      }
    }
    const theirHistory =
      storedHistory ??
      (this.#sql('SELECT rev FROM theirs.row_ancestors WHERE table_name = ? AND row_id = ? AND rev <> ?')
        .pluck()
        .all(table, theirId, row.rev) as string[]);
    if (!ours) return this.#add(table, row, theirHistory);
    if (ours.rev === row.rev) {
      this.#report.unchanged++;
      return;
    }
    const ourHistory = new Set(this.#ourHistory(table, ours.id));
    if (ourHistory.has(row.rev) && !laterThan(row, ours)) {
      this.#report.keptOurs++;
      return;
    }
    if (theirHistory.includes(ours.rev) && !laterThan(ours, row)) return this.#take(table, ours, row, theirHistory);
    if (sameContent(ours, row)) {
      this.#join(table, ours, row, theirHistory);
      this.#report.unchanged++;
      return;
    }
    this.#conflict(table, ours, row, theirHistory);
  }

  #add(table: ItemTable, row: Row, history: string[]): void {
    const columns = this.#columnsOf(table);
    try {
      this.#sql(
        `INSERT INTO main.${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      ).run(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
    } catch (error) {
      if (!isConstraintError(error)) throw error;
      // It names something this copy does not hold, or clashes with an item we have: kept for review.
      return this.#conflict(table, null, row, history);
    }
    this.#remember(table, row.id, history);
    this.#written.push({ table, id: row.id });
    this.#report.added++;
    this.#authors.add(String(row.author));
  }

  #write(table: ItemTable, id: string, row: Row): void {
    const columns = this.#columnsOf(table).filter((c) => c !== 'id');
    this.#sql(`UPDATE main.${table} SET ${columns.map((c) => `"${c}" = @${c}`).join(', ')} WHERE id = @id`).run({
      ...Object.fromEntries(columns.map((c) => [c, row[c] ?? null])),
      id,
    });
  }

  #take(table: ItemTable, ours: Row, row: Row, history: string[]): void {
    try {
      this.#write(table, ours.id, row);
    } catch (error) {
      if (!isConstraintError(error)) throw error;
      return this.#conflict(table, ours, row, history);
    }
    this.#remember(table, ours.id, [...history, ours.rev]);
    this.#written.push({ table, id: ours.id });
    this.#report.updated++;
    this.#authors.add(String(row.author));
  }

  /**
   * Both sides made the same change under two revisions: one of the two versions stands for both,
   * the one of the greater revision (so every copy keeps the same, stamps and all), and descends
   * from the other. Not a third revision made from both: a colleague who has seen both versions
   * and edited on top of them must be seen to descend from the joined row (a revision only this
   * merge made is in nobody's history). Nothing to review.
   */
  #join(table: ItemTable, ours: Row, theirs: Row, history: string[]): void {
    if (theirs.rev > ours.rev) {
      try {
        this.#write(table, ours.id, { ...theirs, id: ours.id });
      } catch (error) {
        // Never expected (the two say the same), but a row that cannot be placed is kept for review, not a failed merge.
        if (!isConstraintError(error)) throw error;
        return this.#conflict(table, ours, theirs, history);
      }
    }
    const kept = theirs.rev > ours.rev ? theirs.rev : ours.rev;
    this.#remember(
      table,
      ours.id,
      [...history, ours.rev, theirs.rev].filter((rev) => rev !== kept),
    );
  }

  /** Keeps their version for review, unless it is already waiting, or a newer version of theirs is. */
  #conflict(table: ItemTable, ours: Row | null, theirs: Row, history: string[]): void {
    const waiting = this.#sql(
      'SELECT id, theirs_rev, theirs_row FROM main.merge_conflicts WHERE resolved_at IS NULL AND table_name = ? AND row_id = ?',
    ).all(table, theirs.id) as { id: string; theirs_rev: string; theirs_row: string }[];
    for (const conflict of waiting) {
      if (conflict.theirs_rev === theirs.rev) return;
      if (parseStored(conflict.theirs_row, theirs.id)?.ancestors.includes(theirs.rev)) return;
    }
    for (const conflict of waiting) if (history.includes(conflict.theirs_rev)) this.#settle(conflict.id);
    const result = this.#sql(
      `INSERT INTO main.merge_conflicts
        (id, table_name, row_id, mine_rev, theirs_rev, theirs_row, theirs_author, theirs_updated_at, received_from, created_at)
        VALUES (@id, @table_name, @row_id, @mine_rev, @theirs_rev, @theirs_row, @theirs_author, @theirs_updated_at, @received_from, @created_at)
        ON CONFLICT (table_name, row_id, theirs_rev) DO UPDATE SET mine_rev = excluded.mine_rev, theirs_row = excluded.theirs_row,
          received_from = excluded.received_from, created_at = excluded.created_at, resolved_at = NULL, resolution = NULL
        WHERE resolved_at IS NOT NULL`,
    ).run({
      id: newId(),
      table_name: table,
      row_id: theirs.id,
      mine_rev: ours?.rev ?? '',
      theirs_rev: theirs.rev,
      theirs_row: JSON.stringify({ ...theirs, [HISTORY_KEY]: history }),
      theirs_author: String(theirs.author),
      theirs_updated_at: String(theirs.updated_at),
      received_from: this.#receivedFrom,
      created_at: now(),
    });
    if (result.changes > 0) this.#report.conflicts++;
    this.#authors.add(String(theirs.author));
  }

  /**
   * Drops conflicts nobody needs to decide any more: damaged ones (kept as ours), those one of
   * our versions descends from, and those that say what our row now says (joined as one change).
   * `only`: the items to look at (those this merge changed); every item when not given.
   */
  #settleConflicts(only?: Set<string>): void {
    const open = this.#sql(
      'SELECT id, table_name, row_id, theirs_rev, theirs_row FROM main.merge_conflicts WHERE resolved_at IS NULL ORDER BY created_at, id',
    ).all() as { id: string; table_name: string; row_id: string; theirs_rev: string; theirs_row: string }[];
    for (const conflict of open) {
      if (only && !only.has(`${conflict.table_name}/${conflict.row_id}`)) continue;
      const table = conflict.table_name;
      const stored = isItemTable(table) ? parseStored(conflict.theirs_row, conflict.row_id) : null;
      if (!stored || !isItemTable(table)) {
        this.#settle(conflict.id);
        continue;
      }
      const ours = this.#ours(table, conflict.row_id);
      if (!ours) continue;
      if (
        conflict.theirs_rev === ours.rev ||
        (this.#ourHistory(table, ours.id).includes(conflict.theirs_rev) && !laterThan(stored.row, ours))
      ) {
        this.#settle(conflict.id);
      } else if (sameContent(ours, stored.row)) {
        this.#join(table, ours, stored.row, stored.ancestors);
        this.#settle(conflict.id);
      }
    }
  }
}

/** Conflicts still waiting for the user, with both versions of the item; a damaged stored version is left out. */
export function openConflicts(db: Db): Conflict[] {
  const rows = prepared(
    db,
    'SELECT id, table_name, row_id, theirs_row, received_from, created_at FROM main.merge_conflicts WHERE resolved_at IS NULL ORDER BY created_at, id',
  ).all() as { id: string; table_name: string; row_id: string; theirs_row: string; received_from: string | null; created_at: string }[];
  return rows.flatMap((row) => {
    if (!isItemTable(row.table_name)) return [];
    const stored = parseStored(row.theirs_row, row.row_id);
    if (!stored) return [];
    const ours =
      (prepared(db, `SELECT * FROM main.${row.table_name} WHERE id = ?`).get(row.row_id) as Record<string, unknown> | undefined) ?? null;
    return [
      {
        id: row.id,
        table: row.table_name,
        rowId: row.row_id,
        ours,
        theirs: stored.row,
        receivedFrom: row.received_from,
        createdAt: row.created_at,
      },
    ];
  });
}

/**
 * Settles a conflict. "theirs" puts their version in place (their words, their author); "ours"
 * keeps ours. Either way the row gets a new revision that descends from both versions and their
 * histories, so merging the same file again changes nothing, and copies that merge this
 * resolution see it as an ordinary, later edit.
 */
export function resolveConflict(db: Db, conflictId: string, choice: 'ours' | 'theirs'): void {
  db.transaction(() => {
    const conflict = prepared(db, 'SELECT * FROM merge_conflicts WHERE id = ? AND resolved_at IS NULL').get(conflictId) as
      { table_name: string; row_id: string; theirs_rev: string; theirs_row: string } | undefined;
    if (!conflict || !isItemTable(conflict.table_name)) throw new StoreError('not-found', 'That conflict was already resolved.');
    const table = conflict.table_name;
    const stored = parseStored(conflict.theirs_row, conflict.row_id);
    const settle = () =>
      prepared(db, 'UPDATE merge_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?').run(
        now(),
        choice === 'ours' ? 'mine' : 'theirs',
        conflictId,
      );
    if (!stored) {
      if (choice === 'ours') return settle();
      throw new StoreError('damaged', 'Their version of this item was stored damaged and cannot be put in place; keep yours instead.');
    }
    const columns = columnsOf(db, table);
    const remember = prepared(db, 'INSERT OR IGNORE INTO row_ancestors (table_name, row_id, rev) VALUES (?, ?, ?)');
    const current = prepared(db, `SELECT * FROM ${table} WHERE id = ?`).get(conflict.row_id) as Row | undefined;
    const cannotPlace = () =>
      new StoreError(
        'not-found',
        'Their version of this item refers to something this copy does not hold, so it cannot be put in place; keep yours instead.',
      );
    try {
      if (!current) {
        if (choice === 'ours') return settle();
        prepared(
          db,
          `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
        ).run(Object.fromEntries(columns.map((c) => [c, stored.row[c] ?? null])));
      } else {
        const base = choice === 'theirs' ? stored.row : current;
        const values: Record<string, unknown> = { ...base, id: conflict.row_id, rev: newId(), updated_at: now() };
        prepared(
          db,
          `UPDATE ${table} SET ${columns
            .filter((c) => c !== 'id')
            .map((c) => `"${c}" = @${c}`)
            .join(', ')} WHERE id = @id`,
        ).run(Object.fromEntries(columns.map((c) => [c, values[c] ?? null])));
        remember.run(table, conflict.row_id, current.rev);
        remember.run(table, conflict.row_id, conflict.theirs_rev);
      }
    } catch (error) {
      if (error instanceof StoreError || !isConstraintError(error)) throw error;
      throw cannotPlace();
    }
    for (const rev of stored.ancestors) remember.run(table, conflict.row_id, rev);
    settle();
    if (isIndexedTable(table)) indexerOf(db).reindex(table, conflict.row_id);
  })();
}
