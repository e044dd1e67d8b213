// A brief composed for leaving the building: what the composer chose, in order, with every
// figure already written out. Plain JSON data, the same for the live preview, the print view
// (PDF and HTML) and the Markdown writer.

export type Paper = 'a4' | 'letter';

export interface ExportOptions {
  title: string;
  author: string;
  /** YYYY-MM-DD */
  date: string;
  /** Handling marking printed in the header and footer of every page, e.g. OFFICIAL-SENSITIVE. */
  marking: string;
  paper: Paper;
  /** Themes to include, in this order; null means all, in the brief's order. */
  themeIds: string[] | null;
  excludedClaimIds: string[];
  includeIndicators: boolean;
  includeCharts: boolean;
  includeReferences: boolean;
  includeAnnotations: boolean;
}

export interface ExportClaim {
  number: string;
  text: string;
  /** The source's reference numbers, in order ([1][19] → [1, 19]). */
  citations: number[];
}

export interface ExportSection {
  /** Anchor for the table of contents and the PDF outline. */
  anchor: string;
  heading: string;
  claims: ExportClaim[];
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
  history: { value: string; asOf: string }[];
}

export interface ExportChart {
  anchor: string;
  title: string;
  unit: string;
  points: { label: string; value: number; display: string }[];
}

export interface ExportReference {
  marker: number;
  citedBy: string[];
}

/** A highlight as the store keeps it, before the export names its claim. */
export interface AnnotationForExport {
  targetKind: string;
  targetId: string;
  quote: string;
  comment: string | null;
  author: string;
}

export interface ExportAnnotation {
  target: string;
  quote: string;
  comment: string | null;
  author: string;
}

export interface ExportDocument {
  title: string;
  author: string;
  date: string;
  marking: string;
  paper: Paper;
  source: { headline: string; translation: string | null; translationNote: string | null; publisher: string; published: string } | null;
  sections: ExportSection[];
  indicators: ExportIndicator[];
  charts: ExportChart[];
  references: ExportReference[];
  annotations: ExportAnnotation[];
  /** Nothing was chosen, or the brief holds nothing: the document says so instead of being blank. */
  empty: boolean;
}
