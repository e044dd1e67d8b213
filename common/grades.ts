// How an Admiralty grade is written: "B2" on a chip, "usually reliable; probably true" in words.
// Reliability (of the source) and credibility (of the information) are graded apart, so either
// may be missing: "B" alone, or "2" alone.
import type { CitationGrade, Grade } from './model.ts';
import { CREDIBILITY_MEANINGS, RELIABILITY_MEANINGS } from './vocabulary.ts';

/** "B2", "B", "2", or null for no grade. */
export function gradeCode(grade: Grade | null | undefined): string | null {
  const code = `${grade?.reliability ?? ''}${grade?.credibility ?? ''}`;
  return code === '' ? null : code;
}

/** "usually reliable; probably true", or null for no grade. */
export function gradeMeaning(grade: Grade | null | undefined): string | null {
  const words = [
    grade?.reliability ? RELIABILITY_MEANINGS[grade.reliability] : null,
    grade?.credibility ? CREDIBILITY_MEANINGS[grade.credibility] : null,
  ].filter((w): w is string => w !== null);
  return words.length === 0 ? null : words.join('; ');
}

/** The grade of one citation number of a source, if the analyst has given one. */
export function citationGradeOf(
  grades: readonly CitationGrade[] | undefined,
  sourceId: string | null,
  marker: number,
): CitationGrade | null {
  return grades?.find((g) => g.marker === marker && (sourceId === null || g.sourceId === sourceId)) ?? null;
}
