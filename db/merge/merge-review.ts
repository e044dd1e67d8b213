import { readExportSettings, type Db, type ItemTable } from '../store/index.ts';
import { openConflicts } from './merge.ts';
import type { ConflictSide, ConflictView } from '../../common/model.ts';
import { claimNumbers } from '../../common/claim-numbers.ts';

// Conflicts shaped for the review screen and the CLI: what the item is, and the fields a
// person cares about that differ between the two versions.

const SHOWN_FIELDS: Record<ItemTable, string[]> = {
  brief: ['title', 'bottom_line'],
  sources: ['title_original', 'title_translation', 'short_name', 'publisher', 'published_text', 'reliability', 'credibility'],
  themes: ['label', 'title', 'position'],
  claims: ['text', 'translation', 'position', 'confidence', 'judgement'],
  citations: ['marker', 'char_offset'],
  indicators: ['name', 'unit'],
  observations: ['value', 'unit', 'comparator', 'as_of', 'as_of_note'],
  notes: ['body', 'target_kind'],
  annotations: ['quote_exact', 'comment', 'color'],
  tags: ['name'],
  note_tags: ['note_id', 'tag_id'],
  palette: ['colour', 'meaning'],
  judgments: ['text', 'likelihood', 'confidence', 'position'],
  evidence_links: ['stance'],
  citation_grades: ['reliability', 'credibility'],
  // The options, one field per setting (see settingFields).
  export_settings: [],
  dismissed_figures: ['quote'],
};

const FIELD_NAMES: Record<string, string> = {
  text: 'Text',
  body: 'Note',
  title: 'Title',
  name: 'Name',
  value: 'Value',
  unit: 'Unit',
  as_of: 'As of',
  meaning: 'Meaning',
  confidence: 'Confidence',
  judgement: 'Judgement',
  bottom_line: 'Bottom line',
  likelihood: 'Likelihood',
  reliability: 'Reliability',
  credibility: 'Credibility',
  stance: 'Stance',
  translation: 'Translation',
  title_translation: 'Headline translation',
  short_name: 'Short name',
  quote: 'Figure',
};

