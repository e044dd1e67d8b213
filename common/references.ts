// The brief's references, as its claims cite them: each citation number of each source once, with
// the claims that cite it in reading order. The source gives only the numbers (its reference list
// is not part of the article), so a reference is its number and where the brief relies on it. A
// brief of several sources has a [1] of each: numbers are told apart by the source they are of.
import { citedSourceId } from './sources.ts';

export interface Reference {
  /** The source the number is of; null in a brief of no source. */
  sourceId: string | null;
  marker: number;
  /** Ids of the claims citing it, in reading order, each once. */
  claimIds: string[];
}

type CitingTheme = {
  sourceId?: string | null;
  claims: readonly { id: string; sourceId?: string | null; citations: readonly { marker: number }[] }[];
};

/** Every reference, by source (in the brief's order of sources) and then by number. */
export function citationIndex(themes: readonly CitingTheme[], sources: readonly { id: string }[] = []): Reference[] {
  const bySource = new Map<string | null, Map<number, string[]>>();
  for (const theme of themes) {
    for (const claim of theme.claims) {
      const sourceId = citedSourceId({ sourceId: claim.sourceId ?? null }, { sourceId: theme.sourceId ?? null }, sources);
      const byMarker = bySource.get(sourceId) ?? new Map<number, string[]>();
      bySource.set(sourceId, byMarker);
      for (const { marker } of claim.citations) {
        const claims = byMarker.get(marker) ?? [];
        if (claims.at(-1) !== claim.id) claims.push(claim.id);
        byMarker.set(marker, claims);
      }
    }
  }
  const order = new Map(sources.map((source, index) => [source.id, index]));
  return [...bySource]
    .sort(([a], [b]) => (order.get(a ?? '') ?? -1) - (order.get(b ?? '') ?? -1))
    .flatMap(([sourceId, byMarker]) =>
      [...byMarker].sort(([a], [b]) => a - b).map(([marker, claimIds]) => ({ sourceId, marker, claimIds })),
    );
}

/** The id of a reference's entry in the References panel: "reference-19" for the first source's, "reference-2-19" for the second's. */
export function referenceElementId(sources: readonly { id: string }[], sourceId: string | null, marker: number): string {
  const index = sources.findIndex((source) => source.id === sourceId);
  return index <= 0 ? `reference-${marker}` : `reference-${index + 1}-${marker}`;
}
