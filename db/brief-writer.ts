import type { Db } from './connection.ts';
import { describeQuote } from './anchoring.ts';
import { EditHistory } from './edit-history.ts';
import { COLOURS, EDIT_LABELS, LIMITS, type BriefEdit, type Colour, type Direction, type HistoryState, type NoteTarget } from './edits.ts';
import { invalidInput, StoreError } from './errors.ts';
import { isValidDate, parseClaim } from './importer/article.ts';
import { RowChanges } from './row-changes.ts';

export type { NoteTarget };

/**
 * Edits to a brief. Each one is its own transaction (committed when the call returns, so a crash
 * afterwards loses nothing), gives every row it touches a new revision (what merge needs) and is
 * recorded for undo. Inputs are checked here for meaning; a refusal names the field at fault.
 */
export class BriefWriter {
  readonly #db: Db;
  readonly #rows: RowChanges;
  readonly history: EditHistory;
  readonly #s;
  /** The rows the last edit, undo or redo changed: what BriefStore.getPatch sends to the view. */
  touched: { table: string; id: string }[] = [];

  constructor(db: Db, author: string) {
    this.#db = db;
    this.#rows = new RowChanges(db, author);
    this.history = new EditHistory(db, this.#rows);
    this.#s = {
      briefId: db.prepare('SELECT id FROM brief WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1').pluck(),
      claimsOfTheme: db.prepare('SELECT id, position FROM claims WHERE theme_id = ? AND deleted_at IS NULL ORDER BY position, id'),
      themes: db.prepare('SELECT id, position FROM themes WHERE brief_id = ? AND deleted_at IS NULL ORDER BY position, id'),
      nextIndicatorPosition: db.prepare('SELECT coalesce(max(position) + 1, 0) FROM indicators WHERE brief_id = ?').pluck(),
      nextObservationPosition: db.prepare('SELECT coalesce(max(position) + 1, 0) FROM observations WHERE indicator_id = ?').pluck(),
      citations: db.prepare('SELECT id, marker FROM citations WHERE claim_id = ? AND deleted_at IS NULL ORDER BY position, id'),
      tagByName: db.prepare('SELECT id, deleted_at FROM tags WHERE name = ?'),
      noteTags: db.prepare('SELECT nt.id, nt.tag_id, nt.deleted_at, t.name FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = ?'),
      palette: db.prepare('SELECT id FROM palette WHERE colour = ?').pluck(),
    };
  }

