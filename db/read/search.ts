import type { Db } from '../store/index.ts';
import { LIMITS } from '../../common/limits.ts';
import type { SearchHit } from '../../common/model.ts';

// Search over claims, notes, highlight comments, indicators and the source headline.
// Three characters or more: an FTS5 trigram MATCH (indexed). One or two: a LIKE scan of the
// same index (trigrams cannot answer them), so 中国 is found as readily as "engineers".
// The index holds the text as written; the snippet a hit shows is made here, as plain text:
// a note's Markdown (*emphasis*, # headings, [links](…), ![images](…)) is shown as the words
// a reader of the rendered note sees, with every occurrence of the query marked.

export const SEARCH_LIMIT = LIMITS.searchHits;
const START = '\u0001';
const END = '\u0002';
/** Characters of plain text a snippet shows either side of the first match. */
const CONTEXT = 60;
/**
 * Characters of the stored text read either side of the first match to make a snippet: enough
 * for a note's Markdown syntax (a long link) to be taken out and CONTEXT to remain, while a
 * note of two million characters has only this much of it marked and taken out of Markdown
 * (finding the first match is one native scan, as FTS5's own snippet() reads the whole text too).
 */
const WINDOW = 480;
/** How far a snippet's cut edge moves back to a space rather than show half a word. */
const WORD_SLACK = 16;

/** Our markers, where they stand in a text itself (they are not ours there). */
const MARKERS = new RegExp(`[${START}${END}]`, 'g');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function splitMarked(marked: string): SearchHit['parts'] {
  const parts: SearchHit['parts'] = [];
  for (const [i, chunk] of marked.split(MARKERS).entries()) {
    if (chunk !== '') parts.push({ text: chunk, match: i % 2 === 1 });
  }
  return parts;
}

// Markdown, as plain text: the subset notes use, line by line, by regular expressions rather
// than a parser, because a snippet is a window cut out of a note (a parser would read syntax
// cut in two as text anyway). The match markers pass through as ordinary characters.

