import { describeChart } from '../../common/chart.ts';
import { claimNumbers } from '../../common/claim-numbers.ts';
import type { Brief, Claim, Colour, EvidenceLink, Highlight, Note } from '../../common/model.ts';
import { citedSourceId, namesNeeded, sourceNames } from '../../common/sources.ts';
import { COLOURS, DEFAULT_MEANINGS, likelihoodLabel } from '../../common/vocabulary.ts';
import {
  PART_ANCHORS,
  type ExportAnnotations,
  type ExportDocument,
  type ExportHeading,
  type ExportHighlightNote,
  type ExportIndicator,
  type ExportJudgment,
  type ExportNote,
  type ExportOptions,
  type ExportOrphan,
  type ExportRun,
  type ExportSection,
} from '../../common/export-document.ts';
import { composeReferences, composeSources, referencePrefix, type CitingClaim } from './compose-sources.ts';
import { gradeLine } from './grades.ts';

export { gradeLine };

const anchorFor = (prefix: string, index: number) => `${prefix}-${index + 1}`;

/** The default composition: the whole brief with everything the analyst wrote, as the composer first opens. */
export function defaultExportOptions(briefTitle: string | null, author: string, today: string): ExportOptions {
  return {
    title: briefTitle ?? 'Untitled brief',
    author,
    date: today,
    marking: 'OFFICIAL',
    paper: 'a4',
    themeIds: null,
    excludedClaimIds: [],
    includeBottomLine: true,
    includeJudgments: true,
    includeAssessments: true,
    includeNotes: true,
    includeAnnotations: true,
    includeIndicators: true,
    includeCharts: true,
    includeReferences: true,
    includeGrades: true,
  };
}

/** Words compared as a reader compares them: runs of white space are one space. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Cuts `text` where its highlights start and end. Each commented highlight gets the next note
 * number (`next`), in the order the highlights start: the caller walks the document in reading
 * order, so the numbers run in reading order.
 */
function runsOf(
  text: string,
  highlights: readonly Highlight[],
  next: () => number,
): { runs: ExportRun[]; numbered: { highlight: Highlight; number: number }[] } {
  const spans = highlights
    .filter((h) => h.anchor !== null && h.anchor.end > h.anchor.start)
    .map((h) => ({ h, start: Math.max(0, h.anchor!.start), end: Math.min(text.length, h.anchor!.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end || a.h.createdAt.localeCompare(b.h.createdAt));
  const numbered = spans.filter((s) => s.h.comment?.trim()).map((s) => ({ highlight: s.h, number: next(), end: s.end }));
  if (spans.length === 0) return { runs: text ? [{ text, colours: [], notes: [] }] : [], numbered: [] };
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const runs: ExportRun[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i]!, cuts[i + 1]!];
    runs.push({
      text: text.slice(start, end),
      colours: spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.h.colour),
      notes: numbered.filter((n) => n.end === end).map((n) => n.number),
    });
  }
  return { runs, numbered: numbered.map(({ highlight, number }) => ({ highlight, number })) };
}

const plainRuns = (text: string): ExportRun[] => (text ? [{ text, colours: [], notes: [] }] : []);

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

const assessmentOf = (claim: Claim): string | null => {
  const parts = [claim.confidence ? `${claim.confidence} confidence` : null, claim.judgement?.trim() || null].filter(Boolean);
  return parts.length > 0 ? `Assessment: ${parts.join(' — ')}` : null;
};

/**
 * Builds the export document from a brief and the composer's choices. Claims keep the numbers they
 * have in the brief. `options.date` is the export's date: a value dated after it is a projection.
 * (The third argument, the store's old list of highlights, is no longer read: the brief's own
 * highlights carry their colour and whether they still anchor.)
 */
