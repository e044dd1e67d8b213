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
} as const;
