// The Figures tab's list: every figure a claim states (common/figures.ts) that the analyst has
// neither taken as an indicator's value (an observation quoting those words of that claim) nor
// dismissed, grouped by claim in reading order; and what the Accept form starts from. Nothing
// becomes an indicator until the analyst accepts it. Pure: tested in tests/figure-candidates.test.ts.
import { claimNumber } from '../../../common/claim-numbers.ts';
import { findFigures, type FigureCandidate, type FigureKind } from '../../../common/figures.ts';
import type { Brief, Comparator } from '../../../common/model.ts';

export interface FigureGroup {
  claimId: string;
  /** "2.1". */
  claimNumber: string;
  claimText: string;
  /** The source the claim comes from, whose date is the figures' "as of". */
  sourceId: string | null;
  figures: FigureCandidate[];
}

export const FIGURE_KIND_LABELS: Record<FigureKind, string> = {
  quantity: 'Quantity',
  percentage: 'Percentage',
  rank: 'Rank',
  count: 'Count',
  range: 'Range',
  duration: 'Duration',
  'target-year': 'Target year',
};

type BriefFigures = Pick<Brief, 'themes' | 'indicators' | 'dismissedFigures'>;

// Reading figures costs about a tenth of a millisecond a claim: a brief of 20,000 claims would take
// seconds on every accept or dismiss. Claims whose words have not changed are read once.
const CACHE_LIMIT = 50_000;
const figuresByText = new Map<string, FigureCandidate[]>();

function figuresOf(text: string): FigureCandidate[] {
  let figures = figuresByText.get(text);
  if (!figures) {
    if (figuresByText.size >= CACHE_LIMIT) figuresByText.clear();
    figures = findFigures(text);
    figuresByText.set(text, figures);
  }
  return figures;
}

const settledKey = (claimId: string, quote: string) => `${claimId}\u0000${quote}`;

/** Figures the analyst has answered: dismissed, or quoted by an indicator's value from that claim. */
function settledFigures(brief: BriefFigures): Set<string> {
  const settled = new Set(brief.dismissedFigures.map((figure) => settledKey(figure.claimId, figure.quote)));
  for (const indicator of brief.indicators)
    for (const observation of indicator.observations)
      if (observation.claimId && observation.quote) settled.add(settledKey(observation.claimId, observation.quote));
  return settled;
}

/** The claims with figures still to answer, in reading order, one group per claim; lazily, so a page of them costs a page of claims. */
export function* figureGroups(brief: BriefFigures): Generator<FigureGroup> {
  const settled = settledFigures(brief);
  for (const [t, theme] of brief.themes.entries()) {
    for (const [c, claim] of theme.claims.entries()) {
      const figures = figuresOf(claim.text).filter((figure) => !settled.has(settledKey(claim.id, figure.quote)));
      if (figures.length === 0) continue;
      yield {
        claimId: claim.id,
        claimNumber: claimNumber(t, c),
        claimText: claim.text,
        sourceId: claim.sourceId ?? theme.sourceId,
        figures,
      };
    }
  }
}

/** The first `limit` groups, and whether there are more. */
export function firstGroups(groups: Iterable<FigureGroup>, limit: number): { groups: FigureGroup[]; more: boolean } {
  const taken: FigureGroup[] = [];
  for (const group of groups) {
    if (taken.length === limit) return { groups: taken, more: true };
    taken.push(group);
  }
  return { groups: taken, more: false };
}

const CONTEXT_WORDS = 5;

/** The figure in the claim's own words, with a few words either side: "…reserves of", "28 million tons", ", ranking fifth…". */
export function figureInContext(
  text: string,
  figure: Pick<FigureCandidate, 'start' | 'end'>,
): { before: string; quote: string; after: string } {
  const beforeWords = text.slice(0, figure.start).split(/(?<=\s)(?=\S)/);
  const afterWords = text.slice(figure.end).split(/(?<=\S)(?=\s)/);
  const before = beforeWords.slice(-CONTEXT_WORDS).join('');
  const after = afterWords.slice(0, CONTEXT_WORDS).join('');
  return {
    before: (beforeWords.length > CONTEXT_WORDS ? '…' : '') + before,
    quote: text.slice(figure.start, figure.end),
    after: after + (afterWords.length > CONTEXT_WORDS ? '…' : ''),
  };
}

