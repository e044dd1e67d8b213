import type { Observation } from '../../../db/model.ts';

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

function ordinal(n: number): string {
  const rules = new Intl.PluralRules('en', { type: 'ordinal' });
  const suffix = { one: 'st', two: 'nd', few: 'rd', other: 'th', zero: 'th', many: 'th' }[rules.select(n)];
  return `${numberFormat.format(n)}${suffix}`;
}

function withUnit(value: number, unit: string): string {
  const number = numberFormat.format(value);
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

export interface FormattedValue {
  /** Compact, for the eye: "< 1%", "≈ 1,200 engineers", "5th". */
  display: string;
  /** Spelled out, for screen readers and tooltips: "less than 1%". */
  spoken: string;
}

/** Shows a value the way its source states it: a rank as a rank, "less than" as less than. */
export function formatObservation(observation: Pick<Observation, 'value' | 'unit' | 'comparator'>): FormattedValue {
  const { value, unit, comparator } = observation;
  switch (comparator) {
    case 'rank':
      return { display: ordinal(value), spoken: `ranked ${ordinal(value)}` };
    case 'about':
      return { display: `≈ ${withUnit(value, unit)}`, spoken: `about ${withUnit(value, unit)}` };
    case 'less-than':
      return { display: `< ${withUnit(value, unit)}`, spoken: `less than ${withUnit(value, unit)}` };
    case 'more-than':
      return { display: `> ${withUnit(value, unit)}`, spoken: `more than ${withUnit(value, unit)}` };
    case 'equal':
      return { display: withUnit(value, unit), spoken: withUnit(value, unit) };
  }
}

/** "2025-11-09 · as reported in the source", or the note alone for an undated value. */
export function formatAsOf(observation: Pick<Observation, 'asOf' | 'asOfNote'>): string {
  return [observation.asOf, observation.asOfNote].filter(Boolean).join(' · ') || 'undated';
}

/** A claim's text split around its citation markers, for rendering the markers as chips. */
export function splitAtCitations<C extends { offset: number }>(text: string, citations: readonly C[]): { text: string; citations: C[] }[] {
  const parts: { text: string; citations: C[] }[] = [];
  let last = 0;
  for (const citation of [...citations].sort((a, b) => a.offset - b.offset)) {
    const previous = parts.at(-1);
    if (previous && citation.offset === last && parts.length > 0 && previous.citations.length > 0) {
      previous.citations.push(citation);
      continue;
    }
    parts.push({ text: text.slice(last, citation.offset), citations: [citation] });
    last = citation.offset;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last), citations: [] });
  return parts;
}
