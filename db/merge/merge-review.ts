import type { Db, ItemTable } from '../store/index.ts';
import { openConflicts } from './merge.ts';
import type { ConflictSide, ConflictView } from '../../common/model.ts';
import { claimNumbers } from '../../common/claim-numbers.ts';

// Conflicts shaped for the review screen and the CLI: what the item is, and the fields a
// person cares about that differ between the two versions.

const SHOWN_FIELDS: Record<ItemTable, string[]> = {
  brief: ['title'],
  sources: ['title_original', 'title_translation', 'publisher', 'published_text'],
  themes: ['label', 'title', 'position'],
  claims: ['text', 'position', 'confidence', 'judgement'],
  citations: ['marker', 'char_offset'],
  indicators: ['name', 'unit'],
  observations: ['value', 'unit', 'comparator', 'as_of', 'as_of_note'],
  notes: ['body', 'target_kind'],
  annotations: ['quote_exact', 'comment', 'color'],
  tags: ['name'],
  note_tags: ['note_id', 'tag_id'],
  palette: ['colour', 'meaning'],
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

function label(numbers: () => Map<string, string>, table: ItemTable, row: Record<string, unknown>): string {
  if (table === 'claims') {
    const number = numbers().get(String(row.id));
    return number ? `Claim ${number}` : 'Claim';
  }
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
  };
  return singular[table];
}

const show = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

export function conflictViews(db: Db): ConflictView[] {
  let numbers: Map<string, string> | undefined;
  const claimNumber = () => (numbers ??= numbersOfClaims(db));
  return openConflicts(db).map((conflict) => {
    // No row of ours: their item could not be placed in this copy. Shown as absent here (deleted, by no one).
    const ours = conflict.ours ?? {};
    const fields = SHOWN_FIELDS[conflict.table]
      .filter((field) => show(ours[field]) !== show(conflict.theirs[field]))
      .map((field) => ({
        field: FIELD_NAMES[field] ?? field.replaceAll('_', ' '),
        ours: show(ours[field]),
        theirs: show(conflict.theirs[field]),
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
      itemLabel: label(claimNumber, conflict.table, conflict.ours ?? conflict.theirs),
      fields,
      ours: side(conflict.ours),
      theirs: side(conflict.theirs),
      receivedFrom: conflict.receivedFrom,
    };
  });
}
