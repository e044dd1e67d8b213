import { claimNumbers } from '../../common/claim-numbers.ts';
import type { Brief } from '../../common/model.ts';
import type { AnnotationForExport, ExportDocument, ExportOptions, ExportReference } from '../../common/export-document.ts';

const anchorFor = (prefix: string, index: number) => `${prefix}-${index + 1}`;

/** The default composition: the whole brief, as the composer opens. */
export function defaultExportOptions(briefTitle: string | null, author: string, today: string): ExportOptions {
  return {
    title: briefTitle ?? 'Untitled brief',
    author,
    date: today,
    marking: 'OFFICIAL',
    paper: 'a4',
    themeIds: null,
    excludedClaimIds: [],
    includeIndicators: true,
    includeCharts: true,
    includeReferences: true,
    includeAnnotations: true,
  };
}

/** Builds the export document from a brief and the composer's choices. Claims keep the numbers they have in the brief. */
export function composeExport(brief: Brief | null, options: ExportOptions, annotations: AnnotationForExport[] = []): ExportDocument {
  const numbers = claimNumbers(brief?.themes ?? []);

  const byId = new Map((brief?.themes ?? []).map((theme) => [theme.id, theme]));
  const themes = options.themeIds === null ? (brief?.themes ?? []) : options.themeIds.flatMap((id) => byId.get(id) ?? []);
  const excluded = new Set(options.excludedClaimIds);
  const sections = themes
    .map((theme, index) => ({
      anchor: anchorFor('section', index),
      heading: theme.title ? `${theme.label}: ${theme.title}` : theme.label,
      claims: theme.claims
        .filter((claim) => !excluded.has(claim.id))
        .map((claim) => ({ number: numbers.get(claim.id)!, text: claim.text, citations: claim.citations.map((c) => c.marker) })),
    }))
    .filter((section) => section.claims.length > 0);

  const indicators = options.includeIndicators
    ? (brief?.indicators ?? []).map((indicator) => {
        const latest = indicator.observations.at(-1);
        const claimNumber = indicator.claimId ? (numbers.get(indicator.claimId) ?? null) : null;
        return {
          name: indicator.name,
          value: latest?.display ?? '—',
          spoken: latest?.spoken ?? 'no value',
          unit: indicator.unit,
          asOf: latest?.asOfLabel ?? 'undated',
          claimNumber,
          history: indicator.observations.map((o) => ({ value: o.display, asOf: o.asOfLabel })),
        };
      })
    : [];

  // A chart where a picture says more than a number: an indicator with a history.
  const charts =
    options.includeIndicators && options.includeCharts
      ? (brief?.indicators ?? [])
          .filter((indicator) => indicator.observations.length > 1)
          .map((indicator, index) => ({
            anchor: anchorFor('chart', index),
            title: indicator.name,
            unit: indicator.unit,
            points: indicator.observations.map((o, i) => ({
              label: o.asOf ?? (i === 0 ? 'earlier' : `value ${i + 1}`),
              value: o.value,
              display: o.display,
            })),
          }))
      : [];

  const citedBy = new Map<number, string[]>();
  for (const section of sections)
    for (const claim of section.claims)
      for (const marker of claim.citations) citedBy.set(marker, [...(citedBy.get(marker) ?? []), claim.number]);
  const references: ExportReference[] = options.includeReferences
    ? [...citedBy.entries()].sort(([a], [b]) => a - b).map(([marker, claims]) => ({ marker, citedBy: [...new Set(claims)] }))
    : [];

  const source = brief?.sources[0];
  return {
    title: options.title.trim() || 'Untitled brief',
    author: options.author.trim(),
    date: options.date,
    marking: options.marking.trim(),
    paper: options.paper,
    source: source
      ? {
          headline: source.titleOriginal,
          translation: source.titleTranslation,
          translationNote: source.translationNote,
          publisher: source.publisher,
          published: source.publishedText,
        }
      : null,
    sections,
    indicators,
    charts,
    references,
    annotations: options.includeAnnotations
      ? annotations.map((a) => ({
          target: a.targetKind === 'claim' ? `Claim ${numbers.get(a.targetId) ?? '(removed)'}` : 'Source',
          quote: a.quote,
          comment: a.comment,
          author: a.author,
        }))
      : [],
    empty: sections.length === 0 && indicators.length === 0,
  };
}
