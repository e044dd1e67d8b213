import { readExportSettings, type Db } from '../store/index.ts';
import type { Anchor } from '../../common/anchoring.ts';
import { AnchorCache } from './anchor-cache.ts';
import { formatClaim } from '../../common/claim-text.ts';
import { claimNumber } from '../../common/claim-numbers.ts';
import {
  COLOURS,
  DEFAULT_MEANINGS,
  type Colour,
  type Confidence,
  type Credibility,
  type EvidenceKind,
  type Likelihood,
  type NoteTarget,
  type Reliability,
  type Stance,
} from '../../common/vocabulary.ts';
import { formatAsOf, formatValue } from '../../common/format.ts';
import type { ExportOptions } from '../../common/export-document.ts';
import type { SourceFormat } from '../../common/parsed-source.ts';
import { LIMITS } from '../../common/limits.ts';
import type {
  Brief,
  BriefCounts,
  BriefOpening,
  BriefPart,
  BriefPartName,
  BriefPatch,
  Citation,
  CitationGrade,
  Claim,
  Comparator,
  DismissedFigure,
  EvidenceLink,
  Highlight,
  Indicator,
  Judgment,
  Note,
  Observation,
  PaletteEntry,
  Source,
  Theme,
} from '../../common/model.ts';

// Read side of a brief. Statements are prepared once per connection; reads run in one
// transaction so the brief is a consistent snapshot even while another connection writes.

interface StampedRow {
  id: string;
  created_at: string;
  updated_at: string;
  author: string;
}

const stamped = (row: StampedRow) => ({ id: row.id, createdAt: row.created_at, updatedAt: row.updated_at, author: row.author });

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** The claims a brief's whole lists (and its notes so far) point at: whose numbers its panels show ("From claim 2.5"). */
function claimsPointedAt(brief: Brief): string[] {
  const ids = new Set<string>();
  for (const indicator of brief.indicators) if (indicator.claimId) ids.add(indicator.claimId);
  for (const judgment of brief.judgments) for (const link of judgment.evidence) if (link.targetKind === 'claim') ids.add(link.targetId);
  for (const note of brief.notes) if (note.targetKind === 'claim' && note.targetId) ids.add(note.targetId);
  return [...ids];
}

const LIVE = 'deleted_at IS NULL';
// Columns of the rows a brief's themes, claims, citations and notes are read from: the whole brief and a patch read the same.
const THEME_COLUMNS = 'id, created_at, updated_at, author, position, label, title, source_id';
const CLAIM_COLUMNS =
  'c.id, c.created_at, c.updated_at, c.author, c.theme_id, c.source_id, c.position, c.text, c.confidence, c.judgement, c.translation';
const CITATION_COLUMNS = 'ci.id, ci.claim_id, ci.marker, ci.char_offset';
const NOTE_COLUMNS = 'id, created_at, updated_at, author, target_kind, target_id, body';
const HIGHLIGHT_COLUMNS = `id, rev, created_at, updated_at, author, deleted_at, target_kind, target_id, quote_exact, quote_prefix, quote_suffix,
  position_start, position_end, color, comment`;
/** Ids given to a statement as one JSON array (json_each), so one prepared statement serves any number of them. */
const IN_IDS = 'IN (SELECT value FROM json_each(?))';

