import type { Migration } from './types.ts';

// Schema v3: one full-text index over everything a user searches: claims, notes, highlight
// comments, indicators and the source's headline. The trigram tokenizer indexes every three
// characters, so a word inside a run of Chinese (中国 in a sentence) or a Russian stem is found;
// queries of one or two characters fall back to a scan of the same table (see db/read/search.ts).
// Kept up to date in code, not by triggers: files from outside are checked against our exact
// schema and opened with trusted_schema off, and triggers writing to a virtual table fight both.
//
// Frozen: the fill below is written out as it was at v3, not taken from the live search-index.ts,
// so a later change to what is indexed (a column added at v5) cannot break opening a v2 file,
// whose tables at this step do not have that column yet. The live index is rebuilt by the code
// that fills a store (import, receive, merge).
export const searchIndex: Migration = {
  version: 3,
  name: 'full-text search index (FTS5, trigram)',
  sql: `
CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, item_id UNINDEXED, text, tokenize = 'trigram');
INSERT INTO search_index (kind, item_id, text)
  SELECT 'claim', id, text FROM claims WHERE deleted_at IS NULL
  UNION ALL SELECT 'note', id, body FROM notes WHERE deleted_at IS NULL
  UNION ALL SELECT 'annotation', id, quote_exact || ' ' || coalesce(comment, '') FROM annotations WHERE deleted_at IS NULL
  UNION ALL SELECT 'indicator', id, name || ' ' || unit FROM indicators WHERE deleted_at IS NULL
  UNION ALL SELECT 'source', id, title_original || ' ' || coalesce(title_translation, '') || ' ' || publisher FROM sources WHERE deleted_at IS NULL;
`,
};
