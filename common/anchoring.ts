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
 * Where the quote stands in `text` now, or null when it is gone (the highlight is orphaned).
 * Unchanged text is found by position alone; otherwise every approximate occurrence of the
 * quote is scored, quote first, then context, then nearness to the old position.
 */
export function anchorQuote(text: string, quote: TextQuote): Anchor | null {
  const { exact, prefix, suffix, start } = quote;
  if (exact.length === 0) return null;
  if (text.slice(quote.start, quote.end) === exact) return { start: quote.start, end: quote.end };

  const maxErrors = Math.min(256, Math.floor(exact.length * (1 - MIN_QUOTE_SIMILARITY)));
  const candidates = search(text, exact, maxErrors);
  let best: { anchor: Anchor; score: number } | null = null;
  for (const match of candidates) {
    const quoteScore = 1 - match.errors / exact.length;
    if (quoteScore < MIN_QUOTE_SIMILARITY) continue;
    const prefixScore = prefix ? similarity(prefix, text.slice(Math.max(0, match.start - prefix.length), match.start)) : 1;
    const suffixScore = suffix ? similarity(suffix, text.slice(match.end, match.end + suffix.length)) : 1;
    const positionScore = 1 - Math.min(1, Math.abs(match.start - start) / Math.max(1, text.length));
    // Hypothesis's weights: the quote counts most, context next, position only breaks ties.
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    if (!best || score > best.score) best = { anchor: { start: match.start, end: match.end }, score };
  }
  return best?.anchor ?? null;
}
