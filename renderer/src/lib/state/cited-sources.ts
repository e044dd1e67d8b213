// Which source each claim's numbers are of, and the names numbers carry once a brief holds several
// sources: built once per brief (the brief is replaced whole by every edit).
import type { Brief } from '../../../../common/model.ts';
import { citedSourceId, namesNeeded, sourceNames } from '../../../../common/sources.ts';

export interface CitedSources {
  byClaim: ReadonlyMap<string, string | null>;
  /** Empty while the brief holds one source: its numbers need no name. */
  names: ReadonlyMap<string, string>;
}

export function citedSources(brief: Brief | null): CitedSources {
  const sources = brief?.sources ?? [];
  const byClaim = new Map<string, string | null>();
  for (const theme of brief?.themes ?? []) for (const claim of theme.claims) byClaim.set(claim.id, citedSourceId(claim, theme, sources));
  const names = namesNeeded(sources) ? sourceNames(sources) : new Map<string, string>();
  return { byClaim, names };
}
