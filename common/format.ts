import type { Comparator } from './model.ts';

// How figures are written, in one place: the workspace, the print view and the Markdown export
// all show what this returns, so "< 1%" never reads "1%" somewhere else.

const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const ordinalRules = new Intl.PluralRules('en', { type: 'ordinal' });
const ORDINAL_SUFFIX: Record<Intl.LDMLPluralRule, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th', zero: 'th', many: 'th' };

const ordinal = (n: number) => `${numberFormat.format(n)}${ORDINAL_SUFFIX[ordinalRules.select(n)]}`;
const withUnit = (value: number, unit: string) =>
  unit === '%' ? `${numberFormat.format(value)}%` : `${numberFormat.format(value)} ${unit}`;

export interface FormattedValue {
  /** Compact, for the eye: "< 1%", "≈ 1,200 engineers", "5th". */
  text: string;
  /** Spelled out, for screen readers and tooltips: "less than 1%". */
  spoken: string;
}

/** A value the way its source states it: a rank as a rank, "less than" as less than. */
export function formatValue(value: number, unit: string, comparator: Comparator): FormattedValue {
  switch (comparator) {
    case 'rank':
      return { text: ordinal(value), spoken: `ranked ${ordinal(value)}` };
    case 'about':
      return { text: `≈ ${withUnit(value, unit)}`, spoken: `about ${withUnit(value, unit)}` };
    case 'less-than':
      return { text: `< ${withUnit(value, unit)}`, spoken: `less than ${withUnit(value, unit)}` };
    case 'more-than':
      return { text: `> ${withUnit(value, unit)}`, spoken: `more than ${withUnit(value, unit)}` };
    case 'equal':
      return { text: withUnit(value, unit), spoken: withUnit(value, unit) };
  }
}

/** "2025-11-09 · as reported in the source", or the note alone for an undated value. */
export function formatAsOf(asOf: string | null, note: string | null): string {
  return [asOf, note].filter(Boolean).join(' · ') || 'undated';
}
