// A source read from any everyday format (a saved web page, a PDF report, a Word document,
// Markdown, plain or pasted text, the article layout) as one structure: headings become themes,
// paragraphs and list items become claims, and `[n]` or footnote markers become citations. Made
// by db/ingest in a child process and checked on its way out; shown by the import preview.

export interface ParsedSourceClaim {
  /** The claim's words, markers taken out. */
  text: string;
  /** The number of each citation marker, in the order they stood ("[1][19]" → [1, 19]). */
  citations: number[];
  /** Where each marker stood in `text` (a character offset), one per citation, as the store keeps them. */
  citationOffsets: number[];
}

export interface ParsedSourceTheme {
  heading: string;
  claims: ParsedSourceClaim[];
}

export interface ParsedSource {
  headline: string;
  /** BCP 47 primary language of the headline ("zh", "en") when the file says or its script shows it; null when unknown. */
  headlineLanguage: string | null;
  publisher: string | null;
  /** YYYY-MM-DD, when the source prints a publication date. */
  publishedOn: string | null;
  themes: ParsedSourceTheme[];
  /** What the reader noticed and the user should know (a table left out, links not followed), one sentence each. */
  warnings: string[];
}

/** The formats a source is read from, told apart by content. */
export const SOURCE_FORMATS = ['article', 'html', 'pdf', 'docx', 'markdown', 'text'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** How each format is named to a user ("a PDF report"). */
export const SOURCE_FORMAT_NAMES: Record<SourceFormat, string> = {
  article: 'article text',
  html: 'web page',
  pdf: 'PDF',
  docx: 'Word document',
  markdown: 'Markdown',
  text: 'plain text',
};
