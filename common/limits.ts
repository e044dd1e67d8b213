// How long what a user types may be. The store's writer enforces these with a sentence naming the
// field; the router's schemas allow a little more (so the writer, not a schema, explains); the
// renderer's inputs use the same numbers for their maxlength.

export const LIMITS = {
  noteChars: 2_000_000,
  commentChars: 10_000,
  claimChars: 20_000,
  /** Titles, names, units, meanings, one-line judgements. */
  shortText: 200,
  tags: 20,
  tagChars: 40,
  /** The most hits one search answers with; the search box says "the first 50" at this many. */
  searchHits: 50,
  /** The largest source file imported (a long report as a PDF is a few megabytes; a saved page with its pictures inlined, tens). */
  sourceFileBytes: 50 * 1024 ** 2,
  /**
   * What a window is given of a brief's three long lists when it opens it (enough for the first
   * screens), and the most of one list one answer carries after that: no answer grows with the brief.
   */
  opening: { claims: 150, highlights: 2_000, notes: 100 },
  part: { claims: 2_000, highlights: 10_000, notes: 2_000 },
  /** What one imported source may bring in: themes, and claims in all (an import preview past these is split by the user). */
  sourceThemes: 1_000,
  sourceClaims: 20_000,
} as const;
