// What every reader shares: a source's outline built heading by heading and claim by claim
// (footnote markers made `[n]`, the marker lifted out with its offset, the text's limits kept),
// and the small readers of what a source says about itself (language, date, byline).
import { isValidDate, parseClaim } from '../../common/claim-text.ts';
import { LIMITS } from '../../common/limits.ts';
import { StoreError } from '../../common/errors.ts';
import type { ParsedSource, ParsedSourceClaim, ParsedSourceTheme, SourceFormat } from '../../common/parsed-source.ts';

/** The most claims one import brings in (the app is built and tested for briefs of 10,000 claims). */
export const CLAIM_COUNT_LIMIT = 10_000;

/** Sections that list sources or links, not claims: left out, with a warning. */
const NOT_CLAIMS =
  /^(?:\d+(?:\.\d+)*\.?\s+)?(?:references|notes|footnotes|endnotes|end notes|sources|bibliography|works cited|citations|further reading|see also|external links|related (?:articles|stories|reading)|read more|more on this story)$/i;

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};
const SUPERSCRIPT_RUN = /([⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,،]\s?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)/gu;
/** A unit a superscript 2 or 3 belongs to ("km²"): an exponent, not a footnote. */
const UNIT_BEFORE_EXPONENT = /(?:^|[^\p{L}])(?:k?m|[cdm]m|ft|in|mi|yd|ha)$/u;

/** "[1, 3]" and "[4–6]": several markers in one pair of brackets, as "[1][3]" and "[4][5][6]". */
const MARKER_LIST = /\[\^?(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})+)\]/g;
const FOOTNOTE_CARET = /\[\^(\d{1,3})\]/g;

/** The markers of a list like "1, 3" or "4–6" (a range of at most 20). */
export function markerNumbers(list: string): number[] | null {
  const numbers: number[] = [];
  for (const part of list.split(/\s*[,;]\s*/)) {
    const range = /^(\d{1,3})\s*[–-]\s*(\d{1,3})$/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to <= from || to - from > 20) return null;
      for (let n = from; n <= to; n++) numbers.push(n);
    } else if (/^\d{1,3}$/.test(part)) numbers.push(Number(part));
    else return null;
  }
  return numbers;
}

export const bracketed = (numbers: readonly number[]) => numbers.map((n) => `[${n}]`).join('');

/** Footnote markers in any of their printed forms ("¹", "[^1]", "[1, 2]") written as "[n]", the form claims keep. */
export function markersToBrackets(raw: string): string {
  return raw
    .replace(FOOTNOTE_CARET, '[$1]')
    .replace(MARKER_LIST, (whole, list: string) => {
      const numbers = markerNumbers(list);
      return numbers ? bracketed(numbers) : whole;
    })
    .replace(SUPERSCRIPT_RUN, (run: string, _group: string, offset: number, all: string) => {
      const digits = run.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/gu, (c) => SUPERSCRIPT_DIGITS[c] ?? '');
      if ((digits === '2' || digits === '3') && UNIT_BEFORE_EXPONENT.test(all.slice(0, offset))) return run;
      const numbers = markerNumbers(digits.replace(/،/g, ','));
      return numbers ? bracketed(numbers) : run;
    });
}

