import type { Db } from '../store/index.ts';
import type { SearchHit } from '../../common/model.ts';

// Search over claims, notes, highlight comments, indicators and the source headline.
// Three characters or more: an FTS5 trigram MATCH (indexed). One or two: a LIKE scan of the
// same index (trigrams cannot answer them), so 中国 is found as readily as "engineers".

export const SEARCH_LIMIT = 50;
const START = '\u0001';
const END = '\u0002';
const CONTEXT = 60;

function splitMarked(marked: string): SearchHit['parts'] {
  const parts: SearchHit['parts'] = [];
  for (const [i, chunk] of marked.split(new RegExp(`[${START}${END}]`)).entries()) {
    if (chunk !== '') parts.push({ text: chunk, match: i % 2 === 1 });
  }
  return parts;
}

/** Marks every occurrence of `query` in a window of `text` around the first one (for the scan path). */
function markAround(text: string, query: string): SearchHit['parts'] {
  const lower = text.toLowerCase();
  const needle = query.toLowerCase();
  const first = lower.indexOf(needle);
  const from = Math.max(0, first - CONTEXT);
  const to = Math.min(text.length, first + needle.length + CONTEXT);
  const parts: SearchHit['parts'] = from > 0 ? [{ text: '…', match: false }] : [];
  let at = from;
  while (at < to) {
    const next = lower.indexOf(needle, at);
    if (next === -1 || next >= to) break;
    if (next > at) parts.push({ text: text.slice(at, next), match: false });
    parts.push({ text: text.slice(next, next + needle.length), match: true });
    at = next + needle.length;
  }
  if (at < to) parts.push({ text: text.slice(at, to), match: false });
  if (to < text.length) parts.push({ text: '…', match: false });
  return parts;
}

export class Search {
  readonly #match;
  readonly #scan;

  constructor(db: Db) {
    this.#match = db.prepare(
      `SELECT kind, item_id AS id, snippet(search_index, 2, '${START}', '${END}', '…', 64) AS marked
       FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ${SEARCH_LIMIT}`,
    );
    this.#scan = db.prepare(`SELECT kind, item_id AS id, text FROM search_index WHERE text LIKE ? ESCAPE '\\' LIMIT ${SEARCH_LIMIT}`);
  }

  query(raw: string): SearchHit[] {
    const query = raw.trim();
    if (query === '') return [];
    if ([...query].length >= 3) {
      // One phrase: quotes doubled so the user's text is never read as FTS5 query syntax.
      const rows = this.#match.all(`"${query.replaceAll('"', '""')}"`) as { kind: SearchHit['kind']; id: string; marked: string }[];
      return rows.map((row) => ({ kind: row.kind, id: row.id, parts: splitMarked(row.marked) }));
    }
    const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.#scan.all(pattern) as { kind: SearchHit['kind']; id: string; text: string }[];
    return rows.map((row) => ({ kind: row.kind, id: row.id, parts: markAround(row.text, query) }));
  }
}
