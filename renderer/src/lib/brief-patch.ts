import type { Brief, BriefPatch, Highlight } from '../../../common/model.ts';

/**
 * The brief after an edit: the parts the patch carries replace the old ones, highlights are
 * replaced, added or dropped by id, kept in the store's order. Nothing is
 * changed in place; the old brief stays as it was.
 */
export function applyPatch(brief: Brief, patch: BriefPatch): Brief {
  return {
    ...brief,
    ...(patch.sources && { sources: patch.sources }),
    ...(patch.themes && { themes: patch.themes }),
    ...(patch.indicators && { indicators: patch.indicators }),
    ...(patch.notes && { notes: patch.notes }),
    ...(patch.palette && { palette: patch.palette }),
    ...(patch.highlights && { highlights: mergeHighlights(brief.highlights, patch.highlights) }),
    ...(patch.bottomLine !== undefined && { bottomLine: patch.bottomLine }),
    ...(patch.judgments && { judgments: patch.judgments }),
    ...(patch.citationGrades && { citationGrades: patch.citationGrades }),
    ...(patch.exportSettings !== undefined && { exportSettings: patch.exportSettings }),
  };
}

function mergeHighlights(current: readonly Highlight[], change: { upsert: Highlight[]; remove: string[] }): Highlight[] {
  const removed = new Set(change.remove);
  const updated = new Map(change.upsert.map((h) => [h.id, h]));
  const kept = current.filter((h) => !removed.has(h.id)).map((h) => updated.get(h.id) ?? h);
  const known = new Set(current.map((h) => h.id));
  const added = change.upsert.filter((h) => !known.has(h.id));
  if (added.length === 0) return kept;
  // In the store's order (created_at, then id), so a highlight brought back by Undo returns to its place.
  const key = (h: Highlight) => `${h.createdAt} ${h.id}`;
  return [...kept, ...added].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
