import {
  type Db,
  newId,
  now,
  ITEM_TABLES,
  isItemTable,
  type ItemTable,
  isIndexedTable,
  rebuildSearchIndex,
  SearchIndexer,
} from '../store/index.ts';
import type { MergeReport } from '../../common/model.ts';
import { StoreError } from '../../common/errors.ts';

// Merging a colleague's copy of a brief into ours. Items match by UUID; each has a revision
// and remembers its earlier revisions (row_ancestors), so for every item of theirs:
//   not in ours                        -> added (with its history)
//   same revision                      -> unchanged
//   theirs is an ancestor of ours      -> ours is newer: kept
//   ours is an ancestor of theirs      -> changed on their side only: taken
//   neither                            -> changed on both sides: a conflict, kept for review
// Deletions are tombstones (deleted_at) with a revision like any change, so an old undeleted
// copy never brings a deleted item back. The whole merge is one transaction.

export interface Conflict {
  id: string;
  table: ItemTable;
  rowId: string;
  ours: Record<string, unknown>;
  theirs: Record<string, unknown>;
  receivedFrom: string | null;
  createdAt: string;
}

type Row = Record<string, unknown> & { id: string; rev: string };

/** Our prepared statements per table, made once per merge. */
function tableStatements(db: Db, table: ItemTable) {
  const columns = (db.pragma(`main.table_info(${table})`) as { name: string }[]).map((c) => c.name);
  const list = columns.map((c) => `"${c}"`).join(', ');
  return {
    columns,
    theirs: db.prepare(`SELECT t.*, m.rev AS __ours_rev FROM theirs.${table} t LEFT JOIN main.${table} m ON m.id = t.id`),
    ours: db.prepare(`SELECT * FROM main.${table} WHERE id = ?`),
    insert: db.prepare(`INSERT INTO main.${table} (${list}) SELECT ${list} FROM theirs.${table} WHERE id = ?`),
    take: db.prepare(`UPDATE main.${table} SET (${list}) = (SELECT ${list} FROM theirs.${table} WHERE id = @id) WHERE id = @id`),
  };
}

export function mergeInto(db: Db, theirsPath: string, receivedFrom: string | null = null): MergeReport {
  const report: MergeReport = { added: 0, updated: 0, unchanged: 0, keptOurs: 0, conflicts: 0, authors: [] };
  const authors = new Set<string>();
  db.prepare('ATTACH DATABASE ? AS theirs').run(theirsPath);
  try {
    const ourBrief = db.prepare('SELECT id FROM main.brief ORDER BY created_at LIMIT 1').pluck().get() as string | undefined;
    const theirBrief = db.prepare('SELECT id FROM theirs.brief ORDER BY created_at LIMIT 1').pluck().get() as string | undefined;
    if (ourBrief && theirBrief && ourBrief !== theirBrief) {
      throw new StoreError(
        'not-a-brief',
        'That file is a different brief, not a copy of this one; merging only joins copies of the same brief. Open it on its own instead.',
      );
    }
    const isOurAncestor = db.prepare('SELECT 1 FROM main.row_ancestors WHERE table_name = ? AND row_id = ? AND rev = ?').pluck();
    const isTheirAncestor = db.prepare('SELECT 1 FROM theirs.row_ancestors WHERE table_name = ? AND row_id = ? AND rev = ?').pluck();
    const adoptHistory = db.prepare(
      'INSERT OR IGNORE INTO main.row_ancestors (table_name, row_id, rev) SELECT table_name, row_id, rev FROM theirs.row_ancestors WHERE table_name = ? AND row_id = ?',
    );
    const remember = db.prepare('INSERT OR IGNORE INTO main.row_ancestors (table_name, row_id, rev) VALUES (?, ?, ?)');
    const recordConflict = db.prepare(`INSERT OR IGNORE INTO main.merge_conflicts
      (id, table_name, row_id, mine_rev, theirs_rev, theirs_row, theirs_author, theirs_updated_at, received_from, created_at)
      VALUES (@id, @table_name, @row_id, @mine_rev, @theirs_rev, @theirs_row, @theirs_author, @theirs_updated_at, @received_from, @created_at)`);
    const tagByName = db.prepare('SELECT id FROM main.tags WHERE name = ? AND id <> ?').pluck();
    const tagLinkExists = db.prepare('SELECT 1 FROM main.note_tags WHERE note_id = ? AND tag_id = ?').pluck();

    db.transaction(() => {
      for (const table of ITEM_TABLES) {
        const s = tableStatements(db, table);
        for (const row of s.theirs.all() as (Row & { __ours_rev: string | null })[]) {
          const oursRev = row.__ours_rev;
          if (oursRev === null) {
            // Two copies may each have made a tag of the same name: keep one tag, not a UNIQUE error.
            if (table === 'tags' && tagByName.get(row.name, row.id)) continue;
            if (table === 'note_tags' && tagLinkExists.get(row.note_id, row.tag_id)) continue;
            s.insert.run(row.id);
            adoptHistory.run(table, row.id);
            report.added++;
            authors.add(String(row.author));
          } else if (oursRev === row.rev) {
            adoptHistory.run(table, row.id);
            report.unchanged++;
          } else if (isOurAncestor.get(table, row.id, row.rev)) {
            adoptHistory.run(table, row.id);
            report.keptOurs++;
          } else if (isTheirAncestor.get(table, row.id, oursRev)) {
            s.take.run({ id: row.id });
            adoptHistory.run(table, row.id);
            remember.run(table, row.id, oursRev);
            report.updated++;
            authors.add(String(row.author));
          } else {
            const { __ours_rev: _ignored, ...theirs } = row;
            const result = recordConflict.run({
              id: newId(),
              table_name: table,
              row_id: row.id,
              mine_rev: oursRev,
              theirs_rev: row.rev,
              theirs_row: JSON.stringify(theirs),
              theirs_author: String(row.author),
              theirs_updated_at: String(row.updated_at),
              received_from: receivedFrom,
              created_at: now(),
            });
            if (result.changes > 0) report.conflicts++;
            authors.add(String(row.author));
          }
        }
      }
      if (report.added + report.updated > 0) rebuildSearchIndex(db);
    })();
  } finally {
    db.exec('DETACH DATABASE theirs');
  }
  report.authors = [...authors].sort();
  return report;
}

