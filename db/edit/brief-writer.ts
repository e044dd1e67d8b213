import type { Db } from '../store/index.ts';
import { editLabel, type BriefEdit, type HistoryState } from '../../common/edits.ts';
import type { NoteTarget } from '../../common/vocabulary.ts';
import { EditContext } from './edit-context.ts';
import { EditHistory, type Entry } from './edit-history.ts';
import { applyEdit } from './kinds/index.ts';
import { RowChanges, type RowChange } from './row-changes.ts';

/** A row an edit, undo or redo changed: what BriefStore.getPatch turns into the view's patch. */
export interface TouchedRow {
  table: string;
  id: string;
}

/** What an edit did: the item it made or changed, how the Edit menu names it, and the rows it touched. */
export interface EditResult {
  id: string;
  label: string;
  touched: TouchedRow[];
}

/** What an undo or redo did; null from undo() or redo() means there was nothing to do. */
export interface StepResult {
  label: string;
  touched: TouchedRow[];
}

const touchedBy = (changes: readonly RowChange[]): TouchedRow[] => changes.map(({ table, id }) => ({ table, id }));

/**
 * Edits to a brief. Each one is its own transaction (committed when the call returns, so a crash
 * afterwards loses nothing), gives every row it touches a new revision (what merge needs) and is
 * recorded for undo. What each kind of edit writes lives in kinds/, one apply function per kind.
 */
export class BriefWriter {
  readonly #db: Db;
  readonly #rows: RowChanges;
  readonly #context: EditContext;
  readonly #history: EditHistory;

  constructor(db: Db, author: string) {
    this.#db = db;
    this.#rows = new RowChanges(db, author);
    this.#context = new EditContext(db, this.#rows);
    this.#history = new EditHistory(db, this.#rows);
  }

  /** Applies one edit in one transaction and records it for undo. */
  apply(edit: BriefEdit): EditResult {
    return this.#recorded(editLabel(edit.kind), () => applyEdit(edit, this.#context));
  }

  /** Takes back the latest edit; null when there is nothing to undo. */
  undo(): StepResult | null {
    return stepResult(this.#history.undo());
  }

  redo(): StepResult | null {
    return stepResult(this.#history.redo());
  }

  historyState(): HistoryState {
    return this.#history.state();
  }

  #recorded(label: string, write: () => string): EditResult {
    return this.#db.transaction(() => {
      this.#rows.begin();
      const id = write();
      const changes = this.#rows.take();
      this.#history.record(label, changes);
      return { id, label, touched: touchedBy(changes) };
    })();
  }

  // Shorthands for the tests, the CLI and the bench.
  addNote(input: { targetKind: NoteTarget; targetId: string | null; body: string }): string {
    return this.apply({ kind: 'note.add', ...input, tags: [] }).id;
  }

  updateNote(id: string, body: string): void {
    this.apply({ kind: 'note.update', id, body, tags: this.#context.tagsOf(id) });
  }

  deleteNote(id: string): void {
    this.apply({ kind: 'note.delete', id });
  }

  /** Replaces a claim's wording and leaves its citations where they are (a colleague's correction in the tests). */
  updateClaimText(id: string, text: string): EditResult {
    return this.#recorded(editLabel('claim.update'), () => {
      this.#rows.live('claims', id, 'claim');
      this.#rows.update('claims', id, { text });
      return id;
    });
  }
}

const stepResult = (entry: Entry | null): StepResult | null => (entry ? { label: entry.label, touched: touchedBy(entry.changes) } : null);
