import { readExportSettings, type Db } from '../store/index.ts';
import type { Anchor } from '../../common/anchoring.ts';
import { AnchorCache } from './anchor-cache.ts';
import { formatClaim } from '../../common/claim-text.ts';
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
import type {
  Brief,
  BriefCounts,
  BriefPatch,
  Citation,
  CitationGrade,
  Claim,
  Comparator,
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

const LIVE = 'deleted_at IS NULL';

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
      themes: db.prepare(`SELECT id, created_at, updated_at, author, position, label, title FROM themes
        WHERE brief_id = ? AND ${LIVE} ORDER BY position, id`),
      claims:
        db.prepare(`SELECT c.id, c.created_at, c.updated_at, c.author, c.theme_id, c.source_id, c.position, c.text, c.confidence, c.judgement
        FROM claims c JOIN themes t ON t.id = c.theme_id
        WHERE t.brief_id = ? AND c.deleted_at IS NULL ORDER BY c.position, c.id`),
      citations: db.prepare(`SELECT ci.id, ci.claim_id, ci.marker, ci.char_offset FROM citations ci
        JOIN claims c ON c.id = ci.claim_id JOIN themes t ON t.id = c.theme_id
        WHERE t.brief_id = ? AND ci.deleted_at IS NULL ORDER BY ci.position, ci.id`),
      indicators: db.prepare(`SELECT id, created_at, updated_at, author, position, name, unit, claim_id FROM indicators
        WHERE brief_id = ? AND ${LIVE} ORDER BY position, id`),
      observations: db.prepare(`SELECT o.* FROM observations o JOIN indicators i ON i.id = o.indicator_id
        WHERE i.brief_id = ? AND o.deleted_at IS NULL ORDER BY o.position, o.id`),
      highlights:
        db.prepare(`SELECT id, rev, created_at, updated_at, author, target_kind, target_id, quote_exact, quote_prefix, quote_suffix,
        position_start, position_end, color, comment FROM annotations WHERE brief_id = ? AND ${LIVE} ORDER BY created_at, id`),
      notes: db.prepare(`SELECT id, created_at, updated_at, author, target_kind, target_id, body FROM notes
        WHERE brief_id = ? AND ${LIVE} ORDER BY created_at, id`),
      noteTags: db.prepare(`SELECT nt.note_id, t.name FROM note_tags nt JOIN tags t ON t.id = nt.tag_id
        WHERE nt.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY t.name COLLATE NOCASE`),
      palette: db.prepare(`SELECT colour, meaning FROM palette WHERE ${LIVE}`),
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
      // For a patch: whether any evidence link (live or not) names one of these claims or indicators.
      evidenceOn: db.prepare('SELECT 1 FROM evidence_links WHERE target_id IN (SELECT value FROM json_each(?)) LIMIT 1').pluck(),
      // For a patch: highlights by id (deleted ones too, so the view can drop them) or on given targets.
      someHighlights:
        db.prepare(`SELECT id, rev, created_at, updated_at, author, deleted_at, target_kind, target_id, quote_exact, quote_prefix, quote_suffix,
        position_start, position_end, color, comment FROM annotations
        WHERE brief_id = ? AND (id IN (SELECT value FROM json_each(?)) OR (deleted_at IS NULL AND target_id IN (SELECT value FROM json_each(?))))
        ORDER BY created_at, id`),
      targetTexts: db.prepare(`SELECT id, text FROM claims WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(@ids))
        UNION ALL SELECT id, title_original FROM sources WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(@ids))`),
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
      return {
        ...stamped(brief),
        title: brief.title,
        bottomLine: brief.bottom_line,
        judgments: this.#judgments(brief.id),
        citationGrades: this.#citationGrades(brief.id),
        exportSettings: this.#exportSettings(brief.id),
        sources,
        themes,
        indicators: this.#indicators(brief.id),
        highlights,
        notes: this.#notes(brief.id),
        palette: this.#palette(),
      };
    })();
  }

  /**
   * What an edit (or its undo) changed, as the parts of the brief to replace: a highlight edit sends
   * one highlight, not the 100,000 others; a claim edit sends the themes and the highlights on that
   * claim (their anchors may have moved). Computed from the rows the edit touched.
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
      if (['themes', 'claims', 'citations'].some((t) => tables.has(t))) patch.themes = this.#themes(brief.id);
      if (['indicators', 'observations'].some((t) => tables.has(t))) patch.indicators = this.#indicators(brief.id);
      if (['notes', 'tags', 'note_tags'].some((t) => tables.has(t))) patch.notes = this.#notes(brief.id);
      if (tables.has('palette')) patch.palette = this.#palette();
      // Highlights edited, and highlights on edited claims or sources (their anchors are found again).
      const ids = touched.filter((t) => t.table === 'annotations').map((t) => t.id);
      const anchoredOn = touched.filter((t) => t.table === 'claims' || t.table === 'sources').map((t) => t.id);
      if (ids.length + anchoredOn.length > 0) {
        const rows = this.#statements.someHighlights.all(brief.id, JSON.stringify(ids), JSON.stringify(anchoredOn)) as (HighlightRow & {
          deleted_at: string | null;
        })[];
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
    const citationsByClaim = groupBy(
      s.citations.all(briefId) as { id: string; claim_id: string; marker: number; char_offset: number }[],
      (row) => row.claim_id,
    );
    const claimsByTheme = groupBy(s.claims.all(briefId) as ClaimRow[], (row) => row.theme_id);
    const toClaim = (row: ClaimRow): Claim => {
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
      };
    };
    return (s.themes.all(briefId) as ThemeRow[]).map((row): Theme => ({
      ...stamped(row),
      position: row.position,
      label: row.label,
      title: row.title,
      claims: (claimsByTheme.get(row.id) ?? []).map(toClaim),
    }));
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
    const tagsByNote = groupBy(this.#statements.noteTags.all() as { note_id: string; name: string }[], (row) => row.note_id);
    return (this.#statements.notes.all(briefId) as NoteRow[]).map((row): Note => ({
      ...stamped(row),
      targetKind: row.target_kind,
      targetId: row.target_id,
      body: row.body,
      tags: (tagsByNote.get(row.id) ?? []).map((t) => t.name),
    }));
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
};
type JudgmentRow = StampedRow & { position: number; text: string; likelihood: Likelihood | null; confidence: Confidence | null };
type EvidenceRow = StampedRow & { judgment_id: string; target_kind: EvidenceKind; target_id: string; stance: Stance };
type CitationGradeRow = StampedRow & {
  source_id: string;
  marker: number;
  reliability: Reliability | null;
  credibility: Credibility | null;
};
type ThemeRow = StampedRow & { position: number; label: string; title: string | null };
type IndicatorRow = StampedRow & { position: number; name: string; unit: string; claim_id: string | null };
type NoteRow = StampedRow & { target_kind: NoteTarget; target_id: string | null; body: string };
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
