// The brief as the store hands it out: plain JSON data only, because it crosses
// Electron's structured clone and the Chromium host's JSON bridge alike.
import type {
  Colour,
  Comparator,
  Confidence,
  Credibility,
  EvidenceKind,
  HighlightTarget,
  Likelihood,
  NoteTarget,
  Reliability,
  Stance,
} from './vocabulary.ts';
import type { ExportOptions } from './export-document.ts';
import type { SourceFormat } from './parsed-source.ts';

export type { Colour, Comparator, Confidence, Credibility, EvidenceKind, HighlightTarget, Likelihood, NoteTarget, Reliability, Stance };

/** Where a highlight's quote stands in its target's text now (offsets, end exclusive). */
export interface Anchor {
  start: number;
  end: number;
}

/** Columns every merge-ready row carries. */
export interface Stamped {
  id: string;
  createdAt: string;
  updatedAt: string;
  author: string;
}

export interface Source extends Stamped {
  /** Headline exactly as published, in the original language. */
  titleOriginal: string;
  originalLanguage: string | null;
  /** Our rendering of the headline; never part of the source, always shown as a translation. */
  titleTranslation: string | null;
  translationNote: string | null;
  publisher: string;
  /** Date and time as the source prints them (no time zone is given, so none is invented). */
  publishedText: string;
  /** The calendar date of publication, YYYY-MM-DD. */
  publishedOn: string | null;
  /** The language of the summary text the claims come from. */
  bodyLanguage: string | null;
  /** The analyst's grade of the source as a whole. */
  grade: Grade;
  /** How the brief names the source beside its citation numbers when it holds two or more ("Sohu"). */
  shortName: string | null;
  /** The file the source was read from; null for a source not read from a file (the embedded article). */
  provenance: SourceProvenance | null;
}

/** Where a source's text came from: the original file as it was when imported. */
export interface SourceProvenance {
  fileName: string;
  size: number;
  /** SHA-256 of the file's bytes, lower-case hex. */
  sha256: string;
  format: SourceFormat;
  /** ISO 8601 time of the import. */
  importedAt: string;
}

export interface Citation {
  id: string;
  /** The number inside the marker, e.g. 19 for `[19]`. */
  marker: number;
  /** Character offset in the claim text where the marker stood. */
  offset: number;
}

export interface Claim extends Stamped {
  themeId: string;
  sourceId: string | null;
  position: number;
  text: string;
  citations: Citation[];
  /** The text with its markers where they stand ("… reserves [1][19]"), as the claim editor shows it. */
  editableText: string;
  /** The analyst's own assessment, not the source's. */
  confidence: Confidence | null;
  judgement: string | null;
  /** Our rendering of the claim in another language; never part of the source, always shown as a translation. */
  translation: string | null;
}

export interface Theme extends Stamped {
  position: number;
  /** The label the source gives the group, e.g. "Group 1". */
  label: string;
  /** A title of the user's; the source gives none. */
  title: string | null;
  /** The source the theme was read from; null for a theme the analyst added. */
  sourceId: string | null;
  claims: Claim[];
}

export interface Observation extends Stamped {
  indicatorId: string;
  position: number;
  value: number;
  unit: string;
  comparator: Comparator;
  /** YYYY-MM-DD, or null when the source does not date the value. */
  asOf: string | null;
  /** What the date means, e.g. "as reported" or "earlier value, undated in the source". */
  asOfNote: string | null;
  claimId: string | null;
  /** The words of the claim the figure is read from. */
  quote: string | null;
  /** The value as shown everywhere ("< 1%"), spelled out for screen readers, and its date line. */
  display: string;
  spoken: string;
  asOfLabel: string;
}

export interface Indicator extends Stamped {
  position: number;
  name: string;
  unit: string;
  claimId: string | null;
  observations: Observation[];
}

/** A highlight, with where its quote stands in the text now; `anchor` is null when the words are gone (orphaned). */
export interface Highlight extends Stamped {
  targetKind: HighlightTarget;
  targetId: string;
  quote: string;
  colour: Colour;
  comment: string | null;
  anchor: Anchor | null;
}

export interface Note extends Stamped {
  targetKind: NoteTarget;
  targetId: string | null;
  /** Markdown, as typed. */
  body: string;
  tags: string[];
}

export interface PaletteEntry {
  colour: Colour;
  meaning: string;
}

/** A grade in the Admiralty system: the source's reliability and the information's credibility, each judged apart (either may be unset). */
export interface Grade {
  reliability: Reliability | null;
  credibility: Credibility | null;
}

/** The analyst's grade of one citation number of a source ("[19]: B2"). */
export interface CitationGrade extends Stamped, Grade {
  sourceId: string;
  marker: number;
}

