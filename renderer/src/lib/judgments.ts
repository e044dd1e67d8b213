// How the workspace names key judgments and their evidence, and which judgments a claim bears on.
import type { Brief, EvidenceLink, Judgment } from '../../../common/model.ts';

/** "KJ2": how the brief refers to its second key judgment. */
export const judgmentLabel = (index: number): string => `KJ${index + 1}`;

/** A judgment needs at least one piece of supporting evidence; without it the workspace and the composer warn. */
export const lacksSupport = (judgment: Judgment): boolean => !judgment.evidence.some((link) => link.stance === 'supports');

/** The key judgments each claim or indicator supports or undercuts, by its id. */
export function judgmentsByEvidence(
  brief: Brief | null,
): ReadonlyMap<string, { label: string; judgmentId: string; stance: EvidenceLink['stance'] }[]> {
  const map = new Map<string, { label: string; judgmentId: string; stance: EvidenceLink['stance'] }[]>();
  (brief?.judgments ?? []).forEach((judgment, index) => {
    for (const link of judgment.evidence) {
      const list = map.get(link.targetId) ?? [];
      list.push({ label: judgmentLabel(index), judgmentId: judgment.id, stance: link.stance });
      map.set(link.targetId, list);
    }
  });
  return map;
}
