// A hint, never a block: where the analyst's own words (bottom line, key judgments, claim
// assessments) stray from the brief's estimative language (ICD 203; DESIGN.md section 9).
// Two things are flagged: likelihood words that are not on the scale ("probably", "might"), with
// the scale's term to use instead; and a sentence that gives both a likelihood and a confidence,
// which the standard keeps apart (confidence belongs in its own field, about the evidence).
import { LIKELIHOOD_SCALE } from './vocabulary.ts';

export interface EstimativeHint {
  /** Character offsets of the flagged words in the text checked. */
  start: number;
  end: number;
  words: string;
  message: string;
}

const SCALE_TERMS = Object.values(LIKELIHOOD_SCALE).map((entry) => entry.term);

/** Words off the scale, longest first, each with what the scale says instead. */
const OFF_SCALE: readonly { words: string; instead: string }[] = [
  { words: 'highly likely', instead: '“very likely”' },
  { words: 'highly unlikely', instead: '“very unlikely”' },
  { words: 'remote possibility', instead: '“almost no chance”' },
  { words: 'remote chance', instead: '“almost no chance”' },
  { words: 'slight chance', instead: '“very unlikely” or “unlikely”' },
  { words: 'good chance', instead: '“likely”' },
  { words: 'fair chance', instead: '“roughly even chance”' },
  { words: 'probably', instead: '“likely”' },
  { words: 'probable', instead: '“likely”' },
  { words: 'presumably', instead: '“likely”' },
  { words: 'certainly', instead: '“almost certain”' },
  { words: 'surely', instead: '“almost certain”' },
  { words: 'perhaps', instead: 'a term of the scale, e.g. “roughly even chance” or “unlikely”' },
  { words: 'possibly', instead: 'a term of the scale, e.g. “roughly even chance” or “unlikely”' },
  { words: 'maybe', instead: 'a term of the scale, e.g. “roughly even chance” or “unlikely”' },
  { words: 'conceivably', instead: '“unlikely” or “very unlikely”' },
  { words: 'might', instead: 'a term of the scale, e.g. “roughly even chance” or “unlikely”' },
  { words: 'could', instead: 'a term of the scale, e.g. “roughly even chance” or “unlikely”' },
  // "May" the month is written with a capital; the modal verb mid-sentence is not.
  { words: 'may', instead: 'a term of the scale, e.g. “roughly even chance” or “unlikely”' },
];

const CONFIDENCE_WORDS = /\b(?:(?:low|moderate|medium|high)\s+confidence|confident(?:ly)?)\b/i;

const escape = (words: string) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const offScalePattern = new RegExp(`\\b(${OFF_SCALE.map((o) => escape(o.words).replace(/ /g, '\\s+')).join('|')})\\b`, 'gi');
const scalePattern = new RegExp(`\\b(${SCALE_TERMS.map((t) => escape(t).replace(/ /g, '\\s+')).join('|')})\\b`, 'i');

/** Sentences of `text`, with where each starts. A full stop inside a number (2.5%) does not end one. One pass, linear. */
function sentences(text: string): { start: number; text: string }[] {
  const found: { start: number; text: string }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const ends = c === '\n' || ((c === '.' || c === '!' || c === '?' || c === ';') && !/\d/.test(text[i + 1] ?? ''));
    if (!ends) continue;
    if (text.slice(start, i + 1).trim() !== '') found.push({ start, text: text.slice(start, i + 1) });
    start = i + 1;
  }
  if (text.slice(start).trim() !== '') found.push({ start, text: text.slice(start) });
  return found;
}

/** The most text the check reads: an analyst's sentence or paragraph is far shorter; a hostile file's 8 MB is not read whole. */
export const ESTIMATIVE_CHECK_LIMIT = 20_000;

export function checkEstimativeLanguage(whole: string): EstimativeHint[] {
  const text = whole.slice(0, ESTIMATIVE_CHECK_LIMIT);
  const hints: EstimativeHint[] = [];
  for (const match of text.matchAll(offScalePattern)) {
    const words = match[0];
    if (words === 'May') continue;
    const entry = OFF_SCALE.find((o) => o.words === words.toLowerCase().replace(/\s+/g, ' '))!;
    hints.push({
      start: match.index,
      end: match.index + words.length,
      words,
      message: `“${words}” is not on the brief’s likelihood scale: use ${entry.instead}.`,
    });
  }
  for (const sentence of sentences(text)) {
    const likelihood = scalePattern.exec(sentence.text);
    const confidence = CONFIDENCE_WORDS.exec(sentence.text);
    if (!likelihood || !confidence) continue;
    const start = sentence.start + Math.min(likelihood.index, confidence.index);
    const end = sentence.start + Math.max(likelihood.index + likelihood[0].length, confidence.index + confidence[0].length);
    hints.push({
      start,
      end,
      words: text.slice(start, end),
      message: `This sentence gives both a likelihood (“${likelihood[0]}”) and a confidence (“${confidence[0]}”): keep confidence out of the sentence and set it in its own field.`,
    });
  }
  return hints.sort((a, b) => a.start - b.start);
}
