import type { Migration } from './types.ts';

// Every row: a UUID primary key, ISO-8601 UTC timestamps, the author who wrote it,
// and a tombstone (deleted_at) so that merging two copies can tell "deleted" from "never had it".
const stamped = `
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  author TEXT NOT NULL,
  deleted_at TEXT`;

export const schemaV1: Migration = {
  version: 1,
  name: 'brief, sources, themes, claims, citations, indicators, notes, annotations, tags',
  sql: `
CREATE TABLE brief (${stamped},
  title TEXT NOT NULL
) STRICT;

CREATE TABLE sources (${stamped},
  brief_id TEXT NOT NULL REFERENCES brief(id),
  title_original TEXT NOT NULL,
  original_language TEXT,
  title_translation TEXT,
  translation_note TEXT,
  publisher TEXT NOT NULL,
  published_text TEXT NOT NULL,
  published_on TEXT,
  body_language TEXT
) STRICT;

CREATE TABLE themes (${stamped},
  brief_id TEXT NOT NULL REFERENCES brief(id),
  position INTEGER NOT NULL,
  label TEXT NOT NULL,
  title TEXT
) STRICT;
CREATE INDEX themes_by_brief ON themes(brief_id, position);

CREATE TABLE claims (${stamped},
  theme_id TEXT NOT NULL REFERENCES themes(id),
  source_id TEXT REFERENCES sources(id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL
) STRICT;
CREATE INDEX claims_by_theme ON claims(theme_id, position);

CREATE TABLE citations (${stamped},
  claim_id TEXT NOT NULL REFERENCES claims(id),
  position INTEGER NOT NULL,
  marker INTEGER NOT NULL CHECK (marker >= 0),
  char_offset INTEGER NOT NULL CHECK (char_offset >= 0)
) STRICT;
CREATE INDEX citations_by_claim ON citations(claim_id, position);

CREATE TABLE indicators (${stamped},
  brief_id TEXT NOT NULL REFERENCES brief(id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  claim_id TEXT REFERENCES claims(id)
) STRICT;
CREATE INDEX indicators_by_brief ON indicators(brief_id, position);

CREATE TABLE observations (${stamped},
  indicator_id TEXT NOT NULL REFERENCES indicators(id),
  position INTEGER NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  comparator TEXT NOT NULL CHECK (comparator IN ('equal', 'about', 'less-than', 'more-than', 'rank')),
  as_of TEXT CHECK (as_of IS NULL OR as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  as_of_note TEXT,
  claim_id TEXT REFERENCES claims(id),
  quote TEXT
) STRICT;
CREATE INDEX observations_by_indicator ON observations(indicator_id, position);

CREATE TABLE notes (${stamped},
  brief_id TEXT NOT NULL REFERENCES brief(id),
  target_kind TEXT NOT NULL CHECK (target_kind IN ('brief', 'theme', 'claim', 'indicator', 'source')),
  target_id TEXT,
  body TEXT NOT NULL
) STRICT;
CREATE INDEX notes_by_target ON notes(target_kind, target_id);

-- W3C Web Annotation selectors: a TextQuoteSelector (exact, prefix, suffix)
-- and a TextPositionSelector (start, end) over the target's text.
CREATE TABLE annotations (${stamped},
  brief_id TEXT NOT NULL REFERENCES brief(id),
  target_kind TEXT NOT NULL CHECK (target_kind IN ('claim', 'source')),
  target_id TEXT NOT NULL,
  quote_exact TEXT NOT NULL,
  quote_prefix TEXT NOT NULL DEFAULT '',
  quote_suffix TEXT NOT NULL DEFAULT '',
  position_start INTEGER NOT NULL CHECK (position_start >= 0),
  position_end INTEGER NOT NULL CHECK (position_end >= position_start),
  color TEXT NOT NULL,
  comment TEXT
) STRICT;
CREATE INDEX annotations_by_target ON annotations(target_kind, target_id);

CREATE TABLE tags (${stamped},
  name TEXT NOT NULL COLLATE NOCASE UNIQUE
) STRICT;

CREATE TABLE note_tags (${stamped},
  note_id TEXT NOT NULL REFERENCES notes(id),
  tag_id TEXT NOT NULL REFERENCES tags(id),
  UNIQUE (note_id, tag_id)
) STRICT;
`,
};