/** Conflicts still waiting for the user, with both versions of the item. */
export function openConflicts(db: Db): Conflict[] {
  const rows = db
    .prepare(
      'SELECT id, table_name, row_id, theirs_row, received_from, created_at FROM merge_conflicts WHERE resolved_at IS NULL ORDER BY created_at, id',
    )
    .all() as { id: string; table_name: string; row_id: string; theirs_row: string; received_from: string | null; created_at: string }[];
  return rows.flatMap((row) => {
    if (!isItemTable(row.table_name)) return [];
    const ours = db.prepare(`SELECT * FROM ${row.table_name} WHERE id = ?`).get(row.row_id) as Record<string, unknown> | undefined;
    if (!ours) return [];
    return [
      {
        id: row.id,
        table: row.table_name,
        rowId: row.row_id,
        ours,
        theirs: JSON.parse(row.theirs_row) as Record<string, unknown>,
        receivedFrom: row.received_from,
        createdAt: row.created_at,
      },
    ];
  });
}

/**
 * Settles a conflict. "theirs" puts their version in place (their revision, their author);
 * "ours" keeps ours under a new revision. Either way both revisions become ancestors,
 * so merging the same file again changes nothing.
 */
export function resolveConflict(db: Db, conflictId: string, choice: 'ours' | 'theirs'): void {
  db.transaction(() => {
    const conflict = db.prepare('SELECT * FROM merge_conflicts WHERE id = ? AND resolved_at IS NULL').get(conflictId) as
      { table_name: string; row_id: string; mine_rev: string; theirs_rev: string; theirs_row: string } | undefined;
    if (!conflict || !isItemTable(conflict.table_name)) throw new StoreError('not-found', 'That conflict was already resolved.');
    const table = conflict.table_name;
    const current = db.prepare(`SELECT rev FROM ${table} WHERE id = ?`).pluck().get(conflict.row_id) as string | undefined;
    if (current === undefined) throw new StoreError('not-found', 'The item of that conflict no longer exists.');
    const remember = db.prepare('INSERT OR IGNORE INTO row_ancestors (table_name, row_id, rev) VALUES (?, ?, ?)');
    remember.run(table, conflict.row_id, conflict.theirs_rev);
    remember.run(table, conflict.row_id, current);
    if (choice === 'theirs') {
      const theirs = JSON.parse(conflict.theirs_row) as Record<string, unknown>;
      const columns = (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id');
      db.prepare(`UPDATE ${table} SET ${columns.map((c) => `"${c}" = @${c}`).join(', ')} WHERE id = @id`).run(
        Object.fromEntries([['id', conflict.row_id], ...columns.map((c) => [c, theirs[c] ?? null])]),
      );
      db.prepare('DELETE FROM row_ancestors WHERE table_name = ? AND row_id = ? AND rev = ?').run(
        table,
        conflict.row_id,
        conflict.theirs_rev,
      );
    } else {
      db.prepare(`UPDATE ${table} SET rev = ?, updated_at = ? WHERE id = ?`).run(newId(), now(), conflict.row_id);
    }
    db.prepare('UPDATE merge_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?').run(
      now(),
      choice === 'ours' ? 'mine' : 'theirs',
      conflictId,
    );
    if (choice === 'theirs' && isIndexedTable(table)) new SearchIndexer(db).reindex(table, conflict.row_id);
  })();
}
