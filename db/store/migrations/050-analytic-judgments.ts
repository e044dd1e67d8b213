import type { Migration } from './types.ts';

// Schema v5: the analyst's answer and the grading of what it rests on (issue 13).
// - `brief.bottom_line`: the answer in a few sentences, put first in the brief.
// - `judgments`: the key judgments, in order (gap-numbered positions), each with a likelihood on
//   the ICD 203 scale and a confidence, kept apart as the standard wants.
// - `evidence_links`: a claim or an indicator a judgment rests on, or that cuts against it. Its id
//   is derived from (judgment, kind, target), so one target is linked to one judgment once, and two
//   colleagues linking the same claim meet as one item in a merge. `target_id` names a claim or an
//   indicator (by `target_kind`), so it cannot be a foreign key; the receive checks it.
// - `citation_grades`: an Admiralty grade of one citation number of a source ("[19]: B2"), its id
//   derived from (source, number) for the same reason.
// - `sources.reliability`, `sources.credibility`: the grade of the source as a whole.
// - `export_settings`: the composer's options as JSON, one row per brief under an id derived from
//   the brief's, so two colleagues' settings meet as one item in a merge.
// The vocabularies are written out here, not read from common/vocabulary.ts: a migration produces
// the same schema forever, whatever the live lists become. No search index fill: no file made
// before this version holds any of these rows, and the code that fills a store rebuilds the index.
const stamped = `
  id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  author TEXT NOT NULL,
  deleted_at TEXT,
  rev TEXT NOT NULL DEFAULT ''`;

const reliability = `reliability TEXT CHECK (reliability IS NULL OR reliability IN ('A', 'B', 'C', 'D', 'E', 'F'))`;
const credibility = `credibility TEXT CHECK (credibility IS NULL OR credibility IN ('1', '2', '3', '4', '5', '6'))`;

export const analyticJudgments: Migration = {
  version: 5,
  name: 'bottom line, key judgments with evidence, Admiralty grades, export settings',
  sql: `
ALTER TABLE brief ADD COLUMN bottom_line TEXT;
ALTER TABLE sources ADD COLUMN ${reliability};
ALTER TABLE sources ADD COLUMN ${credibility};

CREATE TABLE judgments (${stamped},
  brief_id TEXT NOT NULL REFERENCES brief(id),
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  likelihood TEXT CHECK (likelihood IS NULL OR likelihood IN
    ('almost-no-chance', 'very-unlikely', 'unlikely', 'roughly-even', 'likely', 'very-likely', 'almost-certain')),
  confidence TEXT CHECK (confidence IS NULL OR confidence IN ('low', 'moderate', 'high'))
) STRICT;
CREATE INDEX judgments_by_brief ON judgments(brief_id, position);

CREATE TABLE evidence_links (${stamped},
  judgment_id TEXT NOT NULL REFERENCES judgments(id),
  target_kind TEXT NOT NULL CHECK (target_kind IN ('claim', 'indicator')),
  target_id TEXT NOT NULL CHECK (length(target_id) = 36),
  stance TEXT NOT NULL CHECK (stance IN ('supports', 'undercuts')),
  UNIQUE (judgment_id, target_kind, target_id)
) STRICT;
CREATE INDEX evidence_links_by_target ON evidence_links(target_kind, target_id);

CREATE TABLE citation_grades (${stamped},
  source_id TEXT NOT NULL REFERENCES sources(id),
  marker INTEGER NOT NULL CHECK (marker >= 0),
  ${reliability},
  ${credibility},
  UNIQUE (source_id, marker)
) STRICT;

CREATE TABLE export_settings (${stamped},
  brief_id TEXT NOT NULL UNIQUE REFERENCES brief(id),
  options TEXT NOT NULL
) STRICT;
`,
};
