import search from 'approx-string-match';
import type { Anchor } from './model.ts';

export type { Anchor };

// Highlights are stored the W3C Web Annotation way: a TextQuoteSelector (the exact text with a
// little context either side) and a TextPositionSelector (start and end offsets). The text under
// a highlight can change (a claim is corrected), so a highlight is found again by scoring
// candidate places on quote, context and position, as Hypothesis does. Below the threshold the
// highlight is orphaned: shown in a list with its quote, never moved onto other words.

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** How much context either side a new highlight keeps. */
export const CONTEXT_LENGTH = 32;

/** The selectors of the text between `start` and `end`. */
export function describeQuote(text: string, start: number, end: number): TextQuote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  };
}

/** 1 for identical, 0 for nothing in common: one minus the edit distance over the length. */
function similarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  const matches = search(actual, expected, expected.length);
  const errors = matches.length > 0 ? Math.min(...matches.map((m) => m.errors)) : expected.length;
  return 1 - errors / expected.length;
}

/** A quote may differ from the text by up to a quarter of its characters and still be the same passage. */
const MIN_QUOTE_SIMILARITY = 0.75;

/**
 * The most work one anchoring may do, in steps of the fuzzy matcher (one step: one character of
 * text against 32 characters of quote; about half a microsecond here). It bounds a read of any brief:
 * a 20,000-character claim with 200 highlights of 1,000 similar characters once took 2 s per
 * highlight on every read. Beyond it, the fuzzy search looks only around where the quote was.
 */
export const ANCHOR_WORK_LIMIT = 100_000;
/** Fuzzy candidates scored on context; the matcher can return one per position in repetitive text. */
const MAX_CANDIDATES = 64;

type Candidate = { start: number; end: number; errors: number };

/**
 * Where the quote stands in `text` now, or null when it is gone (the highlight is orphaned).
 * Unchanged text is found by position alone; then exact occurrences of the quote (a native,
 * linear search) are scored on context and nearness; only when none of them sits in its old
 * context does the bounded fuzzy search look for an edited quote. Candidates are scored as
 * Hypothesis does: quote first, then context, then nearness to the old position.
 */
export function anchorQuote(text: string, quote: TextQuote): Anchor | null {
  const { exact, start } = quote;
  if (exact.length === 0) return null;
  const { prefix, suffix, end } = quote;
  // Unchanged: the same words at the same place, between the same neighbours.
  if (
    text.slice(start, end) === exact &&
    text.slice(Math.max(0, start - prefix.length), start) === prefix &&
    text.slice(end, end + suffix.length) === suffix
  ) {
    return { start, end };
  }

  const exactMatches = exactOccurrences(text, exact, start);
  const bestExact = best(text, quote, exactMatches);
  // An exact occurrence in exactly its own context is the passage: no edited copy can score higher.
  if (bestExact && bestExact.contextScore === 1) return bestExact.anchor;

  const maxErrors = Math.min(256, Math.floor(exact.length * (1 - MIN_QUOTE_SIMILARITY)));
  const { from, to } = fuzzyWindow(text.length, exact.length, start);
  const fuzzy = search(text.slice(from, to), exact, maxErrors)
    .map((m) => ({ start: m.start + from, end: m.end + from, errors: m.errors }))
    .sort((a, b) => a.errors - b.errors || Math.abs(a.start - start) - Math.abs(b.start - start))
    .slice(0, MAX_CANDIDATES);
  const winner = best(text, quote, [...exactMatches, ...fuzzy]);
  if (!winner) return null;
  // An exact match is the quote letter for letter; only an edited one can have been cut mid-word.
  return winner.errors === 0 ? winner.anchor : snapToWords(text, winner.anchor, quote);
}

/** The longest word an edited quote's ends snap to; a longer run of letters (a URL, a hash) keeps its cut. */
const SNAP_REACH = 64;

/** Scripts written without spaces between words: there a quote's ends stay where the characters matched. */
const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

let segmenter: Intl.Segmenter | undefined;

/**
 * The word `at` falls strictly inside, or null: at a boundary, inside a word of a script written
 * without spaces, or inside a word longer than SNAP_REACH. Words are Unicode's (UAX #29, as
 * Intl.Segmenter finds them: "don't", "2.5" and "редкоземельных" are one word each); only the
 * SNAP_REACH characters either side of `at` are read.
 */