/** What the Accept form starts from; the analyst edits every field before the indicator is made. */
export interface FigureSuggestion {
  name: string;
  value: string;
  unit: string;
  comparator: Comparator;
  /** YYYY-MM-DD or empty. */
  asOf: string;
}

/** Words that do not name what is measured at either end of a name ("of", "only", "reached"). */
const EDGE_WORDS = new Set(
  (
    'a an the of to by with from at in on and or but only is was are were be been has have had will would its their his her our ' +
    'that which who than as for some about around nearly over more less almost just currently now still reached reach reaches ' +
    'rose rise rises fell fall falls grew grow grows stood stands stand while whereas this these those it they there'
  ).split(' '),
);
const NAME_WORDS = 4;

/** Up to four words of a clause that could name a figure: citation markers, numbers and edge words left out. */
function nameFrom(clause: string, end: 'last' | 'first'): string {
  const words = clause
    .replace(/\[\d+\]/g, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((word) => /^\p{L}[\p{L}'’-]*$/u.test(word));
  const picked = end === 'last' ? words.slice(-NAME_WORDS) : words.slice(0, NAME_WORDS);
  while (picked.length > 0 && EDGE_WORDS.has(picked[0]!.toLowerCase())) picked.shift();
  while (picked.length > 0 && EDGE_WORDS.has(picked.at(-1)!.toLowerCase())) picked.pop();
  return picked.join(' ');
}

const CLAUSE_BREAK = /[,;:()—–]|[.!?](?=\s)/;

/**
 * A name from the words around the figure: of the end of its clause before it ("substantial rare
 * earth reserves of 28 million tons" → "Rare earth reserves"), the words of a quantity's unit ("about
 * 1,200 engineers" → "Engineers") and the start of the clause after it, the one with most words (in that
 * order when as many); else the kind of figure.
 */
export function suggestedName(text: string, figure: Pick<FigureCandidate, 'start' | 'end' | 'kind' | 'unit'>): string {
  const options = [
    nameFrom(text.slice(0, figure.start).split(CLAUSE_BREAK).at(-1) ?? '', 'last'),
    // A quantity's or count's unit names things ("engineers"); "%", "years" or "rank" name nothing.
    figure.kind === 'quantity' || figure.kind === 'count' ? nameFrom(figure.unit, 'last') : '',
    nameFrom(text.slice(figure.end).split(CLAUSE_BREAK)[0] ?? '', 'first'),
  ];
  const words = (name: string) => (name === '' ? 0 : name.split(' ').length);
  const best = options.reduce((chosen, option) => (words(option) > words(chosen) ? option : chosen), '');
  const name = best || FIGURE_KIND_LABELS[figure.kind];
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** "1,200" as the form takes it; a year stays "2030". */
const formatValue = (value: number, kind: FigureKind) =>
  value.toLocaleString('en', { maximumFractionDigits: 10, useGrouping: kind !== 'target-year' });

/** The Accept form's first values: a name from the claim's words, the value (a range's upper end), its unit and comparator, the source's date. */
export function suggestIndicator(
  group: Pick<FigureGroup, 'claimText'>,
  figure: FigureCandidate,
  publishedOn: string | null,
): FigureSuggestion {
  const value = Array.isArray(figure.value) ? figure.value[1] : figure.value;
  return {
    name: suggestedName(group.claimText, figure),
    value: formatValue(value, figure.kind),
    unit: figure.unit,
    comparator: figure.comparator,
    asOf: publishedOn ?? '',
  };
}
