import type { Db } from './connection.ts';
import { newId, now } from './clock.ts';
import { StoreError } from './errors.ts';
import type { ItemTable } from './tables.ts';
import { SearchIndexer } from './search-index.ts';

export type NoteTarget = 'brief' | 'theme' | 'claim' | 'indicator' | 'source';

/**
 * Edits to a brief. Each one is its own transaction (committed when the call returns, so a
 * crash afterwards loses nothing) and gives the item a new revision, remembering the old one
 * as an ancestor, which is what lets a merge tell one-sided changes from conflicts.
 */
export class BriefWriter {
  readonly #db: Db;
  readonly #author: string;
  readonly #s;
  readonly #index: SearchIndexer;

  constructor(db: Db, author: string) {
    this.#db = db;
    this.#author = author;
    this.#index = new SearchIndexer(db);
    this.#s = {
      briefId: db.prepare('SELECT id FROM brief WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1').pluck(),
      addNote: db.prepare(`INSERT INTO notes (id, rev, created_at, updated_at, author, brief_id, target_kind, target_id, body)
        VALUES (@id, @rev, @now, @now, @author, @brief_id, @target_kind, @target_id, @body)`),
      remember: db.prepare('INSERT OR IGNORE INTO row_ancestors (table_name, row_id, rev) VALUES (?, ?, ?)'),
      revOf: Object.fromEntries(
        (['notes', 'claims'] as const).map((table) => [table, db.prepare(`SELECT rev FROM ${table} WHERE id = ? AND deleted_at IS NULL`).pluck()]),
      ) as Record<'notes' | 'claims', ReturnType<Db['prepare']>>,
      updateNote: db.prepare('UPDATE notes SET body = @body, rev = @rev, updated_at = @now, author = @author WHERE id = @id'),
      deleteNote: db.prepare('UPDATE notes SET deleted_at = @now, rev = @rev, updated_at = @now, author = @author WHERE id = @id'),
      updateClaim: db.prepare('UPDATE claims SET text = @text, rev = @rev, updated_at = @now, author = @author WHERE id = @id'),
    };
  }

  #briefId(): string {
    const id = this.#s.briefId.get() as string | undefined;
    if (!id) throw new StoreError('not-found', 'This store holds no brief to add to.');
    return id;
  }

  /** Starts a new revision of an existing item; returns the values every update sets. */
  #revise(table: 'notes' | 'claims', id: string) {
    const previous = this.#s.revOf[table].get(id) as string | undefined;
    if (previous === undefined) throw new StoreError('not-found', `That ${table === 'notes' ? 'note' : 'claim'} no longer exists.`);
    this.#s.remember.run(table satisfies ItemTable, id, previous);
    return { id, rev: newId(), now: now(), author: this.#author };
  }

  addNote(input: { targetKind: NoteTarget; targetId: string | null; body: string }): string {
    const id = newId();
    this.#db.transaction(() => {
      this.#s.addNote.run({ id, rev: newId(), now: now(), author: this.#author, brief_id: this.#briefId(), target_kind: input.targetKind, target_id: input.targetId, body: input.body });
      this.#index.reindex('notes', id);
    })();
    return id;
  }

  updateNote(id: string, body: string): void {
    this.#db.transaction(() => {
      this.#s.updateNote.run({ ...this.#revise('notes', id), body });
      this.#index.reindex('notes', id);
    })();
  }

  /** Deleting leaves a tombstone, so a merge with an older copy does not bring the note back. */
  deleteNote(id: string): void {
    this.#db.transaction(() => {
      this.#s.deleteNote.run(this.#revise('notes', id));
      this.#index.reindex('notes', id);
    })();
  }

  updateClaimText(id: string, text: string): void {
    this.#db.transaction(() => {
      this.#s.updateClaim.run({ ...this.#revise('claims', id), text });
      this.#index.reindex('claims', id);
    })();
  }
}
