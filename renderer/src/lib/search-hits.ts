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
