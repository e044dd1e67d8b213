// Figures in a claim's words, offered as candidates for indicators: quantities with a unit ("28
// million tons", "$3.5 billion", "about 1,200 engineers"), percentages ("2%", "less than 1%"), ranks
// ("ranking fifth globally", "ranked 3rd"), counts ("12 of 30"), ranges ("from 55% to 78%"),
// durations ("10 years") and target years ("by 2030"). Each quotes the exact words it is read from,
// so the importer's check that a quote stands in its claim holds. What is not a figure is not
// offered: citation markers ("[19]"), dates ("2025-11-09"), times, numbered headings and list
// numbers ("2.1", "1."), a bare number without a unit, codes ("COVID-19", "G20") and ordinals in
// plain prose ("the first step"). Pure: the import preview, the store and the CLI share it.
import type { Comparator } from './vocabulary.ts';

export const FIGURE_KINDS = ['quantity', 'percentage', 'rank', 'count', 'range', 'duration', 'target-year'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

export interface FigureCandidate {
  kind: FigureKind;
  /** The exact words of the claim the figure is read from: `text.slice(start, end)`. */
  quote: string;
  start: number;
  end: number;
  /** The number; for a range, both ends. A scale word stays in the unit ("28 million tons": 28, "million tons"). */
  value: number | [number, number];
  /** "%", "million tons", "engineers", "billion $", "years", "rank", "year", "of 30 regions"… */
  unit: string;
  comparator: Comparator;
}

// ---- words --------------------------------------------------------------------------------------

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
};

const SCALES = ['thousand', 'million', 'billion', 'trillion', 'mn', 'bn', 'tn'];
const SCALE_NAMES: Record<string, string> = { mn: 'million', bn: 'billion', tn: 'trillion' };

/** Units that are not plural nouns: measures, currencies, people. Matched whole-word; abbreviations by case. */
const UNIT_WORDS = [
  'tons',
  'tonnes',
  'ton',
  'tonne',
  'kilograms',
  'kilogram',
  'kg',
  'kilometres',
  'kilometers',
  'km²',
  'km',
  'square kilometres',
  'square kilometers',
  'hectares',
  'barrels per day',
  'barrels',
  'bpd',
  'cubic metres',
  'cubic meters',
  'bcm',
  'MW',
  'GW',
  'TW',
  'kWh',
  'MWh',
  'GWh',
  'TWh',
  'USD',
  'EUR',
  'RMB',
  'CNY',
  'yuan',
  'roubles',
  'rubles',
  'rupees',
  'euros',
  'dollars',
  'pounds',
  'people',
  'staff',
  'personnel',
  'children',
  'men',
  'women',
];

/** Words ending in "s" that are not plural nouns. */
const NOT_PLURAL = new Set([
  'is',
  'was',
  'has',
  'does',
  'its',
  'this',
  'his',
  'hers',
  'ours',
  'theirs',
  'yes',
  'thus',
  'plus',
  'less',
  'unless',
  'across',
  'always',
  'perhaps',
  'whereas',
  'besides',
  'towards',
  'afterwards',
  'sometimes',
  'nevertheless',
  'regardless',
  'alias',
  'gas',
  'chaos',
  'news',
  'series',
  'species',
  'means',
]);
/** Words that never stand between a number and its unit. */
const NOT_ADJECTIVE = new Set([
  'of',
  'and',
  'or',
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'to',
  'for',
  'by',
  'with',
  'from',
  'as',
  'than',
  'that',
  'which',
  'who',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'per',
  'percent',
  'cent',
]);

const COMPARATOR_WORDS: readonly [RegExp, Comparator][] = [
  [/(?:less than|fewer than|under|below|at most|up to|no more than)\s+$/i, 'less-than'],
  [/(?:more than|over|above|at least|exceeding|in excess of|upwards of)\s+$/i, 'more-than'],
  [/(?:about|around|approximately|approx\.|roughly|nearly|almost|some|an estimated|estimated|close to)\s+$|~\s*$/i, 'about'],
];

const DURATION_UNITS = /^(?:years?|months?|weeks?|days?|decades?|hours?)$/i;
const durationUnit = (word: string) => {
  const lower = word.toLowerCase();
  return lower.endsWith('s') ? lower : `${lower}s`;
};

// ---- numbers ------------------------------------------------------------------------------------

