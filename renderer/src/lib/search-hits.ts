// How the search box names a hit ("Claim 2.3") and where a chosen hit is shown.
import type { SearchHit } from '../../../common/model.ts';
import type { OpenDocument } from './state/document.svelte.ts';
import { focusInView, type WorkspaceView } from './state/view.svelte.ts';

export function describeHit(doc: OpenDocument, hit: SearchHit): string {
  if (hit.kind === 'claim') return `Claim ${doc.claimNumbers.get(hit.id) ?? ''}`.trim();
  if (hit.kind === 'indicator') return `Indicator: ${doc.brief?.indicators.find((i) => i.id === hit.id)?.name ?? ''}`;
  if (hit.kind === 'source') return 'Source';
  return hit.kind === 'note' ? 'Note' : 'Highlight comment';
}

/** The most hits one search answers with (SEARCH_LIMIT in db/read/search.ts). */
export const MOST_HITS = 50;

const KINDS: [SearchHit['kind'], string, string][] = [
  ['claim', 'claim', 'claims'],
  ['note', 'note', 'notes'],
  ['annotation', 'highlight comment', 'highlight comments'],
  ['indicator', 'indicator', 'indicators'],
  ['source', 'source', 'sources'],
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
  else focusInView(`${hit.kind}-${hit.id}`);
  return true;
}
