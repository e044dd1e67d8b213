import { citationGradeOf } from '../../common/grades.ts';
import type { Brief, Source } from '../../common/model.ts';
import { describeProvenance, sourceName, sourceNames } from '../../common/sources.ts';
import type { ExportOptions, ExportReferenceGroup, ExportRun, ExportSource } from '../../common/export-document.ts';
import { gradeLine } from './grades.ts';

// The sources of an export: each in the title block with its headline, translation, grade and the
// file it was read from; and the reference numbers grouped by the source they are of, since a
// brief of several sources has a [1] of each.

/** Every source of the brief, its headline cut at its highlights by `headlineRuns`. */
export function composeSources(
  sources: readonly Source[],
  options: Pick<ExportOptions, 'includeGrades'>,
  headlineRuns: (source: Source, target: string) => ExportRun[],
): ExportSource[] {
  const several = sources.length > 1;
  const names = sourceNames(sources);
  return sources.map((source) => {
    const name = names.get(source.id)!;
    return {
      name,
      headline: source.titleOriginal,
      headlineRuns: headlineRuns(source, several ? `Headline of ${name}` : 'Source headline'),
      language: source.originalLanguage,
      translation: source.titleTranslation,
      translationNote: source.translationNote,
      publisher: source.publisher,
      published: source.publishedText,
      grade: options.includeGrades ? gradeLine(source.grade) : null,
      provenance: source.provenance ? describeProvenance(source.provenance) : null,
    };
  });
}

/** Where the references of the brief's nth source (from 0) are anchored: "ref", "ref-s2", … */
export const referencePrefix = (sourceIndex: number): string => (sourceIndex <= 0 ? 'ref' : `ref-s${sourceIndex + 1}`);

/** A claim of the export, by the source its numbers are of. */
export interface CitingClaim {
  number: string;
  sourceId: string | null;
  citations: readonly number[];
}

/** The numbers each source's claims cite in this export, in order, with the claims citing each and its grade. */
export function composeReferences(
  brief: Pick<Brief, 'sources' | 'citationGrades'>,
  claims: readonly CitingClaim[],
  options: Pick<ExportOptions, 'includeGrades' | 'includeReferences'>,
): ExportReferenceGroup[] {
  if (!options.includeReferences) return [];
  const names = sourceNames(brief.sources);
  return brief.sources.flatMap((source, index) => {
    const citedBy = new Map<number, string[]>();
    for (const claim of claims) {
      if (claim.sourceId !== source.id) continue;
      for (const marker of claim.citations) citedBy.set(marker, [...(citedBy.get(marker) ?? []), claim.number]);
    }
    if (citedBy.size === 0) return [];
    return [
      {
        source: names.get(source.id)!,
        prefix: referencePrefix(index),
        origin: [source.publisher, source.publishedText].filter((part) => part.trim() !== '').join(', ') || sourceName(source),
        references: [...citedBy.entries()]
          .sort(([a], [b]) => a - b)
          .map(([marker, numbers]) => ({
            marker,
            citedBy: [...new Set(numbers)],
            grade: options.includeGrades ? gradeLine(citationGradeOf(brief.citationGrades, source.id, marker)) : null,
          })),
      },
    ];
  });
}
