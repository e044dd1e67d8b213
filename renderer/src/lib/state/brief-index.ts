// Lookups the reading view and the side panels need on every render, built once per brief (the
// brief is replaced whole by every edit, so each index is rebuilt whole and never changed in place).
import type { Brief, Highlight } from '../../../../common/model.ts';

/** Highlights that still anchor, by the claim or source they are on. */
export function highlightsByTarget(brief: Brief | null): ReadonlyMap<string, Highlight[]> {
  const map = new Map<string, Highlight[]>();
  for (const highlight of brief?.highlights ?? []) {
    if (!highlight.anchor) continue;
    const list = map.get(highlight.targetId);
    if (list) list.push(highlight);
    else map.set(highlight.targetId, [highlight]);
  }
  return map;
}

/** How many notes each theme, claim or indicator has. */
export function noteCounts(brief: Brief | null): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const note of brief?.notes ?? []) if (note.targetId) counts.set(note.targetId, (counts.get(note.targetId) ?? 0) + 1);
  return counts;
}

export function claimCount(brief: Brief | null): number {
  return brief?.themes.reduce((sum, theme) => sum + theme.claims.length, 0) ?? 0;
}