function wordAround(text: string, at: number): { start: number; end: number } | null {
  if (at <= 0 || at >= text.length) return null;
  const from = Math.max(0, at - SNAP_REACH);
  const to = Math.min(text.length, at + SNAP_REACH);
  segmenter ??= new Intl.Segmenter('en', { granularity: 'word' });
  const segment = segmenter.segment(text.slice(from, to)).containing(at - from);
  if (!segment?.isWordLike) return null;
  const start = from + segment.index;
  const end = start + segment.segment.length;
  if (start >= at || end <= at) return null;
  if ((start === from && from > 0) || (end === to && to < text.length)) return null;
  return NO_SPACES.test(segment.segment) ? null : { start, end };
}

/**
 * An edited quote found by the fuzzy search, its ends moved so it never cuts a word in two: an
 * end inside a word moves out to that word's edge ("commodo vit" of "commodo vitae" becomes
 * "commodo vitae"), and whitespace the quote did not have at an end is left out. An end where the
 * highlight itself cut a word when it was made keeps its cut; so do ends in Chinese or Japanese
 * text, where every character is its own place. Reads only the words at the two ends.
 */
function snapToWords(text: string, anchor: Anchor, quote: TextQuote): Anchor {
  let { start, end } = anchor;
  const { exact, prefix, suffix } = quote;
  if (!/^\s/u.test(exact)) while (start < end && /\s/u.test(text[start]!)) start++;
  if (!/\s$/u.test(exact)) while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (start === end) return anchor;
  const head = exact.slice(0, SNAP_REACH);
  const tail = exact.slice(-SNAP_REACH);
  if (!wordAround(prefix + head, prefix.length)) start = wordAround(text, start)?.start ?? start;
  if (!wordAround(tail + suffix, tail.length)) end = wordAround(text, end)?.end ?? end;
  return { start, end };
}

/**
 * The stretch of text the fuzzy search reads: all of it when that is within the work limit,
 * otherwise the part around the quote's old position that the limit allows (never less than the
 * quote itself with room for its errors).
 */
export function fuzzyWindow(textLength: number, quoteLength: number, oldStart: number): { from: number; to: number } {
  const blocks = Math.ceil(quoteLength / 32);
  const length = Math.max(Math.ceil(quoteLength * 1.5), Math.floor(ANCHOR_WORK_LIMIT / blocks));
  if (length >= textLength) return { from: 0, to: textLength };
  const from = Math.max(0, Math.min(textLength - length, oldStart - Math.floor((length - quoteLength) / 2)));
  return { from, to: from + length };
}

/** The places the quote stands letter for letter, the MAX_CANDIDATES nearest to where it was. */
function exactOccurrences(text: string, exact: string, oldStart: number): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1))
    found.push({ start: at, end: at + exact.length, errors: 0 });
  return found.sort((a, b) => Math.abs(a.start - oldStart) - Math.abs(b.start - oldStart)).slice(0, MAX_CANDIDATES);
}

type Scored = { anchor: Anchor; errors: number; score: number; contextScore: number };

function best(text: string, quote: TextQuote, candidates: readonly Candidate[]): Scored | null {
  const { exact, prefix, suffix, start } = quote;
  let winner: Scored | null = null;
  for (const match of candidates) {
    const quoteScore = 1 - match.errors / exact.length;
    if (quoteScore < MIN_QUOTE_SIMILARITY) continue;
    const prefixScore = prefix ? similarity(prefix, text.slice(Math.max(0, match.start - prefix.length), match.start)) : 1;
    const suffixScore = suffix ? similarity(suffix, text.slice(match.end, match.end + suffix.length)) : 1;
    const positionScore = 1 - Math.min(1, Math.abs(match.start - start) / Math.max(1, text.length));
    // Hypothesis's weights: the quote counts most, context next, position only breaks ties.
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (!winner || score > winner.score)
      winner = {
        anchor: { start: match.start, end: match.end },
        errors: match.errors,
        score,
        contextScore: (prefixScore + suffixScore) / 2,
      };
  }
  return winner;
}
