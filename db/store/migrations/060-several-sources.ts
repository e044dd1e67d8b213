import type { Migration } from './types.ts';

// Schema v6: any source in, several sources in one brief (issue 17).
// - `sources.short_name`: how the brief names a source beside its citation numbers once two sources
//   are in play ("Sohu [19]"); null on a brief's only source until the analyst names it.
// - `sources.file_*`, `sources.imported_at`: where a source was read from: the original file's
//   name, size, SHA-256 and format, and when it was imported, so a claim can be traced to the bytes
//   it came from. Null for a source that was not read from a file (the embedded article).
// - `themes.source_id`: the source a theme was read from; null for a theme the analyst added.
// - `claims.translation`: our rendering of a claim in another language, kept apart from the
//   source's own words and always shown labelled as a translation.
// - `dismissed_figures`: a figure of a claim the analyst dismissed as an indicator candidate, so it
//   is not offered again. Its id is derived from (claim, quote), so two colleagues dismissing the
//   same figure meet as one item in a merge; an accepted figure needs no row (the indicator's
//   observation quotes it).
// Old briefs gain only null columns: they read exactly as before.
export const severalSources: Migration = {
  version: 6,
  name: 'several sources per brief with provenance, claim translations, dismissed figures',
  sql: `
ALTER TABLE sources ADD COLUMN short_name TEXT;
ALTER TABLE sources ADD COLUMN file_name TEXT;
ALTER TABLE sources ADD COLUMN file_size INTEGER CHECK (file_size IS NULL OR file_size >= 0);
ALTER TABLE sources ADD COLUMN file_sha256 TEXT CHECK (file_sha256 IS NULL OR (length(file_sha256) = 64 AND file_sha256 NOT GLOB '*[^0-9a-f]*'));
ALTER TABLE sources ADD COLUMN file_format TEXT CHECK (file_format IS NULL OR file_format IN ('article', 'html', 'pdf', 'docx', 'markdown', 'text'));
ALTER TABLE sources ADD COLUMN imported_at TEXT;
ALTER TABLE themes ADD COLUMN source_id TEXT REFERENCES sources(id);
ALTER TABLE claims ADD COLUMN translation TEXT;

CREATE TABLE dismissed_figures (
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  author TEXT NOT NULL,
  deleted_at TEXT,
  rev TEXT NOT NULL DEFAULT '',
  claim_id TEXT NOT NULL REFERENCES claims(id),
  quote TEXT NOT NULL,
  UNIQUE (claim_id, quote)
) STRICT;
`,
};
