// The brief's references, as its claims cite them: each citation number once, with the claims
// that cite it in reading order. The source gives only the numbers (its reference list is not part
// of the article), so a reference is its number and where the brief relies on it.

export interface Reference {
  marker: number;
  /** Ids of the claims citing it, in reading order, each once. */
  claimIds: string[];
}

export function citationIndex(
  themes: readonly { claims: readonly { id: string; citations: readonly { marker: number }[] }[] }[],
): Reference[] {
  const byMarker = new Map<number, string[]>();
  for (const theme of themes) {
    for (const claim of theme.claims) {
      for (const { marker } of claim.citations) {
        const claims = byMarker.get(marker) ?? [];
        if (claims.at(-1) !== claim.id) claims.push(claim.id);
        byMarker.set(marker, claims);
      }
    }
  }
  return [...byMarker].sort(([a], [b]) => a - b).map(([marker, claimIds]) => ({ marker, claimIds }));
}
