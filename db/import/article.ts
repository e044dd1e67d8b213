import { isValidDate, parseClaim, type ParsedClaim } from '../../common/claim-text.ts';
import { StoreError } from '../../common/errors.ts';

export type { ParsedClaim };

// The article text format (the seed in shared/seed is one):
//   line 1   headline, in the original language
//   line 2   publisher and date, e.g. "Sou Hu Cai Jing·2025-11-09 07:03"
//   then     the summary: "Group N - claim [1][19] - claim [3] ... Group N+1 - ..."
// Claims are separated by " - " (spaced; hyphenated words are untouched) and carry
// citation markers [n], which are lifted out with the offset where they stood.

export interface ParsedGroup {
  number: number;
  label: string;
  claims: ParsedClaim[];
}

export interface ParsedArticle {
  headline: string;
  publisher: string;
  publishedText: string;
  /** YYYY-MM-DD; null where the source gives no date (an imported web page or document may not). */
  publishedOn: string | null;
  groups: ParsedGroup[];
}

const BYLINE = /^(?<publisher>.+?)\s*[·•|]\s*(?<date>\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s*$/u;
const GROUP_HEADING = /(?<=^|\s)Group\s+(\d+)\s+-\s+/g;
const CLAIM_SEPARATOR = /\s+-\s+/;

const formatError = (message: string) => new StoreError('bad-article', message);

export function parseArticle(input: string): ParsedArticle {
  const lines = input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const nonEmpty = lines.map((line, index) => ({ line: line.trim(), number: index + 1 })).filter((l) => l.line !== '');
  const [headline, byline, ...bodyLines] = nonEmpty;
  if (!headline) throw formatError('The article is empty: line 1 should be the headline.');
  if (!byline)
    throw formatError('The article has no second line: it should give the publisher and date, like "Sou Hu Cai Jing·2025-11-09 07:03".');

  const by = BYLINE.exec(byline.line);
  if (!by?.groups) {
    throw formatError(
      `Line ${byline.number} should give the publisher and date, like "Sou Hu Cai Jing·2025-11-09 07:03"; it reads "${byline.line.slice(0, 80)}".`,
    );
  }
  const publishedOn = by.groups.date!;
  if (!isValidDate(publishedOn)) throw formatError(`Line ${byline.number} gives ${publishedOn}, which is not a real date.`);

  const body = bodyLines.map((l) => l.line).join(' ');
  const headings = [...body.matchAll(GROUP_HEADING)];
  if (headings.length === 0) {
    throw formatError('The article has no "Group 1 - ..." section after the byline; each group of claims must start with "Group N - ".');
  }
  const preamble = body.slice(0, headings[0]!.index).trim();
  if (preamble !== '') {
    throw formatError(`Text stands before "Group ${headings[0]![1]}" ("${preamble.slice(0, 60)}"); every claim must sit inside a group.`);
  }

  const groups = headings.map((heading, index): ParsedGroup => {
    const start = heading.index + heading[0].length;
    const end = headings[index + 1]?.index ?? body.length;
    const number = Number(heading[1]);
    const claims = body
      .slice(start, end)
      .split(CLAIM_SEPARATOR)
      .map((raw) => raw.trim())
      .filter((raw) => raw !== '')
      .map(parseClaim);
    if (claims.length === 0) throw formatError(`Group ${number} has no claims after "Group ${number} - ".`);
    return { number, label: `Group ${number}`, claims };
  });

  return {
    headline: headline.line,
    publisher: by.groups.publisher!.trim(),
    publishedText: byline.line
      .slice(by.groups.publisher!.length)
      .replace(/^\s*[·•|]\s*/u, '')
      .trim(),
    publishedOn,
    groups,
  };
}

/**
 * A source read by the ingest room (a web page, a PDF, a Word document, Markdown, pasted text) in
 * the importer's shape: each heading a group, each claim with its citation markers where they
 * stood. The source gives no byline in a known layout, so the publisher is what it names (or the
 * file) and the date is left empty rather than invented.
 */
export function articleFromSource(
  source: {
    headline: string;
    publisher: string | null;
    publishedOn: string | null;
    themes: { heading: string; claims: { text: string; citations: number[]; citationOffsets: number[] }[] }[];
  },
  fallbackPublisher: string,
): ParsedArticle {
  return {
    headline: source.headline,
    publisher: source.publisher ?? fallbackPublisher,
    publishedText: source.publishedOn ?? '',
    publishedOn: source.publishedOn,
    groups: source.themes.map((theme, index) => ({
      number: index + 1,
      label: theme.heading,
      claims: theme.claims.map((claim) => ({
        text: claim.text,
        citations: claim.citations.map((marker, k) => ({ marker, offset: claim.citationOffsets[k] ?? claim.text.length })),
      })),
    })),
  };
}
