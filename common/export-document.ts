// A brief composed for leaving the building: what the composer chose, in order, with every
// figure, grade and cross-reference already written out. Plain JSON data, the same for the live
// preview, the print view (PDF and HTML) and the Markdown writer, so the three say the same thing
// in the same order: they lay it out, they never decide what it says.
import type { ChartDescription } from './chart.ts';
import type { Colour } from './vocabulary.ts';

export type Paper = 'a4' | 'letter';

export interface ExportOptions {
  title: string;
  author: string;
  /** YYYY-MM-DD: printed under the title, and the day after which a dated value is a projection. */
  date: string;
  /** Handling marking printed in the header and footer of every page, e.g. OFFICIAL-SENSITIVE. */
  marking: string;
  paper: Paper;
  /** Themes to include, in this order; null means all, in the brief's order. */
  themeIds: string[] | null;
  excludedClaimIds: string[];
  /** The analyst's bottom line, right after the title block. */
  includeBottomLine: boolean;
  /** Key judgments with likelihood, confidence and the evidence they rest on. */
  includeJudgments: boolean;
  /** Each claim's assessment (confidence and one-line judgement), under the claim. */
  includeAssessments: boolean;
  /** Notes where they are attached: on the brief, a theme, a claim, an indicator. */
  includeNotes: boolean;
  /** Highlights marked in the text, their comments as numbered notes, a legend and the orphaned ones. */
  includeAnnotations: boolean;
  includeIndicators: boolean;
  includeCharts: boolean;
  includeReferences: boolean;
  /** Admiralty grades of the source and of each reference (only with the references). */
  includeGrades: boolean;
}

/** A stretch of text and the highlights over it. */
export interface ExportRun {
  text: string;
  /** Colours of the highlights covering this stretch, earliest first; empty when none does. */
  colours: Colour[];
  /** Numbers of the commented highlights that end with this stretch (their comments are numbered notes). */
  notes: number[];
}

/** A note as the analyst typed it (Markdown), to be rendered safely wherever it is printed. */
export interface ExportNote {
  body: string;
  author: string;
  /** What it is about, when that is not where it stands ("On the source"). */
  label: string | null;
}

export interface ExportClaim {
  number: string;
  /** The claim's text, without its citation markers. */
  text: string;
  /** The same text, cut where highlights start and end (one run when nothing is highlighted or highlights are left out). */
  runs: ExportRun[];
  /** The source's reference numbers, in order ([1][19] → [1, 19]). */
  citations: number[];
  /** The name of the source the numbers are of, where the brief holds several ("[Sohu 19]"); null with one source. */
  citationSource: string | null;
  /** Where its numbers are listed: the anchor of reference n is `${referencePrefix}-${n}`. */
  referencePrefix: string;
  /** Our rendering of the claim in another language, printed labelled as a translation; null when none. */
  translation: string | null;
  /** "Assessment: high confidence — …", or null when not assessed or left out. */
  assessment: string | null;
  notes: ExportNote[];
}

export interface ExportSection {
  /** Anchor for the table of contents and the PDF outline. */
  anchor: string;
  heading: string;
  notes: ExportNote[];
  claims: ExportClaim[];
}

export interface ExportJudgment {
  /** "KJ1": how the brief refers to it. */
  label: string;
  text: string;
  /** "Likelihood: likely (55–80%) · Confidence: moderate", or null when neither is set. */
  qualifiers: string | null;
  /** "Supported by claims 2.1, 2.3; indicator Rare earth reserves (Russia).", or null. */
  support: string | null;
  /** "Cut against by claim 4.2.", or null. */
  against: string | null;
}

export interface ExportObservation {
  value: string;
  /** Its date line, "2025-11-09 · as reported", with "projection" when dated after the export's date. */
  asOf: string;
  projection: boolean;
}

export interface ExportIndicator {
  name: string;
  /** Latest value as written ("< 1%"), its unit and date line. */
  value: string;
  spoken: string;
  unit: string;
  asOf: string;
  /** "2.1", or null when the claim is not in this brief. */
  claimNumber: string | null;
  history: ExportObservation[];
  /** Values whose sourcing no longer holds: "quote no longer in claim 2.1". */
  flags: string[];
  notes: ExportNote[];
}

export interface ExportChart {
  anchor: string;
  title: string;
  unit: string;
  chart: ChartDescription;
}

export interface ExportReference {
  marker: number;
  citedBy: string[];
  /** "B2 — usually reliable; probably true", or null when ungraded or grades are left out. */
  grade: string | null;
}

/** The reference numbers of one source, as its claims in this export cite them. */
export interface ExportReferenceGroup {
  /** How the brief names the source beside its numbers ("Sohu"). */
  source: string;
  /** "Sohu Cai Jing, 2025-11-09 07:03": whose numbers these are. */
  origin: string;
  /** The anchor of reference n is `${prefix}-${n}` ("ref-19"; "ref-s2-19" for the second source's). */
  prefix: string;
  references: ExportReference[];
}

