import type { Brief, BriefPatch, Claim, ItemChanges, Theme } from '../../../common/model.ts';

/**
 * The brief after an edit: the parts the patch carries replace the old ones; themes, claims, notes
 * and highlights are replaced, added or dropped by id, each in its place in the store's order.
 * Nothing is changed in place: the old brief stays as it was, and every theme, claim or item the
 * patch does not name is the same object as before (a view keyed on it need not draw it again).
 */
export function applyPatch(brief: Brief, patch: BriefPatch): Brief {
  return {
    ...brief,
    ...(patch.sources && { sources: patch.sources }),
    ...((patch.themes || patch.claims) && { themes: mergeThemes(brief.themes, patch.themes, patch.claims) }),
    ...(patch.indicators && { indicators: patch.indicators }),
    ...(patch.notes && { notes: merged(brief.notes, patch.notes, byCreation) }),
    ...(patch.palette && { palette: patch.palette }),
    ...(patch.highlights && { highlights: merged(brief.highlights, patch.highlights, byCreation) }),
    ...(patch.bottomLine !== undefined && { bottomLine: patch.bottomLine }),
    ...(patch.judgments && { judgments: patch.judgments }),
    ...(patch.citationGrades && { citationGrades: patch.citationGrades }),
    ...(patch.exportSettings !== undefined && { exportSettings: patch.exportSettings }),
    ...(patch.dismissedFigures && { dismissedFigures: patch.dismissedFigures }),
  };
}

type Order<T> = (a: T, b: T) => number;

// The store's orders (SQL ORDER BY on integers and ASCII text, which JavaScript compares alike).
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
/** Notes and highlights: created_at, then id. */
const byCreation: Order<{ createdAt: string; id: string }> = (a, b) => compare(a.createdAt, b.createdAt) || compare(a.id, b.id);
/** Themes, and claims within their theme: position, then id. */
const byPosition: Order<{ position: number; id: string }> = (a, b) => compare(a.position, b.position) || compare(a.id, b.id);

/** `items` with the changes made: those upserted taken out and put back at their place in `order` (a move changes it). */
function merged<T extends { id: string }>(items: readonly T[], change: ItemChanges<T>, order: Order<T>): T[] {
  const out = [...items];
  const gone = new Set([...change.remove, ...change.upsert.map((item) => item.id)]);
  if (gone.size > 0) {
    let kept = 0;
    for (const item of out) if (!gone.has(item.id)) out[kept++] = item;
    out.length = kept;
  }
  for (const item of [...change.upsert].sort(order)) out.splice(placeOf(out, item, order), 0, item);
  return out;
}

/** The first index whose item comes after `item` in `order` (binary search over a sorted list). */
function placeOf<T>(items: readonly T[], item: T, order: Order<T>): number {
  let [low, high] = [0, items.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order(items[middle]!, item) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Themes upserted (whole, with their claims) or removed; then claims upserted into the theme they name, or removed. */
function mergeThemes(themes: readonly Theme[], themeChanges?: ItemChanges<Theme>, claimChanges?: ItemChanges<Claim>): Theme[] {
  const next = themeChanges ? merged(themes, themeChanges, byPosition) : [...themes];
  if (!claimChanges) return next;
  const gone = new Set([...claimChanges.remove, ...claimChanges.upsert.map((claim) => claim.id)]);
  return next.map((theme) => {
    const incoming = claimChanges.upsert.filter((claim) => claim.themeId === theme.id);
    if (incoming.length === 0 && !theme.claims.some((claim) => gone.has(claim.id))) return theme;
    return { ...theme, claims: merged(theme.claims, { upsert: incoming, remove: [...gone] }, byPosition) };
  });
}
