import type { Migration } from './types.ts';
import { SEARCH_INDEX_FILL } from '../search-index.ts';

// Schema v3: one full-text index over everything a user searches: claims, notes, highlight
// comments, indicators and the source's headline. The trigram tokenizer indexes every three
// characters, so a word inside a run of Chinese (中国 in a sentence) or a Russian stem is found;
// queries of one or two characters fall back to a scan of the same table (see db/search.ts).
// Kept up to date in code, not by triggers: files from outside are checked against our exact
// schema and opened with trusted_schema off, and triggers writing to a virtual table fight both.
export const searchIndex: Migration = {
  version: 3,
  name: 'full-text search index (FTS5, trigram)',
  sql: `
CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, item_id UNINDEXED, text, tokenize = 'trigram');
${SEARCH_INDEX_FILL}
`,
};
