import type { Db, ItemTable } from '../store/index.ts';
import { openConflicts } from './merge.ts';
import type { ConflictSide, ConflictView } from '../../common/model.ts';

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

const FIELD_NAMES: Record<string, string> = { text: 'Text', body: 'Note', title: 'Title', name: 'Name', value: 'Value', unit: 'Unit', as_of: 'As of', meaning: 'Meaning', confidence: 'Confidence', judgement: 'Judgement' };

function label(db: Db, table: ItemTable, row: Record<string, unknown>): string {
  if (table === 'claims') {
    const number = db
      .prepare(`SELECT (SELECT count(*) FROM themes t2 WHERE t2.brief_id = t.brief_id AND t2.deleted_at IS NULL AND t2.position < t.position) + 1 AS theme,
          (SELECT count(*) FROM claims c2 WHERE c2.theme_id = c.theme_id AND c2.deleted_at IS NULL AND c2.position < c.position) + 1 AS claim
        FROM claims c JOIN themes t ON t.id = c.theme_id WHERE c.id = ?`)
      .get(row.id) as { theme: number; claim: number } | undefined;
    return number ? `Claim ${number.theme}.${number.claim}` : 'Claim';
  }
  if (table === 'indicators') return `Indicator: ${String(row.name)}`;
  if (table === 'themes') return `Theme: ${String(row.title ?? row.label)}`;
  const singular: Record<ItemTable, string> = {
    brief: 'Brief', sources: 'Source', themes: 'Theme', claims: 'Claim', citations: 'Citation', indicators: 'Indicator',
    observations: 'Indicator value', notes: 'Note', annotations: 'Highlight', tags: 'Tag', note_tags: 'Note tag', palette: 'Highlight colour',
  };
  return singular[table];
}

const show = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

export function conflictViews(db: Db): ConflictView[] {
  return openConflicts(db).map((conflict) => {
    const fields = SHOWN_FIELDS[conflict.table]
      .filter((field) => show(conflict.ours[field]) !== show(conflict.theirs[field]))
      .map((field) => ({ field: FIELD_NAMES[field] ?? field.replaceAll('_', ' '), ours: show(conflict.ours[field]), theirs: show(conflict.theirs[field]) }));
    const side = (row: Record<string, unknown>): ConflictSide => ({ author: show(row.author), updatedAt: show(row.updated_at), deleted: row.deleted_at !== null && row.deleted_at !== undefined });
    return {
      id: conflict.id,
      table: conflict.table,
      rowId: conflict.rowId,
      itemLabel: label(db, conflict.table, conflict.ours),
      fields,
      ours: side(conflict.ours),
      theirs: side(conflict.theirs),
      receivedFrom: conflict.receivedFrom,
    };
  });
}