export class BriefStore {
  readonly #db: Db;
  readonly #statements;
  readonly #anchors = new AnchorCache();

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      brief: db.prepare(
        `SELECT id, created_at, updated_at, author, title, bottom_line FROM brief WHERE ${LIVE} ORDER BY created_at LIMIT 1`,
      ),
      sources: db.prepare(`SELECT * FROM sources WHERE brief_id = ? AND ${LIVE} ORDER BY created_at, id`),
      themes: db.prepare(`SELECT ${THEME_COLUMNS} FROM themes WHERE brief_id = ? AND ${LIVE} ORDER BY position, id`),
      claims: db.prepare(`SELECT ${CLAIM_COLUMNS} FROM claims c JOIN themes t ON t.id = c.theme_id
        WHERE t.brief_id = ? AND c.deleted_at IS NULL ORDER BY c.position, c.id`),
      citations: db.prepare(`SELECT ${CITATION_COLUMNS} FROM citations ci
        JOIN claims c ON c.id = ci.claim_id JOIN themes t ON t.id = c.theme_id
        WHERE t.brief_id = ? AND ci.deleted_at IS NULL ORDER BY ci.position, ci.id`),
      indicators: db.prepare(`SELECT id, created_at, updated_at, author, position, name, unit, claim_id FROM indicators
        WHERE brief_id = ? AND ${LIVE} ORDER BY position, id`),
      observations: db.prepare(`SELECT o.* FROM observations o JOIN indicators i ON i.id = o.indicator_id
        WHERE i.brief_id = ? AND o.deleted_at IS NULL ORDER BY o.position, o.id`),
      highlights:
        db.prepare(`SELECT id, rev, created_at, updated_at, author, target_kind, target_id, quote_exact, quote_prefix, quote_suffix,
        position_start, position_end, color, comment FROM annotations WHERE brief_id = ? AND ${LIVE} ORDER BY created_at, id`),
      notes: db.prepare(`SELECT ${NOTE_COLUMNS} FROM notes WHERE brief_id = ? AND ${LIVE} ORDER BY created_at, id`),
      noteTags: db.prepare(`SELECT nt.note_id, t.name FROM note_tags nt JOIN tags t ON t.id = nt.tag_id
        WHERE nt.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE`),
      palette: db.prepare(`SELECT colour, meaning FROM palette WHERE ${LIVE}`),
      // Dismissed figures of live claims (a deleted claim's dismissals come back with it on undo).
      dismissedFigures: db.prepare(`SELECT d.id, d.created_at, d.updated_at, d.author, d.claim_id, d.quote FROM dismissed_figures d
        JOIN claims c ON c.id = d.claim_id JOIN themes t ON t.id = c.theme_id
        WHERE t.brief_id = ? AND d.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY d.created_at, d.id`),
      // Two colleagues' judgments added at the same place (a merge) stand in the order they were written.
      judgments: db.prepare(`SELECT id, created_at, updated_at, author, position, text, likelihood, confidence FROM judgments
        WHERE brief_id = ? AND ${LIVE} ORDER BY position, created_at, id`),
      // Live evidence only: a link whose claim or indicator has been deleted keeps its row (it comes
      // back if the deletion is undone, or merged away) but is not shown as evidence.
      evidence: db.prepare(`SELECT e.id, e.created_at, e.updated_at, e.author, e.judgment_id, e.target_kind, e.target_id, e.stance
        FROM evidence_links e JOIN judgments j ON j.id = e.judgment_id
        WHERE j.brief_id = ? AND e.deleted_at IS NULL AND j.deleted_at IS NULL AND CASE e.target_kind
          WHEN 'claim' THEN EXISTS (SELECT 1 FROM claims c JOIN themes t ON t.id = c.theme_id
            WHERE c.id = e.target_id AND c.deleted_at IS NULL AND t.deleted_at IS NULL)
          WHEN 'indicator' THEN EXISTS (SELECT 1 FROM indicators i WHERE i.id = e.target_id AND i.deleted_at IS NULL)
          ELSE 0 END
        ORDER BY e.created_at, e.id`),
      citationGrades: db.prepare(`SELECT g.id, g.created_at, g.updated_at, g.author, g.source_id, g.marker, g.reliability, g.credibility
        FROM citation_grades g JOIN sources s ON s.id = g.source_id
        WHERE s.brief_id = ? AND s.deleted_at IS NULL AND g.deleted_at IS NULL AND (g.reliability IS NOT NULL OR g.credibility IS NOT NULL)
        ORDER BY g.marker, g.source_id`),
      exportSettings: db
        .prepare(`SELECT options FROM export_settings WHERE brief_id = ? AND ${LIVE} ORDER BY created_at, id LIMIT 1`)
        .pluck(),
      // For a patch, each statement reading only the items an edit touched, by index (never the whole brief):
      // whether any evidence link (live or not) names one of these claims or indicators;
      evidenceOn: db
        .prepare(`SELECT 1 FROM evidence_links WHERE target_kind IN ('claim', 'indicator') AND target_id ${IN_IDS} LIMIT 1`)
        .pluck(),
      // highlights by id (deleted ones too, so the view can drop them), and the live ones on given targets;
      someHighlights:
        db.prepare(`SELECT ${HIGHLIGHT_COLUMNS} FROM annotations WHERE brief_id = @brief AND id IN (SELECT value FROM json_each(@ids))
        UNION SELECT ${HIGHLIGHT_COLUMNS} FROM annotations WHERE brief_id = @brief AND ${LIVE} AND target_kind IN ('claim', 'source')
          AND target_id IN (SELECT value FROM json_each(@targets))
        ORDER BY created_at, id`),
      // live themes by id, with their claims and those claims' citations (`+brief_id`: found by id, not among the brief's);
      someThemes: db.prepare(`SELECT ${THEME_COLUMNS} FROM themes WHERE +brief_id = ? AND ${LIVE} AND id ${IN_IDS} ORDER BY position, id`),
      claimsOfThemes: db.prepare(`SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.theme_id ${IN_IDS} AND c.deleted_at IS NULL
        ORDER BY c.position, c.id`),
      citationsOfThemes: db.prepare(`SELECT ${CITATION_COLUMNS} FROM citations ci JOIN claims c ON c.id = ci.claim_id
        WHERE c.theme_id ${IN_IDS} AND ci.deleted_at IS NULL ORDER BY ci.position, ci.id`),
      // live claims (of live themes) by id, and their citations; the claims whose citations these are
      // (CROSS JOIN: claims found by id first, never the brief's themes walked for them);
      someClaims: db.prepare(`SELECT ${CLAIM_COLUMNS} FROM claims c CROSS JOIN themes t ON t.id = c.theme_id
        WHERE t.brief_id = ? AND t.deleted_at IS NULL AND c.deleted_at IS NULL AND c.id ${IN_IDS} ORDER BY c.position, c.id`),
      citationsOfClaims: db.prepare(`SELECT ${CITATION_COLUMNS} FROM citations ci WHERE ci.claim_id ${IN_IDS} AND ci.deleted_at IS NULL
        ORDER BY ci.position, ci.id`),
      claimsOfCitations: db.prepare(`SELECT DISTINCT claim_id FROM citations WHERE id ${IN_IDS}`).pluck(),
      // live notes by id and their tags; the notes these tag links, or links to these tags, are on.
      someNotes: db.prepare(`SELECT ${NOTE_COLUMNS} FROM notes WHERE brief_id = ? AND ${LIVE} AND id ${IN_IDS} ORDER BY created_at, id`),
      tagsOfNotes: db.prepare(`SELECT nt.note_id, t.name FROM note_tags nt JOIN tags t ON t.id = nt.tag_id
        WHERE nt.deleted_at IS NULL AND t.deleted_at IS NULL AND nt.note_id ${IN_IDS} ORDER BY t.name COLLATE NOCASE`),
      notesOfLinks: db.prepare(`SELECT note_id FROM note_tags WHERE id ${IN_IDS}`).pluck(),
      notesOfTags: db.prepare(`SELECT note_id FROM note_tags WHERE tag_id ${IN_IDS}`).pluck(),
      targetTexts: db.prepare(`SELECT id, text FROM claims WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(@ids))
        UNION ALL SELECT id, title_original FROM sources WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(@ids))`),
      // The paged read (an opening, then parts): claims in reading order, highlights and notes in the store's.
      claimsPage: db.prepare(`SELECT ${CLAIM_COLUMNS} FROM claims c JOIN themes t ON t.id = c.theme_id
        WHERE t.brief_id = ? AND t.deleted_at IS NULL AND c.deleted_at IS NULL
        ORDER BY t.position, t.id, c.position, c.id LIMIT ? OFFSET ?`),
      highlightsPage: db.prepare(`SELECT ${HIGHLIGHT_COLUMNS} FROM annotations WHERE brief_id = ? AND ${LIVE}
        ORDER BY created_at, id LIMIT ? OFFSET ?`),
      highlightsOn: db.prepare(`SELECT ${HIGHLIGHT_COLUMNS} FROM annotations WHERE brief_id = @brief AND ${LIVE}
        AND target_kind IN ('claim', 'source') AND target_id IN (SELECT value FROM json_each(@targets))
        ORDER BY created_at, id LIMIT @limit`),
      notesPage: db.prepare(`SELECT ${NOTE_COLUMNS} FROM notes WHERE brief_id = ? AND ${LIVE} ORDER BY created_at, id LIMIT ? OFFSET ?`),
      // The place in its theme of each of some claims ("5" of "2.5"), without reading the brief's
      // other claims: the live claims before it in its theme, counted on claims_by_theme (a window
      // over the themes' claims read every row of them: 50 ms where this takes 5 at 100,000 items).
      placesOfClaims: db.prepare(`SELECT c.id, c.theme_id, (SELECT count(*) FROM claims b WHERE b.theme_id = c.theme_id
          AND b.deleted_at IS NULL AND (b.position < c.position OR (b.position = c.position AND b.id <= c.id))) AS place
        FROM claims c WHERE c.deleted_at IS NULL AND c.id ${IN_IDS}`),
      totals: db.prepare(`SELECT
        (SELECT count(*) FROM claims c JOIN themes t ON t.id = c.theme_id
          WHERE t.brief_id = @brief AND t.deleted_at IS NULL AND c.deleted_at IS NULL) AS claims,
        (SELECT count(*) FROM annotations WHERE brief_id = @brief AND ${LIVE}) AS highlights,
        (SELECT count(*) FROM notes WHERE brief_id = @brief AND ${LIVE}) AS notes`),
      counts: db.prepare(`SELECT
        (SELECT count(*) FROM sources WHERE ${LIVE}) AS sources,
        (SELECT count(*) FROM themes WHERE ${LIVE}) AS themes,
        (SELECT count(*) FROM claims WHERE ${LIVE}) AS claims,
        (SELECT count(*) FROM citations WHERE ${LIVE}) AS citations,
        (SELECT count(*) FROM indicators WHERE ${LIVE}) AS indicators,
        (SELECT count(*) FROM observations WHERE ${LIVE}) AS observations,
        (SELECT count(*) FROM notes WHERE ${LIVE}) AS notes,
        (SELECT count(*) FROM annotations WHERE ${LIVE}) AS annotations,
        (SELECT count(*) FROM tags WHERE ${LIVE}) AS tags,
        (SELECT count(*) FROM judgments WHERE ${LIVE}) AS judgments,
        (SELECT count(*) FROM citation_grades WHERE ${LIVE} AND (reliability IS NOT NULL OR credibility IS NOT NULL)) AS citationGrades`),
    };
  }

  getBriefTitle(): string | null {
    return (this.#statements.brief.get() as { title: string } | undefined)?.title ?? null;
  }

  hasBrief(): boolean {
    return this.#statements.brief.get() !== undefined;
  }

  counts(): BriefCounts {
    return this.#statements.counts.get() as BriefCounts;
  }

  /** The whole brief, or null when the store holds none yet. */
  getBrief(): Brief | null {
    return this.#db.transaction((): Brief | null => {
      const brief = this.#statements.brief.get() as (StampedRow & { title: string; bottom_line: string | null }) | undefined;
      if (!brief) return null;
      const sources = this.#sources(brief.id);
      const themes = this.#themes(brief.id);
      const texts = textsOf(themes, sources);
      const highlights = (this.#statements.highlights.all(brief.id) as HighlightRow[]).map((row) =>
        this.#toHighlight(row, texts.get(row.target_id)),
      );
      return this.#assemble(brief, { sources, themes, highlights, notes: this.#notes(brief.id) });
    })();
  }

  /** A brief around its sources, themes (with what they hold of their claims), highlights and notes; the rest read whole. */
  #assemble(
    brief: StampedRow & { title: string; bottom_line: string | null },
    lists: Pick<Brief, 'sources' | 'themes' | 'highlights' | 'notes'>,
  ): Brief {
    return {
      ...stamped(brief),
      title: brief.title,
      bottomLine: brief.bottom_line,
      judgments: this.#judgments(brief.id),
      citationGrades: this.#citationGrades(brief.id),
      exportSettings: this.#exportSettings(brief.id),
      sources: lists.sources,
      themes: lists.themes,
      indicators: this.#indicators(brief.id),
      highlights: lists.highlights,
      notes: lists.notes,
      palette: this.#palette(),
      dismissedFigures: this.#dismissedFigures(brief.id),
    };
  }

  /**
   * The brief as a window opens it: everything but its three long lists whole, and of those the
   * first claims in reading order (with their highlights) and the first notes; `totals` says how
   * many there are, for the window to ask for the rest a part at a time (`getPart`). Its cost and
   * size do not grow with the brief's claims, highlights or notes.
   */
  getOpening(): BriefOpening | null {
    return this.#db.transaction((): BriefOpening | null => {
      const brief = this.#statements.brief.get() as (StampedRow & { title: string; bottom_line: string | null }) | undefined;
      if (!brief) return null;
      const s = this.#statements;
      const sources = this.#sources(brief.id);
      const claimRows = s.claimsPage.all(brief.id, LIMITS.opening.claims, 0) as ClaimRow[];
      const claims = this.#claimsWithCitations(claimRows);
      const byTheme = groupBy(claims, (claim) => claim.themeId);
      const themes = toThemes(s.themes.all(brief.id) as ThemeRow[], [], []).map((theme) => ({
        ...theme,
        claims: byTheme.get(theme.id) ?? [],
      }));
      const texts = new Map([
        ...claims.map((c) => [c.id, c.text] as const),
        ...sources.map((source) => [source.id, source.titleOriginal] as const),
      ]);
      const highlightRows = s.highlightsOn.all({
        brief: brief.id,
        targets: JSON.stringify([...texts.keys()]),
        limit: LIMITS.opening.highlights,
      }) as HighlightRow[];
      const noteRows = s.notesPage.all(brief.id, LIMITS.opening.notes, 0) as NoteRow[];
      const opened = this.#assemble(brief, {
        sources,
        themes,
        highlights: highlightRows.map((row) => this.#toHighlight(row, texts.get(row.target_id))),
        notes: toNotes(noteRows, s.tagsOfNotes.all(JSON.stringify(noteRows.map((n) => n.id))) as NoteTagRow[]),
      });
      return {
        brief: opened,
        totals: s.totals.get({ brief: brief.id }) as BriefOpening['totals'],
        claimNumbers: this.#numbersOf(
          themes,
          claimsPointedAt(opened).filter((id) => !texts.has(id)),
        ),
      };
    })();
  }

  /** "2.5" for each of these claims that is live in a live theme, by claim id; `themes` in reading order. */
  #numbersOf(themes: readonly { id: string }[], claimIds: string[]): Record<string, string> {
    if (claimIds.length === 0) return {};
    const themeIndex = new Map(themes.map((theme, index) => [theme.id, index]));
    const numbers: Record<string, string> = {};
    for (const row of this.#statements.placesOfClaims.all(JSON.stringify(claimIds)) as { id: string; theme_id: string; place: number }[]) {
      const index = themeIndex.get(row.theme_id);
      if (index !== undefined) numbers[row.id] = claimNumber(index, row.place - 1);
    }
    return numbers;
  }

  /** One part of a long list, from `offset` in its order (claims: reading order; highlights and notes: the store's), at most `limit`. */
  getPart(part: BriefPartName, offset: number, limit: number): BriefPart {
    return this.#db.transaction((): BriefPart => {
      const brief = this.#statements.brief.get() as { id: string } | undefined;
      if (!brief) return { part, offset, claims: [], highlights: [], notes: [] };
      const s = this.#statements;
      const empty = { part, offset, claims: [] as Claim[], highlights: [] as Highlight[], notes: [] as Note[] };
      if (part === 'claims')
        return { ...empty, claims: this.#claimsWithCitations(s.claimsPage.all(brief.id, limit, offset) as ClaimRow[]) };
      if (part === 'notes') {
        const rows = s.notesPage.all(brief.id, limit, offset) as NoteRow[];
        return { ...empty, notes: toNotes(rows, s.tagsOfNotes.all(JSON.stringify(rows.map((n) => n.id))) as NoteTagRow[]) };
      }
      const rows = s.highlightsPage.all(brief.id, limit, offset) as HighlightRow[];
      const texts = new Map(
        (s.targetTexts.all({ ids: JSON.stringify([...new Set(rows.map((r) => r.target_id))]) }) as { id: string; text: string }[]).map(
          (r) => [r.id, r.text],
        ),
      );
      return { ...empty, highlights: rows.map((row) => this.#toHighlight(row, texts.get(row.target_id))) };
    })();
  }

  #claimsWithCitations(rows: readonly ClaimRow[]): Claim[] {
    return toClaims(rows, this.#statements.citationsOfClaims.all(JSON.stringify(rows.map((row) => row.id))) as CitationRow[]);
  }

  /**
   * What an edit (or its undo) changed, as the parts of the brief to replace: a highlight edit sends
   * one highlight, not the 100,000 others; a claim edit sends that claim and the highlights on it
   * (their anchors may have moved), not its theme or the others. Computed from the rows the edit
   * touched, each read by id: its cost does not grow with the brief.
   */
  getPatch(touched: readonly { table: string; id: string }[]): BriefPatch {
    return this.#db.transaction((): BriefPatch => {
      const brief = this.#statements.brief.get() as { id: string; bottom_line: string | null } | undefined;
      if (!brief) return {};
      const tables = new Set(touched.map((t) => t.table));
      const patch: BriefPatch = {};
      if (tables.has('brief')) patch.bottomLine = brief.bottom_line;
      if (tables.has('sources')) patch.sources = this.#sources(brief.id);
      if (tables.has('sources') || tables.has('citation_grades')) patch.citationGrades = this.#citationGrades(brief.id);
      if (tables.has('export_settings')) patch.exportSettings = this.#exportSettings(brief.id);
      // A judgment's evidence is what it links to that is still there: a claim or indicator deleted or restored changes it too.
      const targets = touched.filter((t) => t.table === 'claims' || t.table === 'indicators').map((t) => t.id);
      if (
        tables.has('judgments') ||
        tables.has('evidence_links') ||
        (targets.length > 0 && this.#statements.evidenceOn.get(JSON.stringify(targets)) !== undefined)
      )
        patch.judgments = this.#judgments(brief.id);
      this.#patchThemes(patch, brief.id, touched);
      if (['indicators', 'observations'].some((t) => tables.has(t))) patch.indicators = this.#indicators(brief.id);
      this.#patchNotes(patch, brief.id, touched);
      if (tables.has('palette')) patch.palette = this.#palette();
      if (tables.has('dismissed_figures') || tables.has('claims')) patch.dismissedFigures = this.#dismissedFigures(brief.id);
      // Highlights edited, and highlights on edited claims or sources (their anchors are found again).
      const ids = touched.filter((t) => t.table === 'annotations').map((t) => t.id);
      const anchoredOn = touched.filter((t) => t.table === 'claims' || t.table === 'sources').map((t) => t.id);
      if (ids.length + anchoredOn.length > 0) {
        const rows = this.#statements.someHighlights.all({
          brief: brief.id,
          ids: JSON.stringify(ids),
          targets: JSON.stringify(anchoredOn),
        }) as (HighlightRow & { deleted_at: string | null })[];
        const texts = new Map(
          (this.#statements.targetTexts.all({ ids: JSON.stringify(rows.map((r) => r.target_id)) }) as { id: string; text: string }[]).map(
            (r) => [r.id, r.text],
          ),
        );
        patch.highlights = {
          upsert: rows.filter((r) => r.deleted_at === null).map((row) => this.#toHighlight(row, texts.get(row.target_id))),
          remove: rows.filter((r) => r.deleted_at !== null).map((r) => r.id),
        };
      }
      return patch;
    })();
  }

  /** Themes touched, whole with their claims; claims touched (or whose citations were), one by one. */
  #patchThemes(patch: BriefPatch, briefId: string, touched: readonly { table: string; id: string }[]): void {
    const s = this.#statements;
    const themeIds = idsOf(touched, 'themes');
    let upserted = new Set<string>();
    if (themeIds.length > 0) {
      const rows = s.someThemes.all(briefId, JSON.stringify(themeIds)) as ThemeRow[];
      const live = JSON.stringify(rows.map((row) => row.id));
      const themes = toThemes(rows, s.claimsOfThemes.all(live) as ClaimRow[], s.citationsOfThemes.all(live) as CitationRow[]);
      patch.themes = { upsert: themes, remove: missing(themeIds, rows) };
      upserted = new Set(themes.flatMap((theme) => theme.claims.map((claim) => claim.id)));
    }
    const cited = idsOf(touched, 'citations');
    const claimIds = [
      ...new Set([...idsOf(touched, 'claims'), ...(cited.length > 0 ? (s.claimsOfCitations.all(JSON.stringify(cited)) as string[]) : [])]),
    ].filter((id) => !upserted.has(id));
    if (claimIds.length > 0) {
      const ids = JSON.stringify(claimIds);
      const rows = s.someClaims.all(briefId, ids) as ClaimRow[];
      patch.claims = { upsert: toClaims(rows, s.citationsOfClaims.all(ids) as CitationRow[]), remove: missing(claimIds, rows) };
    }
  }

  /** Notes touched, and the notes whose tags or tag links were. */
  #patchNotes(patch: BriefPatch, briefId: string, touched: readonly { table: string; id: string }[]): void {
    const s = this.#statements;
    const [links, tags] = [idsOf(touched, 'note_tags'), idsOf(touched, 'tags')];
    const noteIds = [
      ...new Set([
        ...idsOf(touched, 'notes'),
        ...(links.length > 0 ? (s.notesOfLinks.all(JSON.stringify(links)) as string[]) : []),
        ...(tags.length > 0 ? (s.notesOfTags.all(JSON.stringify(tags)) as string[]) : []),
      ]),
    ];
    if (noteIds.length === 0) return;
    const ids = JSON.stringify(noteIds);
    const rows = s.someNotes.all(briefId, ids) as NoteRow[];
    patch.notes = { upsert: toNotes(rows, s.tagsOfNotes.all(ids) as NoteTagRow[]), remove: missing(noteIds, rows) };
  }

  #toHighlight(row: HighlightRow, text: string | undefined): Highlight {
    return toHighlight(row, this.#anchors.anchor(row.target_id, text, row));
  }

  #sources(briefId: string): Source[] {
    return (this.#statements.sources.all(briefId) as SourceRow[]).map((row): Source => ({
      ...stamped(row),
      titleOriginal: row.title_original,
      originalLanguage: row.original_language,
      titleTranslation: row.title_translation,
      translationNote: row.translation_note,
      publisher: row.publisher,
      publishedText: row.published_text,
      publishedOn: row.published_on,
      bodyLanguage: row.body_language,
      grade: { reliability: row.reliability, credibility: row.credibility },
      shortName: row.short_name,
      provenance:
        row.file_sha256 !== null && row.file_format !== null
          ? {
              fileName: row.file_name ?? '',
              size: row.file_size ?? 0,
              sha256: row.file_sha256,
              format: row.file_format,
              importedAt: row.imported_at ?? '',
            }
          : null,
    }));
  }

  #dismissedFigures(briefId: string): DismissedFigure[] {
    return (this.#statements.dismissedFigures.all(briefId) as (StampedRow & { claim_id: string; quote: string })[]).map((row) => ({
      ...stamped(row),
      claimId: row.claim_id,
      quote: row.quote,
    }));
  }

  #judgments(briefId: string): Judgment[] {
    const s = this.#statements;
    const evidenceByJudgment = groupBy(s.evidence.all(briefId) as EvidenceRow[], (row) => row.judgment_id);
    const toLink = (row: EvidenceRow): EvidenceLink => ({
      ...stamped(row),
      judgmentId: row.judgment_id,
      targetKind: row.target_kind,
      targetId: row.target_id,
      stance: row.stance,
    });
    return (s.judgments.all(briefId) as JudgmentRow[]).map((row): Judgment => ({
      ...stamped(row),
      position: row.position,
      text: row.text,
      likelihood: row.likelihood,
      confidence: row.confidence,
      evidence: (evidenceByJudgment.get(row.id) ?? []).map(toLink),
    }));
  }

  #citationGrades(briefId: string): CitationGrade[] {
    return (this.#statements.citationGrades.all(briefId) as CitationGradeRow[]).map((row): CitationGrade => ({
      ...stamped(row),
      sourceId: row.source_id,
      marker: row.marker,
      reliability: row.reliability,
      credibility: row.credibility,
    }));
  }

  /** The composer's last settings for this brief; null when there are none, or when what is stored does not fit an export. */
  #exportSettings(briefId: string): ExportOptions | null {
    return readExportSettings(this.#statements.exportSettings.get(briefId) as string | undefined);
  }

  #themes(briefId: string): Theme[] {
    const s = this.#statements;
    return toThemes(s.themes.all(briefId) as ThemeRow[], s.claims.all(briefId) as ClaimRow[], s.citations.all(briefId) as CitationRow[]);
  }

  #indicators(briefId: string): Indicator[] {
    const s = this.#statements;
    const observationsByIndicator = groupBy(s.observations.all(briefId) as ObservationRow[], (row) => row.indicator_id);
    const toObservation = (row: ObservationRow): Observation => ({
      ...stamped(row),
      ...(({ text, spoken }) => ({ display: text, spoken }))(formatValue(row.value, row.unit, row.comparator)),
      asOfLabel: formatAsOf(row.as_of, row.as_of_note),
      indicatorId: row.indicator_id,
      position: row.position,
      value: row.value,
      unit: row.unit,
      comparator: row.comparator,
      asOf: row.as_of,
      asOfNote: row.as_of_note,
      claimId: row.claim_id,
      quote: row.quote,
    });
    return (s.indicators.all(briefId) as IndicatorRow[]).map((row): Indicator => ({
      ...stamped(row),
      position: row.position,
      name: row.name,
      unit: row.unit,
      claimId: row.claim_id,
      observations: (observationsByIndicator.get(row.id) ?? []).map(toObservation),
    }));
  }

  #notes(briefId: string): Note[] {
    return toNotes(this.#statements.notes.all(briefId) as NoteRow[], this.#statements.noteTags.all() as NoteTagRow[]);
  }

  #palette(): PaletteEntry[] {
    const renamed = new Map(
      (this.#statements.palette.all() as { colour: Colour; meaning: string }[]).map((row) => [row.colour, row.meaning]),
    );
    return COLOURS.map((colour): PaletteEntry => ({ colour, meaning: renamed.get(colour) ?? DEFAULT_MEANINGS[colour] }));
  }
}