/** Text as a person reads it: no control characters, soft hyphens or zero-width marks, one space between words. */
export function cleanText(raw: string): string {
  return (
    raw
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
      .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** One claim from a paragraph or list item as printed: its markers lifted out; null when nothing is left to read. */
export function toClaim(raw: string): ParsedSourceClaim | null {
  const { text, citations } = parseClaim(markersToBrackets(cleanText(raw)));
  const words = cleanText(text);
  if (!/[\p{L}\p{N}]/u.test(words)) return null;
  // parseClaim trims; cleanText only removed what it already had, so the offsets still hold.
  return {
    text: words,
    citations: citations.map((c) => c.marker),
    citationOffsets: citations.map((c) => Math.min(c.offset, words.length)),
  };
}

const cut = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text);

/** Scripts written without spaces between words: a line break there is no space. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u;

/** Lines wrapped by a page or an e-mail as one paragraph: a space between them, none where a word was broken or the script has no spaces. */
export function joinWrapped(lines: readonly string[]): string {
  const parts: string[] = [];
  let previous = '';
  for (const line of lines) {
    if (line === '') continue;
    if (previous !== '') {
      if (/\p{L}-$/u.test(previous.slice(-2)) && /^\p{Ll}/u.test(line)) parts[parts.length - 1] = previous.slice(0, -1);
      else if (!(UNSPACED.test(previous.at(-1)!) && UNSPACED.test(line[0]!))) parts.push(' ');
    }
    parts.push(line);
    previous = line;
  }
  return parts.join('');
}

/** A claim longer than a claim may be, split at sentence ends into claims that fit; a marker goes with the sentence before it. */
function splitLong(claim: ParsedSourceClaim, limit: number): ParsedSourceClaim[] {
  if (claim.text.length <= limit) return [claim];
  const pieces: ParsedSourceClaim[] = [];
  let next = 0;
  let start = 0;
  while (start < claim.text.length) {
    let end = Math.min(start + limit, claim.text.length);
    if (end < claim.text.length) {
      const window = claim.text.slice(start, end);
      const stop = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
      if (stop > limit / 2) end = start + stop + 1;
    }
    const raw = claim.text.slice(start, end);
    const text = raw.trim();
    const lead = raw.length - raw.trimStart().length;
    const piece: ParsedSourceClaim = { text, citations: [], citationOffsets: [] };
    while (next < claim.citations.length && claim.citationOffsets[next]! <= end) {
      piece.citations.push(claim.citations[next]!);
      piece.citationOffsets.push(Math.min(Math.max(0, claim.citationOffsets[next]! - start - lead), text.length));
      next++;
    }
    if (text !== '') pieces.push(piece);
    start = end;
  }
  return pieces;
}

/**
 * A source's outline as a reader walks it: `heading` starts a theme, `claim` adds a paragraph or
 * list item to the current one. Claims before the first heading go to a theme named after the
 * file (or "Introduction" when headings follow); sections of references are left out.
 */
export class Outline {
  readonly warnings: string[] = [];
  private readonly list: { heading: string | null; claims: ParsedSourceClaim[] }[] = [];
  private current: { heading: string | null; claims: ParsedSourceClaim[] } | null = null;
  private skipping: string | null = null;
  private count = 0;
  private dropped = 0;
  private splitClaims = 0;
  private longHeadings = 0;
  private readonly fallbackHeading: string;

  constructor(fallbackHeading: string) {
    this.fallbackHeading = cut(cleanText(fallbackHeading), LIMITS.shortText) || 'Imported text';
  }

  heading(raw: string): void {
    const heading = cleanText(markersToBrackets(raw).replace(/\s*\[\d+\]/g, '')).replace(/\s*:$/, '');
    if (!/[\p{L}\p{N}]/u.test(heading)) return;
    if (NOT_CLAIMS.test(heading)) {
      this.skipping = heading;
      this.warnings.push(`The section "${cut(heading, 60)}" was left out: it lists sources or links, not claims.`);
      return;
    }
    this.skipping = null;
    if (heading.length > LIMITS.shortText) this.longHeadings++;
    this.current = { heading: cut(heading, LIMITS.shortText), claims: [] };
    this.list.push(this.current);
  }

  claim(raw: string): void {
    if (this.skipping !== null) return;
    const claim = toClaim(raw);
    if (!claim) return;
    const pieces = splitLong(claim, LIMITS.claimChars);
    if (pieces.length > 1) this.splitClaims++;
    for (const piece of pieces) {
      if (this.count >= CLAIM_COUNT_LIMIT) {
        this.dropped++;
        continue;
      }
      if (!this.current) {
        this.current = { heading: null, claims: [] };
        this.list.push(this.current);
      }
      this.current.claims.push(piece);
      this.count++;
    }
  }

  get claimCount(): number {
    return this.count;
  }

  themes(): ParsedSourceTheme[] {
    const kept = this.list.filter((theme) => theme.claims.length > 0);
    const themes = kept.map((theme) => ({
      heading: theme.heading ?? (kept.length === 1 ? this.fallbackHeading : 'Introduction'),
      claims: theme.claims,
    }));
    // A brief takes at most LIMITS.sourceThemes themes from one source: the claims under the headings
    // past it stay, in order, under the last theme kept (and the warnings say so).
    if (themes.length <= LIMITS.sourceThemes) return themes;
    const last = themes[LIMITS.sourceThemes - 1]!;
    return [
      ...themes.slice(0, LIMITS.sourceThemes - 1),
      { heading: last.heading, claims: themes.slice(LIMITS.sourceThemes - 1).flatMap((theme) => theme.claims) },
    ];
  }

  /** Everything the reader noticed, one sentence each. */
  allWarnings(): string[] {
    const notes = [...this.warnings];
    if (this.longHeadings > 0)
      notes.push(
        `${plural(this.longHeadings, 'heading')} longer than ${LIMITS.shortText} characters ${this.longHeadings === 1 ? 'was' : 'were'} shortened.`,
      );
    if (this.splitClaims > 0)
      notes.push(
        `${plural(this.splitClaims, 'paragraph')} longer than ${LIMITS.claimChars.toLocaleString('en')} characters ${this.splitClaims === 1 ? 'was' : 'were'} split into several claims.`,
      );
    const headings = this.list.filter((theme) => theme.claims.length > 0).length;
    if (headings > LIMITS.sourceThemes)
      notes.push(
        `The source has ${headings.toLocaleString('en')} headings; a brief takes ${LIMITS.sourceThemes.toLocaleString('en')} themes from one source, so the claims under the last ${(headings - LIMITS.sourceThemes + 1).toLocaleString('en')} are in the last theme.`,
      );
    if (this.dropped > 0)
      notes.push(
        `Only the first ${CLAIM_COUNT_LIMIT.toLocaleString('en')} claims were kept; ${this.dropped.toLocaleString('en')} more were left out.`,
      );
    return notes;
  }
}

export const tablesLeftOut = (count: number) =>
  `${count === 1 ? 'A table was' : `${count} tables were`} left out; copy any figures you need from ${count === 1 ? 'it' : 'them'} by hand.`;

export const plural = (count: number, noun: string) => `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;

/** What a source says about itself, besides its outline. */
export interface SourceFacts {
  headline: string | null;
  headlineLanguage: string | null;
  publisher: string | null;
  publishedOn: string | null;
}

/** The finished structure: the headline (or the file's name), the outline's themes and every warning. */
export function finishSource(facts: SourceFacts, outline: Outline, name: string, extraWarnings: readonly string[] = []): ParsedSource {
  const warnings = [...extraWarnings, ...outline.allWarnings()];
  let headline = cleanText((facts.headline ?? '').replace(/\s*\[\d+\]/g, '')) || titleFromName(name);
  if (headline.length > LIMITS.shortText) {
    headline = cut(headline, LIMITS.shortText);
    warnings.push(`The headline was longer than ${LIMITS.shortText} characters and was shortened.`);
  }
  const publisher = cleanText(facts.publisher ?? '');
  return {
    headline,
    headlineLanguage: facts.headlineLanguage ?? scriptLanguage(headline),
    publisher: publisher ? cut(publisher, LIMITS.shortText) : null,
    publishedOn: facts.publishedOn,
    themes: outline.themes(),
    // A source with dozens of notes says the first twenty: a preview has room for them, and the rest repeat.
    warnings: [...new Set(warnings)].slice(0, 20),
  };
}

/** A file's name as a sentence shows it: no control or direction characters, at most 80 characters. */
export function shownName(name: string): string {
  const clean = cleanText(name) || 'This file';
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}

/** A file's name as a title: "rare-earths_2025.pdf" → "rare-earths 2025"; "Imported text" when there is none. */
export function titleFromName(name: string | undefined): string {
  const base = cleanText(
    (name ?? '')
      .replace(/^.*[\\/]/, '')
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .replace(/_+/g, ' '),
  );
  return base || 'Imported text';
}

/** The primary language subtag of a BCP 47 tag ("en-GB" → "en"), or null when it is not one. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const match = /^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$/.exec(tag ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

/** A language only a script can show: Chinese, Japanese (kana) or Korean (Hangul); null otherwise. */
export function scriptLanguage(text: string): string | null {
  if (/[\u3040-\u30FF]/u.test(text)) return 'ja';
  if (/[\uAC00-\uD7AF\u1100-\u11FF]/u.test(text)) return 'ko';
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  return null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthNumber = (name: string) => {
  const index = MONTHS.findIndex((month) => month.startsWith(name.toLowerCase().replace(/\.$/, '')) && name.length >= 3);
  return index < 0 ? null : index + 1;
};
const iso = (year: number, month: number, day: number) => {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isValidDate(text) ? text : null;
};

const MONTH_NAME =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})\\s+${MONTH_NAME}\\s+(\\d{4})$`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^${MONTH_NAME}\\s+(\\d{1,2}),?\\s+(\\d{4})$`, 'i');
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/** A publication date as sources print it ("2025-11-09", "2025-11-09T07:03Z", "9 November 2025", "Nov. 9, 2025", "2025年11月9日") as YYYY-MM-DD. */
export function readDate(raw: string | null | undefined): string | null {
  const text = cleanText(raw ?? '').replace(/(\d)(?:st|nd|rd|th)\b/, '$1');
  let m = ISO_DATE.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_YEAR.exec(text);
  if (m) return iso(Number(m[3]), monthNumber(m[2]!) ?? 0, Number(m[1]));
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return iso(Number(m[3]), monthNumber(m[1]!) ?? 0, Number(m[2]));
  m = CHINESE_DATE.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

const DATE_TEXT = `(\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}(?::\\d{2})?)?|\\d{1,2}\\s+${MONTH_NAME}\\s+\\d{4}|${MONTH_NAME}\\s+\\d{1,2},?\\s+\\d{4})`;
const BYLINE_WITH_PUBLISHER = new RegExp(`^(?:by\\s+)?(.{1,120}?)\\s*[·•|—–]\\s*${DATE_TEXT}$`, 'iu');
const DATE_ONLY = new RegExp(`^(?:published|posted|updated|date)?:?\\s*(?:on\\s+)?${DATE_TEXT}$`, 'i');

/** A line under a headline that gives its publisher and date ("Sou Hu Cai Jing·2025-11-09 07:03", "Published 9 November 2025"). */
export function readByline(line: string): { publisher: string | null; publishedOn: string } | null {
  const text = cleanText(line).replace(/^[*_]+|[*_]+$/g, '');
  let m = BYLINE_WITH_PUBLISHER.exec(text);
  if (m) {
    const date = readDate(m[2]!.replace(/[ T]\d{2}:\d{2}(?::\d{2})?$/, ''));
    if (date) return { publisher: cleanText(m[1]!) || null, publishedOn: date };
  }
  m = DATE_ONLY.exec(text);
  if (m) {
    const date = readDate(m[1]!.replace(/[ T]\d{2}:\d{2}(?::\d{2})?$/, ''));
    if (date) return { publisher: null, publishedOn: date };
  }
  return null;
}

/** A source read, with the format it was read as. */
export interface ParsedFile {
  format: SourceFormat;
  source: ParsedSource;
}

/** Refuses a source with nothing to import. */
export function requireClaims(parsed: ParsedFile, name: string): ParsedFile {
  if (parsed.source.themes.length === 0)
    throw new StoreError(
      'empty',
      `${name} has no paragraphs Briefing Desk could read as claims; check that it is the right file, or paste the text you need.`,
    );
  return parsed;
}
