// How the search box names a hit ("Claim 2.3") and where a chosen hit is shown.
import { citationGradeOf, gradeCode } from '../../../common/grades.ts';
import { LIMITS } from '../../../common/limits.ts';
import type { SearchHit } from '../../../common/model.ts';
import type { OpenDocument } from './state/document.svelte.ts';
import { focusInView, type WorkspaceView } from './state/view.svelte.ts';

export function describeHit(doc: OpenDocument, hit: SearchHit): string {
  if (hit.kind === 'claim') return `Claim ${doc.claimNumbers.get(hit.id) ?? ''}`.trim();
  if (hit.kind === 'indicator') return `Indicator: ${doc.brief?.indicators.find((i) => i.id === hit.id)?.name ?? ''}`;
  if (hit.kind === 'source') return 'Source';
  if (hit.kind === 'judgment') {
    const index = doc.brief?.judgments.findIndex((j) => j.id === hit.id) ?? -1;
    return index >= 0 ? `Key judgment ${index + 1}` : 'Key judgment';
  }
  if (hit.kind === 'bottomLine') return 'Bottom line';
  return hit.kind === 'note' ? 'Note' : 'Highlight comment';
}

/** The most hits one search answers with. */
const MOST_HITS = LIMITS.searchHits;

const KINDS: [SearchHit['kind'], string, string][] = [
  ['claim', 'claim', 'claims'],
  ['note', 'note', 'notes'],
  ['annotation', 'highlight comment', 'highlight comments'],
  ['indicator', 'indicator', 'indicators'],
  ['source', 'source', 'sources'],
  ['judgment', 'key judgment', 'key judgments'],
  ['bottomLine', 'bottom line', 'bottom lines'],
];

/** "16 results: 10 claims, 1 note, 5 indicators": the line the search box shows over its results. */
export function countHits(hits: readonly SearchHit[]): string {
  if (hits.length === 0) return 'No results';
  const counts = KINDS.flatMap(([kind, one, many]) => {
    const n = hits.filter((hit) => hit.kind === kind).length;
    return n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
  });
  const total =
    hits.length >= MOST_HITS ? `The first ${hits.length} results` : `${hits.length} ${hits.length === 1 ? 'result' : 'results'}`;
  return `${total}: ${counts.join(', ')}`;
}

/** Brings a search hit into view in the reading view (leaving the composer) or its side panel tab. */
export function jumpToHit(view: WorkspaceView, hit: SearchHit): boolean {
  view.showReading();
  if (hit.kind === 'claim') void view.revealClaim(hit.id);
  else if (hit.kind === 'indicator') void view.showInPanel('indicators', `indicator-${hit.id}`);
  else if (hit.kind === 'note') void view.showInPanel('notes', `note-${hit.id}`);
  else if (hit.kind === 'annotation') void view.openHighlight(hit.id);
  else if (hit.kind === 'judgment') void view.showInPanel('judgments', `judgment-${hit.id}`);
  else if (hit.kind === 'bottomLine') void view.showInPanel('judgments', 'bottom-line');
  else focusInView(`${hit.kind}-${hit.id}`);
  return true;
}

/**
 * "grade:B2", "grade:B" or "grade:2": the claims citing a reference with that grade (reliability,
 * credibility or both), answered from the open brief. Null when the query is not a grade filter.
 */
export function gradeHits(doc: OpenDocument, query: string): SearchHit[] | null {
  const match = /^\s*grade:\s*([a-f])?([1-6])?\s*$/i.exec(query);
  if (!match || (!match[1] && !match[2])) return null;
  const reliability = match[1]?.toUpperCase();
  const credibility = match[2];
  const brief = doc.brief;
  const hits: SearchHit[] = [];
  for (const claim of brief?.themes.flatMap((theme) => theme.claims) ?? []) {
    const graded = claim.citations
      .map((citation) => ({ marker: citation.marker, grade: citationGradeOf(brief?.citationGrades, claim.sourceId, citation.marker) }))
      .filter(
        ({ grade }) => grade && (!reliability || grade.reliability === reliability) && (!credibility || grade.credibility === credibility),
      );
    if (graded.length === 0) continue;
    hits.push({
      kind: 'claim',
      id: claim.id,
      parts: [
        { text: graded.map(({ marker, grade }) => `[${marker}] ${gradeCode(grade)}`).join(', '), match: true },
        { text: ` ${claim.text.length > 90 ? `${claim.text.slice(0, 90)}…` : claim.text}`, match: false },
      ],
    });
  }
  return hits.slice(0, MOST_HITS);
}