/** Markers that start a line: quotes, list items, task boxes and headings, nested in any order. */
const LINE_MARKERS = /^[ \t]*(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+|\[[ xX]\][ \t]+|#{1,6}(?:[ \t]+|$))/;
/** Lines that are only syntax: rules, setext underlines, code fences, table rules. */
const SYNTAX_LINE = /^[ \t]*(?:(?:[-*_=][ \t]*){3,}|```.*|~~~.*|\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*)$/;
const ESCAPED = /\\([!-/:-@[-`{-~])|\uE000/g;
const INLINE: [RegExp, string][] = [
  [/!\[([^\]\n]*)\]\([^)\n]*\)/g, '$1'], // ![alt](url) -> alt
  [/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1'], // [text](url) -> text
  [/\[([^\]\n]*)\]\[[^\]\n]*\]/g, '$1'], // [text][ref] -> text
  [/<((?:https?|mailto):[^>\s]*)>/g, '$1'], // <https://…> -> https://…
  [/`+/g, ''], // `code`
  // Emphasis and strikethrough delimiters that open or close a run (a lone "2 * 3" stays).
  [/(^|[^\p{L}\p{N}])(?:\*+|_+|~~+)(?=\S)/gu, '$1'],
  [/(?<=\S)(?:\*+|_+|~~+)(?=$|[^\p{L}\p{N}])/gu, ''],
];

/** A window of a note's Markdown as the words it shows; `atLineStart` says its first line is a whole line. */
function plainMarkdown(markdown: string, atLineStart: boolean): string {
  const escapes: string[] = [];
  const lines = markdown.replace(ESCAPED, (whole, char: string | undefined) => {
    escapes.push(char ?? whole);
    return '\uE000';
  });
  const plain = lines
    .split(/\r\n|\r|\n/)
    .map((line, i) => {
      if (i === 0 && !atLineStart) return line;
      // A match marked from the line's first character keeps its marker in front of the text.
      const lead = line.startsWith(START) ? START : '';
      let rest = line.slice(lead.length);
      if (SYNTAX_LINE.test(rest)) return lead;
      for (let n = 0, before = ''; n < 32 && before !== rest; n++) {
        before = rest;
        rest = rest.replace(LINE_MARKERS, '');
      }
      if (rest.startsWith('|')) rest = rest.replace(/\|/g, ' ');
      return lead + rest.replace(/[ \t]+#+[ \t]*$/, '');
    })
    .join('\n');
  const inline = INLINE.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), plain);
  return inline.replace(/\uE000/g, () => escapes.shift() ?? '');
}

/**
 * The snippet of one hit: the text around the first occurrence of the query, as plain text
 * (Markdown taken out of a note), every occurrence in it marked, cut at spaces where it can be.
 */
function snippet(kind: SearchHit['kind'], text: string, query: string): SearchHit['parts'] {
  const pattern = new RegExp(escapeRegExp(query), 'giu');
  const first = pattern.exec(text);
  const at = first?.index ?? 0;
  const from = Math.max(0, at - WINDOW);
  const to = Math.min(text.length, at + (first?.[0].length ?? 0) + WINDOW);
  // Markers in the text itself are not ours: they become spaces, keeping every offset.
  let marked = text.slice(from, to).replace(MARKERS, ' ').replace(pattern, `${START}$&${END}`);
  if (kind === 'note') marked = plainMarkdown(marked, from === 0 || /[\r\n]/.test(text[from - 1]!));
  marked = marked.replace(/\s+/g, ' ');

  // CONTEXT characters either side of the first mark (of the start, if the match was all syntax).
  const markAt = marked.indexOf(START);
  const markEnd = markAt >= 0 ? marked.indexOf(END, markAt) + 1 : 0;
  let cutFrom = Math.max(0, (markAt >= 0 ? markAt : 0) - CONTEXT);
  let cutTo = Math.min(marked.length, markEnd + (markAt >= 0 ? CONTEXT : 2 * CONTEXT));
  if (marked.lastIndexOf(START, cutTo - 1) > marked.lastIndexOf(END, cutTo - 1)) cutTo = marked.indexOf(END, cutTo) + 1;
  if (cutFrom > 0) {
    const space = marked.indexOf(' ', cutFrom);
    if (space >= 0 && space < cutFrom + WORD_SLACK && (markAt < 0 || space < markAt)) cutFrom = space + 1;
  }
  if (cutTo < marked.length) {
    const space = marked.lastIndexOf(' ', cutTo);
    if (space > cutTo - WORD_SLACK && space >= markEnd) cutTo = space;
  }
  const before = from > 0 || cutFrom > 0 ? '…' : '';
  const after = to < text.length || cutTo < marked.length ? '…' : '';
  // A cut never leaves half of a character outside the Basic Multilingual Plane (an emoji, a rare Han).
  const middle = marked
    .slice(cutFrom, cutTo)
    .trim()
    .replace(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/g, '');
  return splitMarked(before + middle + after);
}

export class Search {
  readonly #match;
  readonly #scan;

  constructor(db: Db) {
    this.#match = db.prepare(
      `SELECT kind, item_id AS id, text FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ${SEARCH_LIMIT}`,
    );
    this.#scan = db.prepare(`SELECT kind, item_id AS id, text FROM search_index WHERE text LIKE ? ESCAPE '\\' LIMIT ${SEARCH_LIMIT}`);
  }

  query(raw: string): SearchHit[] {
    const query = raw.trim();
    if (query === '') return [];
    const rows = (
      [...query].length >= 3
        ? // One phrase: quotes doubled so the user's text is never read as FTS5 query syntax.
          this.#match.all(`"${query.replaceAll('"', '""')}"`)
        : this.#scan.all(`%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
    ) as { kind: SearchHit['kind']; id: string; text: string }[];
    return rows.map((row) => ({ kind: row.kind, id: row.id, parts: snippet(row.kind, row.text, query) }));
  }
}