/** A source the brief draws on, as the title block prints it. */
export interface ExportSource {
  /** How the brief names it beside its numbers when there are several ("Sohu"). */
  name: string;
  headline: string;
  /** The headline cut at its highlights. */
  headlineRuns: ExportRun[];
  /** The headline's language (BCP 47), so it is set in the right face; null when unknown. */
  language: string | null;
  translation: string | null;
  translationNote: string | null;
  publisher: string;
  published: string;
  /** The source's own grade, "B2 — usually reliable; probably true", or null. */
  grade: string | null;
  /** "report.pdf (PDF, 1.2 MB, SHA-256 …), imported …", or null for a source not read from a file. */
  provenance: string | null;
}

/** A commented highlight: a numbered note, in reading order. */
export interface ExportHighlightNote {
  number: number;
  /** "Claim 2.1", "Source headline". */
  target: string;
  quote: string;
  colour: Colour;
  meaning: string;
  comment: string;
  author: string;
}

/** A highlight whose words are no longer in its text: listed with its quote, never shown on a claim. */
export interface ExportOrphan {
  target: string;
  quote: string;
  colour: Colour;
  meaning: string;
  comment: string | null;
  author: string;
}

export interface ExportAnnotations {
  /** What each colour used in this export means in this brief. */
  legend: { colour: Colour; meaning: string }[];
  notes: ExportHighlightNote[];
  orphans: ExportOrphan[];
}

/** One heading after the title, in document order: the PDF's outline, and (when listed) a line of the contents. */
export interface ExportHeading {
  anchor: string;
  heading: string;
  level: 2 | 3;
  /** Whether the contents list it (what comes before the contents is not listed). */
  listed: boolean;
  /** Its page in the PDF, filled in by the printer once known; null elsewhere. */
  page: number | null;
}

export interface ExportDocument {
  title: string;
  author: string;
  date: string;
  marking: string;
  paper: Paper;
  /** The sources the brief draws on, in the order they were added; empty for a brief of none. */
  sources: ExportSource[];
  /** The bottom line's paragraphs; empty when there is none or it is left out. */
  bottomLine: string[];
  judgments: ExportJudgment[];
  /** Notes on the brief as a whole (and on the source): the "Analyst's notes". */
  briefNotes: ExportNote[];
  headings: ExportHeading[];
  /** Whether the contents show a page column (the PDF only; the printer fills the numbers in). */
  pageNumbers: boolean;
  sections: ExportSection[];
  indicators: ExportIndicator[];
  charts: ExportChart[];
  /** Reference numbers grouped by the source they are of, in the sources' order. */
  references: ExportReferenceGroup[];
  annotations: ExportAnnotations | null;
  /** What the composer should point out and the export does not print: "Key judgment 3 has no supporting evidence". */
  warnings: string[];
  /** Nothing was chosen, or the brief holds nothing: the document says so instead of being blank. */
  empty: boolean;
}

/** Anchors of the parts that are not themes (themes are section-1, section-2, …). */
export const PART_ANCHORS = {
  bottomLine: 'bottom-line',
  judgments: 'key-judgments',
  briefNotes: 'analyst-notes',
  contents: 'contents',
  indicators: 'indicators',
  references: 'references',
  annotations: 'annotations',
  legend: 'annotations-legend',
  highlightNotes: 'annotations-notes',
  orphans: 'annotations-orphans',
} as const;

/** The heading of a part, as the document prints it (one list, so the outline reader matches what is drawn). */
export const headingOf = (doc: Pick<ExportDocument, 'headings'>, anchor: string): string =>
  doc.headings.find((h) => h.anchor === anchor)?.heading ?? '';

/** "[image: chart of output — https://x/y.png]": how every view and export writes an image in a note, which is never loaded. */
export const imageText = (alt: string, address: string): string =>
  alt.trim() ? `[image: ${alt.trim()} — ${address}]` : `[image: ${address}]`;

/** What one chart weighs in the print view: its canvas (3.3 MB at three pixels a point) as much as 100 claims drawn. */
export const CHART_ITEMS = 100;

/**
 * How much drawing `doc` takes in the print view, in items: claims, notes on themes and claims,
 * indicators, references and highlight notes, each chart as CHART_ITEMS (the measure the print view
 * cuts a long brief into parts by: renderer/src/print/parts.ts).
 */
export function printItems(doc: ExportDocument): number {
  const themes = doc.sections.reduce(
    (sum, section) => sum + section.notes.length + section.claims.reduce((claims, claim) => claims + 1 + claim.notes.length, 0),
    0,
  );
  const references = doc.references.reduce((sum, group) => sum + group.references.length, 0);
  return (
    doc.briefNotes.length +
    themes +
    doc.indicators.length +
    references +
    (doc.annotations?.notes.length ?? 0) +
    doc.charts.length * CHART_ITEMS
  );
}