type ClaimRow = StampedRow & {
  theme_id: string;
  source_id: string | null;
  position: number;
  text: string;
  confidence: Confidence | null;
  judgement: string | null;
  translation: string | null;
};
type ObservationRow = StampedRow & {
  indicator_id: string;
  position: number;
  value: number;
  unit: string;
  comparator: Comparator;
  as_of: string | null;
  as_of_note: string | null;
  claim_id: string | null;
  quote: string | null;
};
type SourceRow = StampedRow & {
  title_original: string;
  original_language: string | null;
  title_translation: string | null;
  translation_note: string | null;
  publisher: string;
  published_text: string;
  published_on: string | null;
  body_language: string | null;
  reliability: Reliability | null;
  credibility: Credibility | null;
  short_name: string | null;
  file_name: string | null;
  file_size: number | null;
  file_sha256: string | null;
  file_format: SourceFormat | null;
  imported_at: string | null;
};
type JudgmentRow = StampedRow & { position: number; text: string; likelihood: Likelihood | null; confidence: Confidence | null };
type EvidenceRow = StampedRow & { judgment_id: string; target_kind: EvidenceKind; target_id: string; stance: Stance };
type CitationGradeRow = StampedRow & {
  source_id: string;
  marker: number;
  reliability: Reliability | null;
  credibility: Credibility | null;
};
type ThemeRow = StampedRow & { position: number; label: string; title: string | null; source_id: string | null };
type IndicatorRow = StampedRow & { position: number; name: string; unit: string; claim_id: string | null };
type NoteRow = StampedRow & { target_kind: NoteTarget; target_id: string | null; body: string };
type NoteTagRow = { note_id: string; name: string };
type CitationRow = { id: string; claim_id: string; marker: number; char_offset: number };
type HighlightRow = StampedRow & {
  rev: string;
  target_kind: 'claim' | 'source';
  target_id: string;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  position_start: number;
  position_end: number;
  color: Colour;
  comment: string | null;
};

