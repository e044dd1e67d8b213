import type { Db, ItemTable } from '../store/index.ts';
import { parseClaim, type ParsedCitation } from '../../common/claim-text.ts';
import { invalidInput, StoreError } from '../../common/errors.ts';
import { LIMITS } from '../../common/limits.ts';
import type { Direction, HighlightTarget, NoteTarget } from '../../common/vocabulary.ts';
import type { Row, RowChanges } from './row-changes.ts';
import { noteTagId, tagId as tagIdOf } from './values.ts';

/**
 * What an edit's apply function works with: the row writer (every write gets a revision, an
 * ancestor and an undo record) and the checks and chores several kinds share. A refusal names
 * the field at fault, so the form can show it next to that field.
 */
export class EditContext {
  readonly rows: RowChanges;
  readonly #s;

  constructor(db: Db, rows: RowChanges) {
    this.rows = rows;
    this.#s = {
      briefId: db.prepare('SELECT id FROM brief WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1').pluck(),
      claimsOfTheme: db.prepare('SELECT id, position FROM claims WHERE theme_id = ? AND deleted_at IS NULL ORDER BY position, id'),
      themes: db.prepare('SELECT id, position FROM themes WHERE brief_id = ? AND deleted_at IS NULL ORDER BY position, id'),
      nextIndicatorPosition: db.prepare('SELECT coalesce(max(position) + 1, 0) FROM indicators WHERE brief_id = ?').pluck(),
      nextObservationPosition: db.prepare('SELECT coalesce(max(position) + 1, 0) FROM observations WHERE indicator_id = ?').pluck(),
      citations: db.prepare('SELECT id, marker FROM citations WHERE claim_id = ? AND deleted_at IS NULL ORDER BY position, id'),
      tagByName: db.prepare('SELECT id, deleted_at FROM tags WHERE name = ?'),
      noteTags: db.prepare(
        'SELECT nt.id, nt.tag_id, nt.deleted_at, t.name FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = ?',
      ),
      palette: db.prepare('SELECT id FROM palette WHERE colour = ?').pluck(),
      judgments: db.prepare(
        'SELECT id, position FROM judgments WHERE brief_id = ? AND deleted_at IS NULL ORDER BY position, created_at, id',
      ),
      liveEvidenceOf: db.prepare('SELECT id FROM evidence_links WHERE judgment_id = ? AND deleted_at IS NULL ORDER BY rowid').pluck(),
      citedMarker: db
        .prepare(
          `SELECT 1 FROM citations ci JOIN claims c ON c.id = ci.claim_id JOIN themes t ON t.id = c.theme_id
          WHERE ci.marker = @marker AND ci.deleted_at IS NULL AND c.deleted_at IS NULL AND t.deleted_at IS NULL
            AND coalesce(c.source_id, t.source_id, (SELECT id FROM sources WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT 1)) = @sourceId
          LIMIT 1`,
        )
        .pluck(),
      indicatorByName: db
        .prepare('SELECT name FROM indicators WHERE brief_id = ? AND deleted_at IS NULL AND lower(name) = lower(?) AND id <> ? LIMIT 1')
        .pluck(),
      indicatorIdByName: db
        .prepare('SELECT id FROM indicators WHERE brief_id = ? AND deleted_at IS NULL AND lower(name) = lower(?) LIMIT 1')
        .pluck(),
    };
  }

  briefId(): string {
    const id = this.#s.briefId.get() as string | undefined;
    if (!id) throw new StoreError('not-found', 'This store holds no brief to add to.');
    return id;
  }

  claimsOfTheme(themeId: string): { id: string; position: number }[] {
    return this.#s.claimsOfTheme.all(themeId) as { id: string; position: number }[];
  }

  themes(): { id: string; position: number }[] {
    return this.#s.themes.all(this.briefId()) as { id: string; position: number }[];
  }

  nextIndicatorPosition(): number {
    return this.#s.nextIndicatorPosition.get(this.briefId()) as number;
  }

  nextObservationPosition(indicatorId: string): number {
    return this.#s.nextObservationPosition.get(indicatorId) as number;
  }

  /** The live indicator of this name (as readers tell them apart: ignoring case), if the brief has one. */
  indicatorNamed(name: string): string | undefined {
    return this.#s.indicatorIdByName.get(this.briefId(), name) as string | undefined;
  }

  /** The brief's live key judgments in their order. */
  judgments(): { id: string; position: number }[] {
    return this.#s.judgments.all(this.briefId()) as { id: string; position: number }[];
  }

  /** The live evidence links of a judgment. */
  liveEvidenceOf(judgmentId: string): string[] {
    return this.#s.liveEvidenceOf.all(judgmentId) as string[];
  }

  /** Whether a live claim of the brief cites [marker] of this source (a claim of no source cites the brief's first). */
  isCited(sourceId: string, marker: number): boolean {
    return this.#s.citedMarker.get({ sourceId, marker }) !== undefined;
  }

  /** The palette row of a colour, once it has been renamed. */
  paletteRow(colour: string): string | undefined {
    return this.#s.palette.get(colour) as string | undefined;
  }

  /** Deletes a live item (as a tombstone); `what` names it if it is already gone. */
  remove(
    table: 'annotations' | 'notes' | 'claims' | 'observations' | 'judgments' | 'evidence_links',
    id: string,
    what: string,
    field?: string,
  ): string {
    this.rows.live(table, id, what, field);
    this.rows.remove(table, id);
    return id;
  }

  targetText(kind: HighlightTarget, id: string): string {
    return kind === 'claim'
      ? (this.rows.live('claims', id, 'claim').text as string)
      : (this.rows.live('sources', id, 'source').title_original as string);
  }

  checkNoteTarget(kind: NoteTarget, id: string | null): void {
    if (kind === 'brief') {
      if (id !== null) throw invalidInput('target', 'A note on the whole brief has no other target.');
      return;
    }
    if (id === null) throw invalidInput('target', `Choose the ${kind} this note is about.`);
    const table = ({ theme: 'themes', claim: 'claims', indicator: 'indicators', source: 'sources' } as const)[kind];
    this.rows.live(table, id, kind);
  }

  noteBody(body: string): string {
    if (body.trim() === '') throw invalidInput('body', 'A note needs some text. Type it, or press Escape to cancel.');
    if (body.length > LIMITS.noteChars)
      throw invalidInput(
        'body',
        `This note is longer than ${LIMITS.noteChars.toLocaleString('en')} characters; split it into several notes.`,
      );
    return body;
  }

  comment(comment: string | null): string | null {
    const text = comment?.trim() || null;
    if (text && text.length > LIMITS.commentChars)
      throw invalidInput(
        'comment',
        `Keep a comment under ${LIMITS.commentChars.toLocaleString('en')} characters, or write a note instead.`,
      );
    return text;
  }

  shortText(field: string, value: string, emptyMessage: string, allowEmpty = false): string {
    const text = value.trim();
    if (text === '' && !allowEmpty) throw invalidInput(field, emptyMessage);
    if (text.length > LIMITS.shortText) throw invalidInput(field, `Keep this under ${LIMITS.shortText} characters.`);
    return text;
  }

  /** An indicator's fields; `id` is the indicator being edited (its own name is not a clash). */
  indicatorFields(edit: { name: string; unit: string; claimId: string | null }, id: string | null = null): Row {
    if (edit.claimId) this.rows.live('claims', edit.claimId, 'claim');
    const name = this.shortText('name', edit.name, 'The indicator needs a name, like “Rare earth reserves”.');
    // Readers tell indicators apart by name (tables, charts, search hits), so two may not share one.
    const clash = this.#s.indicatorByName.get(this.briefId(), name, id ?? '') as string | undefined;
    if (clash) throw invalidInput('name', `This brief already has an indicator called “${clash}”; give this one another name.`);
    return {
      name,
      unit: this.shortText('unit', edit.unit, '', true),
      claim_id: edit.claimId,
    };
  }

  claimText(raw: string) {
    const parsed = parseClaim(raw);
    if (parsed.text === '') throw invalidInput('text', 'A claim needs some words. Type them, or press Escape to cancel.');
    if (parsed.text.length > LIMITS.claimChars)
      throw invalidInput('text', `A claim is at most ${LIMITS.claimChars.toLocaleString('en')} characters; split it into several claims.`);
    return parsed;
  }

  /** A value of a closed vocabulary (the router's schema checks it too; the writer also serves the CLI and tests). */
  oneOf<T extends string>(field: string, value: T | null, allowed: readonly T[], message: string): T | null {
    if (value !== null && !allowed.includes(value)) throw invalidInput(field, message);
    return value;
  }

  /** The text of a key judgment or the bottom line: trimmed, and no longer than a claim may be. */
  analystText(field: string, raw: string, what: 'key judgment' | 'bottom line'): string {
    const text = raw.trim();
    if (text === '' && what === 'key judgment')
      throw invalidInput(field, 'A key judgment needs some words. Type them, or press Escape to cancel.');
    if (text.length > LIMITS.claimChars)
      throw invalidInput(
        field,
        what === 'key judgment'
          ? `A key judgment is at most ${LIMITS.claimChars.toLocaleString('en')} characters; split it into several judgments.`
          : `A bottom line is at most ${LIMITS.claimChars.toLocaleString('en')} characters; keep it to a few sentences and put the rest in key judgments.`,
      );
    return text;
  }

  /** Keeps the claim's citation rows in step with the markers in its new text: same markers keep their rows. */
  setCitations(claimId: string, wanted: readonly ParsedCitation[]): void {
    const unused = [...(this.#s.citations.all(claimId) as { id: string; marker: number }[])];
    wanted.forEach((citation, position) => {
      const index = unused.findIndex((row) => row.marker === citation.marker);
      if (index >= 0) {
        const [row] = unused.splice(index, 1);
        const current = this.rows.read('citations', row!.id)!;
        if (current.position !== position || current.char_offset !== citation.offset) {
          this.rows.update('citations', row!.id, { position, char_offset: citation.offset });
        }
      } else {
        this.rows.insert('citations', { claim_id: claimId, position, marker: citation.marker, char_offset: citation.offset });
      }
    });
    for (const row of unused) this.rows.remove('citations', row.id);
  }

  tagsOf(noteId: string): string[] {
    return (this.#s.noteTags.all(noteId) as { deleted_at: string | null; name: string }[])
      .filter((t) => t.deleted_at === null)
      .map((t) => t.name);
  }

  setTags(noteId: string, names: readonly string[]): void {
    const wanted = new Map<string, string>();
    for (const raw of names) {
      const name = raw.trim().replace(/^#/, '');
      if (name === '') continue;
      if (name.length > LIMITS.tagChars)
        throw invalidInput('tags', `“${name.slice(0, 20)}…” is too long for a tag (${LIMITS.tagChars} characters at most).`);
      wanted.set(name.toLowerCase(), name);
    }
    if (wanted.size > LIMITS.tags) throw invalidInput('tags', `A note can carry ${LIMITS.tags} tags at most.`);
    const links = this.#s.noteTags.all(noteId) as { id: string; tag_id: string; deleted_at: string | null; name: string }[];
    for (const link of links) {
      const keep = wanted.has(link.name.toLowerCase());
      if (keep && link.deleted_at !== null) this.rows.update('note_tags', link.id, { deleted_at: null });
      if (!keep && link.deleted_at === null) this.rows.remove('note_tags', link.id);
      wanted.delete(link.name.toLowerCase());
    }
    for (const name of wanted.values()) {
      const tag = this.#s.tagByName.get(name) as { id: string; deleted_at: string | null } | undefined;
      let tagId = tag?.id;
      if (!tagId) tagId = this.rows.insert('tags', { id: tagIdOf(name), name });
      else if (tag!.deleted_at !== null) this.rows.update('tags', tagId, { deleted_at: null });
      this.rows.insert('note_tags', { id: noteTagId(noteId, tagId), note_id: noteId, tag_id: tagId });
    }
  }

  /**
   * Moves an item one place up or down among its siblings (in their order: position, then id) by
   * giving it a position between its new neighbours. Only the moved row is written, so the items
   * around it keep their revision and their "edited by", and a colleague's edit of one of them
   * merges without a conflict. Where the neighbours leave no room between them (a brief imported
   * with positions 0, 1, 2…), the other siblings are first spread POSITION_STEP apart in their
   * order, a change of layout that keeps their author and time (RowChanges.relayout); later moves
   * among them find room.
   */
  move(table: ItemTable, siblings: readonly { id: string; position: number }[], id: string, direction: Direction): void {
    const index = siblings.findIndex((s) => s.id === id);
    const target = direction === 'up' ? index - 1 : index + 1;
    if (index < 0 || target < 0 || target >= siblings.length) return;
    // In the new order the item stands between others[target - 1] and others[target].
    const others = siblings.filter((s) => s.id !== id).map((s) => ({ ...s }));
    let position = positionBetween(others[target - 1]?.position, others[target]?.position);
    if (position === null) {
      others.forEach((sibling, order) => {
        const spread = order * POSITION_STEP;
        if (sibling.position !== spread) this.rows.relayout(table, sibling.id, { position: spread });
        sibling.position = spread;
      });
      position = positionBetween(others[target - 1]?.position, others[target]?.position)!;
    }
    this.rows.update(table, id, { position });
  }
}

/** The room left between siblings' positions when they are spread out, and after the last when one is added. */
export const POSITION_STEP = 65_536;

/** A whole position strictly between two siblings' (either may be missing: the start or end of the list), or null when there is none. */
function positionBetween(before: number | undefined, after: number | undefined): number | null {
  const position =
    before === undefined
      ? (after ?? 0) - POSITION_STEP
      : after === undefined
        ? before + POSITION_STEP
        : before + Math.floor((after - before) / 2);
  const inside = (before === undefined || position > before) && (after === undefined || position < after);
  return inside && Number.isSafeInteger(position) ? position : null;
}
