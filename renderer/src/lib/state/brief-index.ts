// Lookups the reading view and the side panels need on every render, built once per brief (the
// brief is replaced whole by every edit, so each index is rebuilt whole and never changed in place).
import type { Brief, Highlight, Note } from '../../../../common/model.ts';

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

/** The notes on each theme, claim or indicator, in the brief's order. */
export function notesByTarget(brief: Brief | null): ReadonlyMap<string, Note[]> {
  const map = new Map<string, Note[]>();
  for (const note of brief?.notes ?? []) {
    if (!note.targetId) continue;
    const list = map.get(note.targetId);
    if (list) list.push(note);
    else map.set(note.targetId, [note]);
  }
  return map;
}

export function claimCount(brief: Brief | null): number {
  return brief?.themes.reduce((sum, theme) => sum + theme.claims.length, 0) ?? 0;
}