/** The ids of the rows of `table` an edit touched. */
const idsOf = (touched: readonly { table: string; id: string }[], table: string): string[] =>
  touched.filter((t) => t.table === table).map((t) => t.id);

/** Which of `ids` the rows read do not hold (deleted, or not the brief's any more): what a patch removes. */
function missing(ids: readonly string[], rows: readonly { id: string }[]): string[] {
  const found = new Set(rows.map((row) => row.id));
  return ids.filter((id) => !found.has(id));
}

/** Claims as shown, each with its citations, from rows in the store's order. */
function toClaims(rows: readonly ClaimRow[], citationRows: readonly CitationRow[]): Claim[] {
  const citationsByClaim = groupBy(citationRows, (row) => row.claim_id);
  return rows.map((row): Claim => {
    const citations = (citationsByClaim.get(row.id) ?? []).map((c): Citation => ({ id: c.id, marker: c.marker, offset: c.char_offset }));
    return {
      ...stamped(row),
      themeId: row.theme_id,
      sourceId: row.source_id,
      position: row.position,
      text: row.text,
      citations,
      editableText: formatClaim({ text: row.text, citations }),
      confidence: row.confidence,
      judgement: row.judgement,
      translation: row.translation,
    };
  });
}

/** Themes as shown, each with its claims, from rows in the store's order. */
function toThemes(rows: readonly ThemeRow[], claimRows: readonly ClaimRow[], citationRows: readonly CitationRow[]): Theme[] {
  const claimsByTheme = groupBy(toClaims(claimRows, citationRows), (claim) => claim.themeId);
  return rows.map((row): Theme => ({
    ...stamped(row),
    position: row.position,
    label: row.label,
    title: row.title,
    sourceId: row.source_id,
    claims: claimsByTheme.get(row.id) ?? [],
  }));
}

