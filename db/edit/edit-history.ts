import { type Db, now, isItemTable } from '../store/index.ts';
import { StoreError } from '../../common/errors.ts';
import type { HistoryState } from '../../common/edits.ts';
import type { RowChange, RowChanges } from './row-changes.ts';

// Undo and redo for a brief, kept in the brief's working copy (table edit_history), so the
// history survives quitting and reopening. An entry is the rows one edit changed, before and
// after. Undo puts the "before" states back, redo the "after" states, each as a new revision,
// so a later merge sees them as ordinary edits. If something else (a merge) changed one of those
// rows since (its content is no longer the state the step starts from), the step is refused
// rather than overwrite that change.

/** Old entries beyond this are dropped; the newest are kept. */
export const HISTORY_LIMIT = 500;

export interface Entry {
  seq: number;
  label: string;
  changes: RowChange[];
}

export class EditHistory {
  readonly #db: Db;
  readonly #rows: RowChanges;
  readonly #s;

  constructor(db: Db, rows: RowChanges) {
    this.#db = db;
    this.#rows = rows;
    this.#s = {
      add: db.prepare('INSERT INTO edit_history (label, changes, undone, created_at) VALUES (?, ?, 0, ?)'),
      dropRedo: db.prepare('DELETE FROM edit_history WHERE undone = 1'),
      prune: db.prepare('DELETE FROM edit_history WHERE seq <= (SELECT max(seq) FROM edit_history) - ?'),
      lastDone: db.prepare('SELECT seq, label, changes FROM edit_history WHERE undone = 0 ORDER BY seq DESC LIMIT 1'),
      firstUndone: db.prepare('SELECT seq, label, changes FROM edit_history WHERE undone = 1 ORDER BY seq LIMIT 1'),
      mark: db.prepare('UPDATE edit_history SET undone = ? WHERE seq = ?'),
      dropUpTo: db.prepare('DELETE FROM edit_history WHERE seq <= ?'),
      drop: db.prepare('DELETE FROM edit_history WHERE seq = ?'),
    };
  }

  /** Records a new edit; whatever could have been redone is gone, as in every editor. Runs inside the edit's transaction. */
  record(label: string, changes: RowChange[]): void {
    if (changes.length === 0) return;
    this.#s.dropRedo.run();
    this.#s.add.run(label, JSON.stringify(changes), now());
    this.#s.prune.run(HISTORY_LIMIT);
  }

  state(): HistoryState {
    const done = this.#s.lastDone.get() as { label: string } | undefined;
    const undone = this.#s.firstUndone.get() as { label: string } | undefined;
    return { undo: done?.label ?? null, redo: undone?.label ?? null };
  }

  /** Takes back the latest edit; returns it, or null when there is nothing to undo. */
  undo(): Entry | null {
    return this.#step('undo');
  }

  redo(): Entry | null {
    return this.#step('redo');
  }

  #step(direction: 'undo' | 'redo'): Entry | null {
    const raw = (direction === 'undo' ? this.#s.lastDone : this.#s.firstUndone).get() as
      { seq: number; label: string; changes: string } | undefined;
    if (!raw) return null;
    const entry: Entry = { seq: raw.seq, label: raw.label, changes: parseChanges(raw.changes) };
    try {
      this.#db.transaction(() => {
        const changes = direction === 'undo' ? [...entry.changes].reverse() : entry.changes;
        for (const change of changes) {
          const layout = change.layout === true;
          if (direction === 'undo') this.#rows.restore(change.table, change.id, change.after, change.before, layout);
          else this.#rows.restore(change.table, change.id, change.before, change.after, layout);
        }
        this.#s.mark.run(direction === 'undo' ? 1 : 0, entry.seq);
      })();
    } catch (error) {
      if (!(error instanceof StoreError && error.code === 'cannot-undo')) throw error;
      // Older entries may build on this one, so they go too; the user is told why.
      if (direction === 'undo') this.#s.dropUpTo.run(entry.seq);
      else this.#s.dropRedo.run();
      throw new StoreError(
        'cannot-undo',
        `“${entry.label}” cannot be ${direction === 'undo' ? 'undone' : 'redone'}: a merge has changed ${entry.changes.length === 1 ? 'that item' : 'those items'} since. ` +
          `The ${direction === 'undo' ? 'earlier' : 'later'} undo history is cleared; your brief is unchanged.`,
      );
    }
    return entry;
  }
}

/** Entries are our own JSON, but a damaged one must not write anywhere it should not. */
function parseChanges(json: string): RowChange[] {
  const changes = JSON.parse(json) as RowChange[];
  if (
    !Array.isArray(changes) ||
    !changes.every((c) => isItemTable(c.table) && typeof c.id === 'string' && typeof c.after === 'object' && c.after !== null)
  ) {
    throw new StoreError('cannot-undo', 'This undo step is damaged and cannot be applied; your brief is unchanged.');
  }
  return changes;
}