/** Every live claim's number ("2.1"), by the one numbering of common/claim-numbers.ts. */
function numbersOfClaims(db: Db): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT t.id AS theme_id, c.id AS claim_id FROM themes t LEFT JOIN claims c ON c.theme_id = t.id AND c.deleted_at IS NULL
      WHERE t.deleted_at IS NULL ORDER BY t.position, t.id, c.position, c.id`,
    )
    .all() as { theme_id: string; claim_id: string | null }[];
  const themes = new Map<string, { id: string }[]>();
  for (const row of rows) {
    const claims = themes.get(row.theme_id) ?? [];
    if (row.claim_id) claims.push({ id: row.claim_id });
    themes.set(row.theme_id, claims);
  }
  return claimNumbers([...themes.values()].map((claims) => ({ claims })));
}

/** Every live key judgment's number (1, 2, 3…), in the brief's order. */
function numbersOfJudgments(db: Db): Map<string, number> {
  const ids = db.prepare('SELECT id FROM judgments WHERE deleted_at IS NULL ORDER BY position, created_at, id').pluck().all() as string[];
  return new Map(ids.map((id, index) => [id, index + 1]));
}

interface Numbers {
  claims: () => Map<string, string>;
  judgments: () => Map<string, number>;
}

function label(numbers: Numbers, table: ItemTable, row: Record<string, unknown>, fields: readonly string[]): string {
  if (table === 'claims') {
    const number = numbers.claims().get(String(row.id));
    return number ? `Claim ${number}` : 'Claim';
  }
  if (table === 'judgments') {
    const number = numbers.judgments().get(String(row.id));
    return number ? `Key judgment ${number}` : 'Key judgment';
  }
  if (table === 'evidence_links') {
    const number = numbers.judgments().get(String(row.judgment_id));
    return number ? `Evidence for key judgment ${number}` : 'Evidence for a key judgment';
  }
  if (table === 'citation_grades') return `Reference [${String(row.marker)}] grade`;
  // The brief row holds the title and the bottom line; the source row its headline and its grade.
  if (table === 'brief' && fields.length > 0 && fields.every((field) => field === 'bottom_line')) return 'Bottom line';
  if (table === 'sources' && fields.length > 0 && fields.every((field) => field === 'reliability' || field === 'credibility'))
    return 'Source grade';
  if (table === 'indicators') return `Indicator: ${String(row.name)}`;
  if (table === 'themes') return `Theme: ${String(row.title ?? row.label)}`;
  const singular: Record<ItemTable, string> = {
    brief: 'Brief',
    sources: 'Source',
    themes: 'Theme',
    claims: 'Claim',
    citations: 'Citation',
    indicators: 'Indicator',
    observations: 'Indicator value',
    notes: 'Note',
    annotations: 'Highlight',
    tags: 'Tag',
    note_tags: 'Note tag',
    palette: 'Highlight colour',
    judgments: 'Key judgment',
    evidence_links: 'Evidence',
    citation_grades: 'Reference grade',
    dismissed_figures: 'Dismissed figure',
    export_settings: 'Export settings',
  };
  return singular[table];
}

const show = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/**
 * The settings two versions of the export settings disagree on, each by its own name ("marking",
 * "paper"); read as an export reads them, so what is shown is flat. A version that cannot be read
 * is shown as the text it holds.
 */
function settingFields(ours: Record<string, unknown>, theirs: Record<string, unknown>): { name: string; ours: unknown; theirs: unknown }[] {
  const read = (row: Record<string, unknown>) =>
    row.options === undefined ? {} : typeof row.options === 'string' ? readExportSettings(row.options) : null;
  const [mine, other] = [read(ours), read(theirs)];
  if (!mine || !other) return [{ name: 'options', ours: String(ours.options ?? ''), theirs: String(theirs.options ?? '') }];
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(other)])];
  return keys.map((name) => ({ name, ours: (mine as Record<string, unknown>)[name], theirs: (other as Record<string, unknown>)[name] }));
}

export function conflictViews(db: Db): ConflictView[] {
  let claims: Map<string, string> | undefined;
  let judgments: Map<string, number> | undefined;
  const numbers: Numbers = {
    claims: () => (claims ??= numbersOfClaims(db)),
    judgments: () => (judgments ??= numbersOfJudgments(db)),
  };
  return openConflicts(db).map((conflict) => {
    // No row of ours: their item could not be placed in this copy. Shown as absent here (deleted, by no one).
    const ours = conflict.ours ?? {};
    const compared =
      conflict.table === 'export_settings'
        ? settingFields(ours, conflict.theirs)
        : SHOWN_FIELDS[conflict.table].map((name) => ({ name, ours: ours[name], theirs: conflict.theirs[name] }));
    const differing = compared.filter((field) => show(field.ours) !== show(field.theirs));
    const fields = differing.map((field) => ({
      field:
        FIELD_NAMES[field.name] ??
        field.name.replaceAll('_', ' ').replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`),
      ours: show(field.ours),
      theirs: show(field.theirs),
    }));
    const side = (row: Record<string, unknown> | null): ConflictSide => ({
      author: show(row?.author),
      updatedAt: show(row?.updated_at),
      deleted: row === null || (row.deleted_at !== null && row.deleted_at !== undefined),
    });
    return {
      id: conflict.id,
      table: conflict.table,
      rowId: conflict.rowId,
      itemLabel: label(
        numbers,
        conflict.table,
        conflict.ours ?? conflict.theirs,
        differing.map((field) => field.name),
      ),
      fields,
      ours: side(conflict.ours),
      theirs: side(conflict.theirs),
      receivedFrom: conflict.receivedFrom,
    };
  });
}