/** Notes as shown, each with its tags' names. */
function toNotes(rows: readonly NoteRow[], tagRows: readonly NoteTagRow[]): Note[] {
  const tagsByNote = groupBy(tagRows, (row) => row.note_id);
  return rows.map((row): Note => ({
    ...stamped(row),
    targetKind: row.target_kind,
    targetId: row.target_id,
    body: row.body,
    tags: (tagsByNote.get(row.id) ?? []).map((t) => t.name),
  }));
}

/** The text each highlight target holds now: claims by id, and the source's headline. */
function textsOf(themes: readonly Theme[], sources: readonly Source[]): Map<string, string> {
  return new Map<string, string>([
    ...themes.flatMap((theme) => theme.claims.map((claim) => [claim.id, claim.text] as const)),
    ...sources.map((source) => [source.id, source.titleOriginal] as const),
  ]);
}

/** A highlight as shown, anchored in its target's text as it is now; a deleted claim orphans it. */
function toHighlight(row: HighlightRow, anchor: Anchor | null): Highlight {
  return {
    ...stamped(row),
    targetKind: row.target_kind,
    targetId: row.target_id,
    quote: row.quote_exact,
    // Colours from another app's idea of a palette fall back to the first of ours.
    colour: COLOURS.includes(row.color) ? row.color : 'yellow',
    comment: row.comment,
    anchor,
  };
}