export function composeExport(brief: Brief | null, options: ExportOptions): ExportDocument {
  const allThemes = brief?.themes ?? [];
  const numbers = claimNumbers(allThemes);
  const readingOrder = new Map([...numbers.keys()].map((id, index) => [id, index]));
  const claimById = new Map(allThemes.flatMap((theme) => theme.claims.map((claim) => [claim.id, claim] as const)));
  const meaningOf = (colour: Colour) => brief?.palette.find((p) => p.colour === colour)?.meaning ?? DEFAULT_MEANINGS[colour];

  // What goes in: the chosen themes in the chosen order, less the claims left out.
  const byId = new Map(allThemes.map((theme) => [theme.id, theme]));
  const themes = options.themeIds === null ? allThemes : options.themeIds.flatMap((id) => byId.get(id) ?? []);
  const excluded = new Set(options.excludedClaimIds);
  const chosen = themes
    .map((theme) => ({ theme, claims: theme.claims.filter((claim) => !excluded.has(claim.id)) }))
    .filter((entry) => entry.claims.length > 0);
  const inExport = new Set(chosen.flatMap((entry) => entry.claims.map((claim) => claim.id)));

  const notes = options.includeNotes ? (brief?.notes ?? []).filter((note) => note.body.trim() !== '') : [];
  const toNote = (note: Note, label: string | null = null): ExportNote => ({ body: note.body, author: note.author, label });
  const notesOn = groupBy(notes, (note) => note.targetId);
  const notesFor = (id: string) => (notesOn.get(id) ?? []).map((note) => toNote(note));

  // Highlights, numbered in reading order: the source headline, then the claims as they are printed.
  const highlights = options.includeAnnotations ? (brief?.highlights ?? []) : [];
  const anchoredOn = groupBy(
    highlights.filter((h) => h.anchor !== null),
    (h) => h.targetId,
  );
  let counter = 0;
  const next = () => ++counter;
  const highlightNotes: ExportHighlightNote[] = [];
  const numberedIn = (target: string, cut: ReturnType<typeof runsOf>) => {
    for (const { highlight, number } of cut.numbered)
      highlightNotes.push({
        number,
        target,
        quote: highlight.quote,
        colour: highlight.colour,
        meaning: meaningOf(highlight.colour),
        comment: highlight.comment!.trim(),
        author: highlight.author,
      });
    return cut.runs;
  };

  const sourceRows = brief?.sources ?? [];
  const sources = composeSources(sourceRows, options, (source, target) =>
    numberedIn(target, runsOf(source.titleOriginal, anchoredOn.get(source.id) ?? [], next)),
  );

  // Each claim's numbers are of its source; with several sources, the source's name goes with them.
  const names = sourceNames(sourceRows);
  const sourceIndex = new Map(sourceRows.map((source, index) => [source.id, index]));
  const citing: CitingClaim[] = [];
  const sections: ExportSection[] = chosen.map(({ theme, claims }, index) => ({
    anchor: anchorFor('section', index),
    heading: theme.title ? `${theme.label}: ${theme.title}` : theme.label,
    notes: notesFor(theme.id),
    claims: claims.map((claim) => {
      const number = numbers.get(claim.id)!;
      const sourceId = citedSourceId(claim, theme, sourceRows);
      const citations = claim.citations.map((c) => c.marker);
      citing.push({ number, sourceId, citations });
      return {
        number,
        text: claim.text,
        runs: options.includeAnnotations
          ? numberedIn(`Claim ${number}`, runsOf(claim.text, anchoredOn.get(claim.id) ?? [], next))
          : plainRuns(claim.text),
        citations,
        citationSource: namesNeeded(sourceRows) && sourceId ? (names.get(sourceId) ?? null) : null,
        referencePrefix: referencePrefix(sourceId ? (sourceIndex.get(sourceId) ?? 0) : 0),
        translation: claim.translation,
        assessment: options.includeAssessments ? assessmentOf(claim) : null,
        notes: notesFor(claim.id),
      };
    }),
  }));

  // Key judgments, each with the evidence it rests on named by claim number and indicator name.
  const indicatorNames = new Map((brief?.indicators ?? []).map((indicator) => [indicator.id, indicator.name]));
  const warnings: string[] = [];
  const evidencePhrase = (prefix: string, links: readonly EvidenceLink[]): string | null => {
    const claims = links
      .filter((link) => link.targetKind === 'claim' && numbers.has(link.targetId))
      .sort((a, b) => readingOrder.get(a.targetId)! - readingOrder.get(b.targetId)!)
      .map((link) => `${numbers.get(link.targetId)}${inExport.has(link.targetId) ? '' : ' (not in this export)'}`);
    const indicators = links
      .filter((link) => link.targetKind === 'indicator' && indicatorNames.has(link.targetId))
      .map((link) => `${indicatorNames.get(link.targetId)}${options.includeIndicators ? '' : ' (not in this export)'}`);
    const parts = [
      claims.length > 0 ? `${claims.length > 1 ? 'claims' : 'claim'} ${[...new Set(claims)].join(', ')}` : null,
      indicators.length > 0 ? `${indicators.length > 1 ? 'indicators' : 'indicator'} ${[...new Set(indicators)].join(', ')}` : null,
    ].filter(Boolean);
    return parts.length > 0 ? `${prefix} ${parts.join('; ')}.` : null;
  };
  const judgments: ExportJudgment[] = options.includeJudgments
    ? (brief?.judgments ?? []).map((judgment, index) => {
        const known = judgment.evidence.filter((link) =>
          link.targetKind === 'claim' ? numbers.has(link.targetId) : indicatorNames.has(link.targetId),
        );
        const supports = known.filter((link) => link.stance === 'supports');
        if (supports.length === 0) warnings.push(`Key judgment ${index + 1} has no supporting evidence.`);
        const left = known
          .filter((link) => link.targetKind === 'claim' && !inExport.has(link.targetId))
          .sort((a, b) => readingOrder.get(a.targetId)! - readingOrder.get(b.targetId)!);
        if (left.length > 0)
          warnings.push(
            `Key judgment ${index + 1} rests on ${left.length > 1 ? 'claims' : 'claim'} ${left.map((l) => numbers.get(l.targetId)).join(', ')}, which this export leaves out.`,
          );
        const qualifiers = [
          judgment.likelihood ? `Likelihood: ${likelihoodLabel(judgment.likelihood)}` : null,
          judgment.confidence ? `Confidence: ${judgment.confidence}` : null,
        ].filter(Boolean);
        return {
          label: `KJ${index + 1}`,
          text: judgment.text,
          qualifiers: qualifiers.length > 0 ? qualifiers.join(' · ') : null,
          support: evidencePhrase('Supported by', supports),
          against: evidencePhrase(
            'Cut against by',
            known.filter((link) => link.stance === 'undercuts'),
          ),
        };
      })
    : [];

  const indicators: ExportIndicator[] = options.includeIndicators
    ? (brief?.indicators ?? []).map((indicator) => {
        const latest = indicator.observations.at(-1);
        const claimNumber = indicator.claimId ? (numbers.get(indicator.claimId) ?? null) : null;
        const several = indicator.observations.length > 1;
        const flags = indicator.observations.flatMap((o) => {
          if (!o.claimId) return [];
          const claim = claimById.get(o.claimId);
          const what = several ? `${o.display}: ` : '';
          if (!claim) return [`${what}its claim is no longer in the brief`];
          if (o.quote && !squeeze(claim.text).includes(squeeze(o.quote)))
            return [`${what}quote no longer in claim ${numbers.get(claim.id)}`];
          return [];
        });
        return {
          name: indicator.name,
          value: latest?.display ?? '—',
          spoken: latest?.spoken ?? 'no value',
          unit: indicator.unit,
          asOf: latest?.asOfLabel ?? 'undated',
          claimNumber,
          history: indicator.observations.map((o) => {
            const projection = o.asOf !== null && o.asOf > options.date;
            return { value: o.display, asOf: projection ? `${o.asOfLabel} · projection` : o.asOfLabel, projection };
          }),
          flags: [...new Set(flags)],
          notes: notesFor(indicator.id),
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
            chart: describeChart(indicator.observations, options.date),
          }))
      : [];

  const references = brief ? composeReferences(brief, citing, options) : [];

  // Highlights whose words are gone are listed with their quote, never drawn on a claim. Those on
  // claims left out of this export stay out with them.
  const orphans: ExportOrphan[] = highlights
    .filter((h) => h.anchor === null)
    .filter((h) => (h.targetKind === 'claim' ? inExport.has(h.targetId) || !claimById.has(h.targetId) : true))
    .sort((a, b) => (readingOrder.get(a.targetId) ?? -1) - (readingOrder.get(b.targetId) ?? -1))
    .map((h) => ({
      target:
        h.targetKind === 'claim'
          ? numbers.has(h.targetId)
            ? `Claim ${numbers.get(h.targetId)}`
            : 'A claim no longer in the brief'
          : namesNeeded(sourceRows)
            ? `Headline of ${names.get(h.targetId) ?? 'a source'}`
            : 'Source headline',
      quote: h.quote,
      colour: h.colour,
      meaning: meaningOf(h.colour),
      comment: h.comment?.trim() || null,
      author: h.author,
    }));
  const used = new Set<Colour>([
    ...sections.flatMap((s) => s.claims.flatMap((c) => c.runs.flatMap((r) => r.colours))),
    ...sources.flatMap((source) => source.headlineRuns.flatMap((r) => r.colours)),
    ...orphans.map((o) => o.colour),
  ]);
  const palette = brief?.palette ?? [];
  const legend = COLOURS.filter((colour) => used.has(colour)).map((colour) => ({
    colour,
    meaning: palette.find((p) => p.colour === colour)?.meaning ?? DEFAULT_MEANINGS[colour],
  }));
  const annotations: ExportAnnotations | null =
    options.includeAnnotations && (legend.length > 0 || highlightNotes.length > 0 || orphans.length > 0)
      ? { legend, notes: highlightNotes, orphans }
      : null;

  const briefNotes = notes.flatMap((note) =>
    note.targetKind === 'brief' ? [toNote(note)] : note.targetKind === 'source' ? [toNote(note, 'On the source')] : [],
  );
  const bottomLine = options.includeBottomLine
    ? (brief?.bottomLine ?? '')
        .split(/\r\n|[\r\n\u2028\u2029]/)
        .map((line) => line.trim())
        .filter(Boolean)
    : [];

  // Every heading after the title, in order: what the PDF's outline holds, and the contents' lines.
  const heading = (anchor: string, text: string, listed: boolean, level: 2 | 3 = 2): ExportHeading => ({
    anchor,
    heading: text,
    level,
    listed,
    page: null,
  });
  const listed: ExportHeading[] = [
    ...sections.map((s) => heading(s.anchor, s.heading, true)),
    ...(indicators.length > 0 ? [heading(PART_ANCHORS.indicators, 'Indicators', true)] : []),
    ...(references.length > 0 ? [heading(PART_ANCHORS.references, 'References', true)] : []),
    ...(annotations
      ? [
          heading(PART_ANCHORS.annotations, 'Appendix: highlights', true),
          ...(annotations.legend.length > 0 ? [heading(PART_ANCHORS.legend, 'What the colours mean', false, 3)] : []),
          ...(annotations.notes.length > 0 ? [heading(PART_ANCHORS.highlightNotes, 'Comments', false, 3)] : []),
          ...(annotations.orphans.length > 0 ? [heading(PART_ANCHORS.orphans, 'Orphaned highlights', false, 3)] : []),
        ]
      : []),
  ];
  const headings: ExportHeading[] = [
    ...(bottomLine.length > 0 ? [heading(PART_ANCHORS.bottomLine, 'Bottom line', false)] : []),
    ...(judgments.length > 0 ? [heading(PART_ANCHORS.judgments, 'Key judgments', false)] : []),
    ...(briefNotes.length > 0 ? [heading(PART_ANCHORS.briefNotes, 'Analyst’s notes', false)] : []),
    ...(listed.some((h) => h.listed) ? [heading(PART_ANCHORS.contents, 'Contents', false)] : []),
    ...listed,
  ];

  const empty =
    sections.length === 0 && indicators.length === 0 && bottomLine.length === 0 && judgments.length === 0 && briefNotes.length === 0;
  return {
    title: options.title.trim() || 'Untitled brief',
    author: options.author.trim(),
    date: options.date,
    marking: options.marking.trim(),
    paper: options.paper,
    sources,
    bottomLine,
    judgments,
    briefNotes,
    headings: empty ? [] : headings,
    pageNumbers: false,
    sections,
    indicators,
    charts,
    references,
    annotations,
    warnings,
    empty,
  };
}