  #briefId(): string {
    const id = this.#s.briefId.get() as string | undefined;
    if (!id) throw new StoreError('not-found', 'This store holds no brief to add to.');
    return id;
  }

  /** Applies one edit; returns the id of the item it created or changed. */
  apply(edit: BriefEdit): string {
    return this.#db.transaction(() => {
      this.#rows.begin();
      const id = this.#write(edit);
      const changes = this.#rows.take();
      this.touched = changes.map(({ table, id: rowId }) => ({ table, id: rowId }));
      this.history.record(EDIT_LABELS[edit.kind], changes);
      return id;
    })();
  }

  /** Takes back the latest edit; returns its label, or null when there was none. */
  undo(): string | null {
    return this.#stepped(this.history.undo());
  }

  redo(): string | null {
    return this.#stepped(this.history.redo());
  }

  #stepped(entry: { label: string; changes: { table: string; id: string }[] } | null): string | null {
    this.touched = entry ? entry.changes.map(({ table, id }) => ({ table, id })) : [];
    return entry?.label ?? null;
  }

  historyState(): HistoryState {
    return this.history.state();
  }

  // Shorthands kept for the tests, the CLI and the bench.
  addNote(input: { targetKind: NoteTarget; targetId: string | null; body: string }): string {
    return this.apply({ kind: 'note.add', ...input, tags: [] });
  }

  updateNote(id: string, body: string): void {
    this.apply({ kind: 'note.update', id, body, tags: this.#tagsOf(id) });
  }

  deleteNote(id: string): void {
    this.apply({ kind: 'note.delete', id });
  }

  /** Replaces a claim's wording and leaves its citations where they are (a colleague's correction in the tests). */
  updateClaimText(id: string, text: string): void {
    this.#db.transaction(() => {
      this.#rows.begin();
      this.#rows.live('claims', id, 'claim');
      this.#rows.update('claims', id, { text });
      const changes = this.#rows.take();
      this.touched = changes.map(({ table, id: rowId }) => ({ table, id: rowId }));
      this.history.record(EDIT_LABELS['claim.update'], changes);
    })();
  }

  #write(edit: BriefEdit): string {
    const rows = this.#rows;
    switch (edit.kind) {
      case 'highlight.add': {
        const text = this.#targetText(edit.targetKind, edit.targetId);
        if (!(edit.start >= 0 && edit.start < edit.end && edit.end <= text.length)) {
          throw invalidInput('range', 'Select some words of the text to highlight; the selection is empty or outside it.');
        }
        const quote = describeQuote(text, edit.start, edit.end);
        if (quote.exact.trim() === '') throw invalidInput('range', 'The selection holds only spaces; select some words to highlight.');
        return rows.insert('annotations', {
          brief_id: this.#briefId(), target_kind: edit.targetKind, target_id: edit.targetId,
          quote_exact: quote.exact, quote_prefix: quote.prefix, quote_suffix: quote.suffix,
          position_start: quote.start, position_end: quote.end, color: edit.colour, comment: this.#comment(edit.comment),
        });
      }
      case 'highlight.update':
        rows.live('annotations', edit.id, 'highlight');
        rows.update('annotations', edit.id, { color: edit.colour, comment: this.#comment(edit.comment) });
        return edit.id;
      case 'highlight.delete':
        return this.#remove('annotations', edit.id, 'highlight');
      case 'note.add': {
        this.#checkNoteTarget(edit.targetKind, edit.targetId);
        const id = rows.insert('notes', { brief_id: this.#briefId(), target_kind: edit.targetKind, target_id: edit.targetId, body: this.#noteBody(edit.body) });
        this.#setTags(id, edit.tags);
        return id;
      }
      case 'note.update':
        rows.live('notes', edit.id, 'note');
        rows.update('notes', edit.id, { body: this.#noteBody(edit.body) });
        this.#setTags(edit.id, edit.tags);
        return edit.id;
      case 'note.delete':
        return this.#remove('notes', edit.id, 'note');
      case 'claim.update': {
        rows.live('claims', edit.id, 'claim');
        const parsed = this.#claimText(edit.text);
        rows.update('claims', edit.id, { text: parsed.text });
        this.#setCitations(edit.id, parsed.citations);
        return edit.id;
      }
      case 'claim.assess': {
        rows.live('claims', edit.id, 'claim');
        const judgement = edit.judgement?.trim() || null;
        if (judgement && judgement.length > LIMITS.shortText) throw invalidInput('judgement', `Keep the judgement to one line (${LIMITS.shortText} characters at most).`);
        rows.update('claims', edit.id, { confidence: edit.confidence, judgement });
        return edit.id;
      }
      case 'claim.add': {
        const theme = rows.live('themes', edit.themeId, 'theme');
        const parsed = this.#claimText(edit.text);
        const siblings = this.#s.claimsOfTheme.all(theme.id) as { position: number }[];
        const id = rows.insert('claims', {
          theme_id: edit.themeId, source_id: null, position: (siblings.at(-1)?.position ?? -1) + 1, text: parsed.text,
        });
        this.#setCitations(id, parsed.citations);
        return id;
      }
      case 'claim.move': {
        const claim = rows.live('claims', edit.id, 'claim');
        this.#swap('claims', this.#s.claimsOfTheme.all(claim.theme_id) as { id: string; position: number }[], edit.id, edit.direction);
        return edit.id;
      }
      case 'claim.delete':
        return this.#remove('claims', edit.id, 'claim');
      case 'theme.add': {
        const title = this.#shortText('title', edit.title, 'The theme needs a title.');
        const themes = this.#s.themes.all(this.#briefId()) as { position: number }[];
        return rows.insert('themes', { brief_id: this.#briefId(), position: (themes.at(-1)?.position ?? -1) + 1, label: `Group ${themes.length + 1}`, title });
      }
      case 'theme.update':
        rows.live('themes', edit.id, 'theme');
        rows.update('themes', edit.id, { title: edit.title.trim() || null });
        return edit.id;
      case 'theme.move':
        rows.live('themes', edit.id, 'theme');
        this.#swap('themes', this.#s.themes.all(this.#briefId()) as { id: string; position: number }[], edit.id, edit.direction);
        return edit.id;
      case 'indicator.add':
        return rows.insert('indicators', {
          brief_id: this.#briefId(), position: this.#s.nextIndicatorPosition.get(this.#briefId()) as number,
          ...this.#indicatorFields(edit),
        });
      case 'indicator.update':
        rows.live('indicators', edit.id, 'indicator');
        rows.update('indicators', edit.id, this.#indicatorFields(edit));
        return edit.id;
      case 'observation.add': {
        rows.live('indicators', edit.indicatorId, 'indicator');
        const value = parseNumber(edit.value);
        const asOf = edit.asOf.trim();
        if (asOf !== '' && !(/^\d{4}-\d{2}-\d{2}$/.test(asOf) && isValidDate(asOf))) {
          throw invalidInput('asOf', `“${asOf.slice(0, 20)}” is not a real date. Write it as year-month-day, like 2025-11-09, or leave it empty if the source gives none.`);
        }
        if (edit.claimId) rows.live('claims', edit.claimId, 'claim');
        return rows.insert('observations', {
          indicator_id: edit.indicatorId, position: this.#s.nextObservationPosition.get(edit.indicatorId) as number,
          value, unit: this.#shortText('unit', edit.unit, 'Give a unit, like %, tons or engineers.', true), comparator: edit.comparator,
          as_of: asOf || null, as_of_note: asOf ? null : 'undated', claim_id: edit.claimId, quote: null,
        });
      }
      case 'observation.delete':
        return this.#remove('observations', edit.id, 'value');
      case 'palette.rename': {
        const meaning = this.#shortText('meaning', edit.meaning, 'Give the colour a meaning, like “key fact”.');
        const existing = this.#s.palette.get(edit.colour) as string | undefined;
        if (existing) {
          rows.update('palette', existing, { meaning, deleted_at: null });
          return existing;
        }
        return rows.insert('palette', { id: paletteId(edit.colour), colour: edit.colour, meaning });
      }
    }
  }

  /** Deletes a live item (as a tombstone); `what` names it if it is already gone. */
  #remove(table: 'annotations' | 'notes' | 'claims' | 'observations', id: string, what: string): string {
    this.#rows.live(table, id, what);
    this.#rows.remove(table, id);
    return id;
  }

  #targetText(kind: 'claim' | 'source', id: string): string {
    return kind === 'claim' ? (this.#rows.live('claims', id, 'claim').text as string) : (this.#rows.live('sources', id, 'source').title_original as string);
  }

  #checkNoteTarget(kind: NoteTarget, id: string | null): void {
    if (kind === 'brief') {
      if (id !== null) throw invalidInput('target', 'A note on the whole brief has no other target.');
      return;
    }
    if (id === null) throw invalidInput('target', `Choose the ${kind} this note is about.`);
    const table = ({ theme: 'themes', claim: 'claims', indicator: 'indicators', source: 'sources' } as const)[kind];
    this.#rows.live(table, id, kind);
  }

  #noteBody(body: string): string {
    if (body.trim() === '') throw invalidInput('body', 'A note needs some text. Type it, or press Escape to cancel.');
    if (body.length > LIMITS.noteChars) throw invalidInput('body', `This note is longer than ${LIMITS.noteChars.toLocaleString('en')} characters; split it into several notes.`);
    return body;
  }

  #comment(comment: string | null): string | null {
    const text = comment?.trim() || null;
    if (text && text.length > LIMITS.commentChars) throw invalidInput('comment', `Keep a comment under ${LIMITS.commentChars.toLocaleString('en')} characters, or write a note instead.`);
    return text;
  }

  #shortText(field: string, value: string, emptyMessage: string, allowEmpty = false): string {
    const text = value.trim();
    if (text === '' && !allowEmpty) throw invalidInput(field, emptyMessage);
    if (text.length > LIMITS.shortText) throw invalidInput(field, `Keep this under ${LIMITS.shortText} characters.`);
    return text;
  }

  #indicatorFields(edit: { name: string; unit: string; claimId: string | null }) {
    if (edit.claimId) this.#rows.live('claims', edit.claimId, 'claim');
    return {
      name: this.#shortText('name', edit.name, 'The indicator needs a name, like “Rare earth reserves”.'),
      unit: this.#shortText('unit', edit.unit, '', true),
      claim_id: edit.claimId,
    };
  }

  #claimText(raw: string) {
    const parsed = parseClaim(raw);
    if (parsed.text === '') throw invalidInput('text', 'A claim needs some words. Type them, or press Escape to cancel.');
    if (parsed.text.length > LIMITS.claimChars) throw invalidInput('text', `A claim is at most ${LIMITS.claimChars.toLocaleString('en')} characters; split it into several claims.`);
    return parsed;
  }

  /** Keeps the claim's citation rows in step with the markers in its new text: same markers keep their rows. */
  #setCitations(claimId: string, wanted: { marker: number; offset: number }[]): void {
    const existing = this.#s.citations.all(claimId) as { id: string; marker: number }[];
    const unused = [...existing];
    wanted.forEach((citation, position) => {
      const index = unused.findIndex((row) => row.marker === citation.marker);
      if (index >= 0) {
        const [row] = unused.splice(index, 1);
        const current = this.#rows.read('citations', row!.id)!;
        if (current.position !== position || current.char_offset !== citation.offset) {
          this.#rows.update('citations', row!.id, { position, char_offset: citation.offset });
        }
      } else {
        this.#rows.insert('citations', { claim_id: claimId, position, marker: citation.marker, char_offset: citation.offset });
      }
    });
    for (const row of unused) this.#rows.remove('citations', row.id);
  }

  #tagsOf(noteId: string): string[] {
    return (this.#s.noteTags.all(noteId) as { deleted_at: string | null; name: string }[]).filter((t) => t.deleted_at === null).map((t) => t.name);
  }

  #setTags(noteId: string, names: string[]): void {
    const wanted = new Map<string, string>();
    for (const raw of names) {
      const name = raw.trim().replace(/^#/, '');
      if (name === '') continue;
      if (name.length > LIMITS.tagChars) throw invalidInput('tags', `“${name.slice(0, 20)}…” is too long for a tag (${LIMITS.tagChars} characters at most).`);
      wanted.set(name.toLowerCase(), name);
    }
    if (wanted.size > LIMITS.tags) throw invalidInput('tags', `A note can carry ${LIMITS.tags} tags at most.`);
    const links = this.#s.noteTags.all(noteId) as { id: string; tag_id: string; deleted_at: string | null; name: string }[];
    for (const link of links) {
      const keep = wanted.has(link.name.toLowerCase());
      if (keep && link.deleted_at !== null) this.#rows.update('note_tags', link.id, { deleted_at: null });
      if (!keep && link.deleted_at === null) this.#rows.remove('note_tags', link.id);
      wanted.delete(link.name.toLowerCase());
    }
    for (const name of wanted.values()) {
      const tag = this.#s.tagByName.get(name) as { id: string; deleted_at: string | null } | undefined;
      let tagId = tag?.id;
      if (!tagId) tagId = this.#rows.insert('tags', { name });
      else if (tag!.deleted_at !== null) this.#rows.update('tags', tagId, { deleted_at: null });
      this.#rows.insert('note_tags', { note_id: noteId, tag_id: tagId });
    }
  }

  /** Swaps an item with its neighbour; positions are compacted first, so gaps from deletions do not matter. */
  #swap(table: 'claims' | 'themes', siblings: { id: string; position: number }[], id: string, direction: Direction): void {
    const index = siblings.findIndex((s) => s.id === id);
    const other = direction === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= siblings.length) return;
    const order = siblings.map((s) => s.id);
    [order[index], order[other]] = [order[other]!, order[index]!];
    order.forEach((rowId, position) => {
      if (siblings.find((s) => s.id === rowId)!.position !== position) this.#rows.update(table, rowId, { position });
    });
  }
}

/** One fixed id per colour, so two copies renaming the same colour meet as one item in a merge. */
export function paletteId(colour: Colour): string {
  return `00000000-0000-4000-8000-${(COLOURS.indexOf(colour) + 1).toString(16).padStart(12, '0')}`;
}

/** Reads a typed figure: "78", "1,200", "1 200", "55.5", "-3". Anything else is named back to the user. */
export function parseNumber(typed: string): number {
  const text = typed.trim();
  const plain = text.replace(/(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)/g, '');
  if (text === '' || !/^[-+]?(\d+(\.\d+)?|\.\d+)$/.test(plain)) {
    throw invalidInput('value', text === '' ? 'Enter a value, like 78 or 1,200.' : `“${text.slice(0, 20)}” is not a number. Enter digits, like 78 or 1,200.`);
  }
  const value = Number(plain);
  if (!Number.isFinite(value)) throw invalidInput('value', 'That number is too large.');
  return value;
}