const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const WORD_NUMBER = `(?:${Object.keys(NUMBER_WORDS).join('|')})`;
/** Where a number may start: not inside a word, a code ("COVID-19", "G20", "Su-57"), a decimal or a marker. */
const BEFORE = String.raw`(?<![\p{L}\p{N}.,\-/–—_\[#:])`;
const AFTER = String.raw`(?![\p{L}\p{N}]|[.,]\d)`;
const CURRENCY = String.raw`(?:US\$|\$|€|£|¥|₽|₹)`;
const SCALE = `(?:${SCALES.join('|')})`;

const toNumber = (raw: string): number => {
  const lower = raw.toLowerCase();
  return lower in NUMBER_WORDS ? NUMBER_WORDS[lower]! : Number(raw.replace(/,/g, ''));
};

// ---- what is not a figure ------------------------------------------------------------------------

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`;
const NOT_FIGURES = [
  /\[\d+\]/g, // citation markers
  /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\b/g, // ISO dates and times
  /\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/g, // 09.11.2025, 11/9/25
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/g, // times
  new RegExp(String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}(?:\s+\d{4})?\b`, 'gi'), // 9 November 2025
  new RegExp(String.raw`\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b`, 'gi'), // November 9, 2025
  new RegExp(String.raw`\b${MONTH}\s+\d{4}\b`, 'gi'), // November 2025
];

function maskedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const pattern of NOT_FIGURES) for (const match of text.matchAll(pattern)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

// ---- the pieces of a figure ----------------------------------------------------------------------

interface Found {
  kind: FigureKind;
  start: number;
  end: number;
  value: number | [number, number];
  unit: string;
  comparator: Comparator;
}

/** The unit after a number (at `at`): a known unit, or one or two lowercase words ending in a plural noun. */
function unitAfter(text: string, at: number): { unit: string; end: number } | null {
  const rest = text.slice(at);
  const space = /^[ \t\u00A0\u202F]{1,3}(?=\S)/.exec(rest)?.[0].length ?? 0;
  if (space === 0) return null;
  const words = rest.slice(space);
  for (const unit of UNIT_WORDS) {
    const abbreviation = unit !== unit.toLowerCase();
    const head = words.slice(0, unit.length);
    if ((abbreviation ? head === unit : head.toLowerCase() === unit) && !/^[\p{L}\p{N}]/u.test(words.slice(unit.length))) {
      return { unit: abbreviation ? unit : unit.toLowerCase(), end: at + space + unit.length };
    }
  }
  const match = /^([a-z][a-z-]*[a-z])(?:[ \u00A0]{1,3}([a-z][a-z-]*[a-z]))?(?![\p{L}'’])/u.exec(words);
  if (!match) return null;
  const [first, second] = [match[1]!, match[2]];
  const plural = (word: string) => word.length >= 4 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word) && !NOT_PLURAL.has(word);
  if (plural(first)) return { unit: first, end: at + space + first.length };
  if (second && !NOT_ADJECTIVE.has(first) && plural(second)) return { unit: second, end: at + space + match[0].length };
  return null;
}

/** Comparator words right before `start` ("less than", "about"): the figure's start moves back to take them in. */
function comparatorBefore(text: string, start: number): { start: number; comparator: Comparator } {
  const before = text.slice(Math.max(0, start - 24), start);
  for (const [pattern, comparator] of COMPARATOR_WORDS) {
    const match = pattern.exec(before);
    const at = match ? start - before.length + match.index : -1;
    // The words start a word ("about", not "sabout").
    if (match && (at === 0 || /[\s(]/.test(text[at - 1]!))) return { start: at, comparator };
  }
  return { start, comparator: 'equal' };
}

/** A number with its currency, scale and unit at `match`; null without a unit (a bare number is not a figure). */
function quantityAt(
  text: string,
  start: number,
  currency: string | undefined,
  digits: string,
  scale: string | undefined,
  numberEnd: number,
): Found | null {
  const value = toNumber(digits);
  if (!Number.isFinite(value)) return null;
  const scaleName = scale ? (SCALE_NAMES[scale.toLowerCase()] ?? scale.toLowerCase()) : '';
  const unit = unitAfter(text, numberEnd);
  let end = numberEnd;
  let unitText = '';
  if (unit) {
    end = unit.end;
    unitText = unit.unit;
  }
  if (DURATION_UNITS.test(unitText)) {
    if (currency || scaleName) return null;
    return { kind: 'duration', start, end, value, unit: durationUnit(unitText), comparator: 'equal' };
  }
  if (currency) unitText = unitText || currency;
  if (!unitText && !scaleName) return null;
  return { kind: 'quantity', start, end, value, unit: [scaleName, unitText].filter(Boolean).join(' '), comparator: 'equal' };
}

// ---- the patterns --------------------------------------------------------------------------------

const QUANTITY = new RegExp(String.raw`${BEFORE}(${CURRENCY})?\s?(${DIGITS}|${WORD_NUMBER})${AFTER}(?:\s*(${SCALE})\b)?`, 'giu');
const PERCENT = new RegExp(String.raw`${BEFORE}(${DIGITS})\s?(%|percent\b|per cent\b|percentage points?\b)`, 'giu');
const RANGE = new RegExp(
  String.raw`${BEFORE}(?:(from|between)\s+)?(${CURRENCY})?(${DIGITS})\s?(%|percent\b|per cent\b)?(?:\s*(${SCALE})\b)?\s*(to|and|–|-)\s*(${CURRENCY})?(${DIGITS})${AFTER}\s?(%|percent\b|per cent\b|percentage points?\b)?(?:\s*(${SCALE})\b)?`,
  'giu',
);
const COUNT = new RegExp(
  String.raw`${BEFORE}(${DIGITS}|${WORD_NUMBER})\s+(?:out\s+)?of\s+(?:the\s+)?(${DIGITS}|${WORD_NUMBER})${AFTER}`,
  'giu',
);
const ORDINAL = String.raw`(?:${Object.keys(ORDINAL_WORDS).join('|')}|\d{1,3}(?:st|nd|rd|th))`;
const RANK_VERB = String.raw`(?:ranking|ranked|ranks|rank|placing|placed|places|standing|stands|comes|came|sits|finished|finishes)`;
const RANK_SCOPE = String.raw`(?:globally|worldwide|in the world|internationally|in (?:Europe|Asia|Africa|the EU|the region|the country)|among\s+[\p{L}-]+(?:\s+[\p{L}-]+)?)`;
const RANK_WITH_VERB = new RegExp(
  String.raw`\b${RANK_VERB}\s+(?:(?:at|as|in)\s+)?(?:the\s+)?(?:number\s+)?(${ORDINAL})\b(?:\s+${RANK_SCOPE})?`,
  'giu',
);
const RANK_WITH_SCOPE = new RegExp(String.raw`\b(${ORDINAL})\s+${RANK_SCOPE}`, 'giu');
const RANK_SUPERLATIVE = new RegExp(String.raw`\b(${ORDINAL})[- ](?:largest|biggest|highest|lowest|smallest|greatest)\b`, 'giu');
const TARGET_YEAR = /\b(by|until|till|before|through|in)\s+(?:(?:the\s+)?end\s+of\s+)?((?:19|20|21)\d{2})\b(?![-–/]\d)/gi;
const FUTURE =
  /\b(?:will|plans?|planned|aims?|aiming|targets?|targeted|expects?|expected|goals?|intends?|scheduled|due|projected|forecasts?|should|set to|to reach|to raise|to cut)\b/i;

const ordinalValue = (raw: string) => ORDINAL_WORDS[raw.toLowerCase()] ?? Number.parseInt(raw, 10);

function* candidates(text: string): Generator<Found & { priority: number }> {
  for (const m of text.matchAll(RANGE)) {
    const [whole, lead, currencyA, a, percentA, scaleA, joiner, currencyB, b, percentB, scaleB] = m;
    // "between 10 and 20": "and" joins a range only after "between" ("2% and 3 engineers" are two figures).
    if (joiner!.toLowerCase() === 'and' && lead?.toLowerCase() !== 'between') continue;
    const percent = percentB ?? percentA;
    const from = toNumber(a!);
    const to = toNumber(b!);
    if (!(from < to)) continue;
    const end = m.index + whole.length;
    const scale = scaleB ?? scaleA;
    let unit: string;
    let stop = end;
    if (percent) unit = /point/i.test(percent) ? 'percentage points' : '%';
    else {
      const after = unitAfter(text, end);
      const currency = currencyB ?? currencyA;
      const scaleName = scale ? (SCALE_NAMES[scale.toLowerCase()] ?? scale.toLowerCase()) : '';
      if (after) stop = after.end;
      const named = after ? (DURATION_UNITS.test(after.unit) ? durationUnit(after.unit) : after.unit) : (currency ?? '');
      if (!named && !scaleName) continue;
      unit = [scaleName, named].filter(Boolean).join(' ');
    }
    yield { kind: 'range', start: m.index, end: stop, value: [from, to], unit, comparator: 'equal', priority: 0 };
  }
  for (const m of text.matchAll(COUNT)) {
    const part = toNumber(m[1]!);
    const whole = toNumber(m[2]!);
    if (!(part <= whole)) continue;
    const end = m.index + m[0].length;
    const after = unitAfter(text, end);
    yield {
      kind: 'count',
      start: m.index,
      end: after?.end ?? end,
      value: part,
      unit: `of ${m[2]!.toLowerCase()}${after ? ` ${after.unit}` : ''}`,
      comparator: 'equal',
      priority: 1,
    };
  }
  for (const pattern of [RANK_WITH_VERB, RANK_WITH_SCOPE, RANK_SUPERLATIVE]) {
    for (const m of text.matchAll(pattern)) {
      yield {
        kind: 'rank',
        start: m.index,
        end: m.index + m[0].length,
        value: ordinalValue(m[1]!),
        unit: 'rank',
        comparator: 'rank',
        priority: 2,
      };
    }
  }
  for (const m of text.matchAll(TARGET_YEAR)) {
    if (m[1]!.toLowerCase() === 'in' && !FUTURE.test(text)) continue;
    yield {
      kind: 'target-year',
      start: m.index,
      end: m.index + m[0].length,
      value: Number(m[2]),
      unit: 'year',
      comparator: 'equal',
      priority: 3,
    };
  }
  for (const m of text.matchAll(PERCENT)) {
    const unit = /point/i.test(m[2]!) ? 'percentage points' : '%';
    yield {
      kind: 'percentage',
      start: m.index,
      end: m.index + m[0].length,
      value: toNumber(m[1]!),
      unit,
      comparator: 'equal',
      priority: 4,
    };
  }
  for (const m of text.matchAll(QUANTITY)) {
    const [whole, currency, digits, scale] = m;
    // A hyphenated duration ("a 10-year plan") reads as the duration it names.
    const hyphen = /^-(years?|months?|weeks?|days?|decades?)\b/i.exec(text.slice(m.index + whole.length));
    if (hyphen && !currency && !scale) {
      yield {
        kind: 'duration',
        start: m.index,
        end: m.index + whole.length + hyphen[0].length,
        value: toNumber(digits!),
        unit: durationUnit(hyphen[1]!),
        comparator: 'equal',
        priority: 5,
      };
      continue;
    }
    // A year on its own ("in 2019", "2025 engineers" aside) is a date, not a quantity.
    if (!currency && !scale && /^(?:19|20|21)\d{2}$/.test(digits!) && !unitAfter(text, m.index + whole.length)) continue;
    const found = quantityAt(text, m.index, currency, digits!, scale, m.index + whole.length);
    if (found) yield { ...found, priority: 5 };
  }
}

/** The figures a claim's text states, in the order they stand, none overlapping another. */
export function findFigures(text: string): FigureCandidate[] {
  const masked = maskedSpans(text);
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  const all = [...candidates(text)]
    .map((found) => {
      if (found.kind === 'rank' || found.kind === 'target-year') return found;
      const { start, comparator } = comparatorBefore(text, found.start);
      // "over 10 years" is a span of time, not more than one.
      if (found.kind === 'duration' && /^over\b/i.test(text.slice(start))) return found;
      return { ...found, start, comparator };
    })
    .filter((found) => !masked.some(([start, end]) => overlaps(found, { start, end })));
  all.sort((a, b) => a.priority - b.priority || a.start - b.start || b.end - a.end);
  const kept: typeof all = [];
  for (const found of all) if (!kept.some((other) => overlaps(found, other))) kept.push(found);
  kept.sort((a, b) => a.start - b.start);
  return kept.map(({ kind, start, end, value, unit, comparator }) => ({
    kind,
    quote: text.slice(start, end),
    start,
    end,
    value,
    unit,
    comparator,
  }));
}