/** A claim or indicator a key judgment rests on, or that cuts against it. */
export interface EvidenceLink extends Stamped {
  judgmentId: string;
  targetKind: EvidenceKind;
  targetId: string;
  stance: Stance;
}

/** One key judgment of the brief: what the analyst concludes, how likely, how confident, on what evidence. */
export interface Judgment extends Stamped {
  position: number;
  text: string;
  likelihood: Likelihood | null;
  confidence: Confidence | null;
  evidence: EvidenceLink[];
}

export interface Brief extends Stamped {
  title: string;
  /** The analyst's answer in a few sentences, put first in the brief; null until written. */
  bottomLine: string | null;
  /** Key judgments in the order the brief gives them. */
  judgments: Judgment[];
  /** Grades of citation numbers, by source and number. */
  citationGrades: CitationGrade[];
  /** The composer's settings as last used for this brief (they travel with the file); null until first composed. */
  exportSettings: ExportOptions | null;
  sources: Source[];
  themes: Theme[];
  indicators: Indicator[];
  highlights: Highlight[];
  notes: Note[];
  palette: PaletteEntry[];
  /** Figures of claims the analyst does not want offered as indicators. */
  dismissedFigures: DismissedFigure[];
}

/** A figure of a claim dismissed as an indicator candidate, by the exact words it is read from. */
export interface DismissedFigure extends Stamped {
  claimId: string;
  quote: string;
}

export interface BriefCounts {
  sources: number;
  themes: number;
  claims: number;
  citations: number;
  indicators: number;
  observations: number;
  notes: number;
  annotations: number;
  tags: number;
  /** Key judgments, and the references graded. */
  judgments: number;
  citationGrades: number;
}

/** Items of a list an edit changed: `upsert` replaces or adds each by id (in the list's order), `remove` drops them. */
export interface ItemChanges<T> {
  upsert: T[];
  remove: string[];
}

/**
 * The parts of a brief an edit changed, never more than the items it touched: a present list part
 * (sources, indicators, …) replaces the brief's own; themes, claims, notes and highlights are
 * upserted and removed by id, each put in its place in the store's order. A theme upserted carries
 * its claims; claims upserted go to the theme their `themeId` names. Applied by the renderer
 * (renderer/src/lib/brief-patch.ts).
 */
export interface BriefPatch {
  sources?: Source[];
  themes?: ItemChanges<Theme>;
  claims?: ItemChanges<Claim>;
  indicators?: Indicator[];
  notes?: ItemChanges<Note>;
  palette?: PaletteEntry[];
  highlights?: ItemChanges<Highlight>;
  bottomLine?: string | null;
  judgments?: Judgment[];
  citationGrades?: CitationGrade[];
  exportSettings?: ExportOptions | null;
  dismissedFigures?: DismissedFigure[];
}

/** A search answer: the matched text around the hit, split so the matches can be marked without any HTML. */
export interface SearchHit {
  /** `judgment`: a key judgment (id: the judgment's); `bottomLine`: the brief's bottom line (id: the brief's). */
  kind: 'claim' | 'note' | 'annotation' | 'indicator' | 'source' | 'judgment' | 'bottomLine';
  id: string;
  parts: { text: string; match: boolean }[];
}

/** The long lists of a brief, which a window is given a part at a time. */
export type BriefPartName = 'claims' | 'highlights' | 'notes';

/**
 * A brief as a window opens it: whole but for its long lists, of which it holds the first claims in
 * reading order (with the highlights on them) and the first notes; `totals` says how many there are.
 */
export interface BriefOpening {
  brief: Brief;
  totals: Record<BriefPartName, number>;
  /**
   * The numbers ("2.5") of claims not in the opening that its indicators, judgments and notes
   * point at, so their panels can name them before the claims come.
   */
  claimNumbers: Record<string, string>;
}

/** One part of a long list: from `offset` in its order (claims: reading order; highlights and notes: the store's). */
export interface BriefPart {
  part: BriefPartName;
  offset: number;
  claims: Claim[];
  highlights: Highlight[];
  notes: Note[];
}

/** What a merge of a colleague's copy did, item by item. */
export interface MergeReport {
  added: number;
  updated: number;
  unchanged: number;
  keptOurs: number;
  conflicts: number;
  /** Authors of the items that came in from their side. */
  authors: string[];
}

export interface ConflictSide {
  author: string;
  updatedAt: string;
  deleted: boolean;
}

export interface ConflictField {
  field: string;
  ours: string;
  theirs: string;
}

/** A merge conflict shaped for the review screen and the CLI. */
export interface ConflictView {
  id: string;
  /** The store table the item lives in. */
  table: string;
  rowId: string;
  /** "Claim 1.2", "Note", "Indicator: Engineers working in the rare earth sector". */
  itemLabel: string;
  fields: ConflictField[];
  ours: ConflictSide;
  theirs: ConflictSide;
  receivedFrom: string | null;
}
