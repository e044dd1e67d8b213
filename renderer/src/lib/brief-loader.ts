// A brief reaches the window in parts: the opening (everything but the three long lists whole, and
// the first claims, highlights and notes), then the rest of each list a bounded part at a time. The
// window is usable from the opening on, so opening costs the same whatever the brief's size, and no
// answer across the bridge grows with it (LIMITS.opening, LIMITS.part).
import type { Brief, BriefOpening, BriefPart, BriefPartName, Claim, Highlight, Note } from '../../../common/model.ts';

export type FetchPart = (part: BriefPartName, offset: number) => Promise<BriefPart>;

/** What has come so far of the lists the opening began. */
export class LoadedLists {
  readonly #opening: Brief;
  readonly #claims: Claim[] = [];
  /** Highlights in the store's order, from the start: the opening's (those on its claims) are dropped as they come again. */
  readonly #highlights: Highlight[] = [];
  readonly #highlightIds = new Set<string>();
  readonly #notes: Note[] = [];

  constructor(opening: Brief) {
    this.#opening = opening;
  }

  add(part: BriefPart): void {
    this.#claims.push(...part.claims);
    for (const highlight of part.highlights) {
      this.#highlights.push(highlight);
      this.#highlightIds.add(highlight.id);
    }
    this.#notes.push(...part.notes);
  }

  /** The brief with what has come so far: a new object; themes without new claims, and everything else, shared. */
  brief(): Brief {
    const opening = this.#opening;
    const added = new Map<string, Claim[]>();
    for (const claim of this.#claims) {
      const list = added.get(claim.themeId);
      if (list) list.push(claim);
      else added.set(claim.themeId, [claim]);
    }
    return {
      ...opening,
      themes: opening.themes.map((theme) => {
        const more = added.get(theme.id);
        return more ? { ...theme, claims: [...theme.claims, ...more] } : theme;
      }),
      highlights: [...opening.highlights.filter((h) => !this.#highlightIds.has(h.id)), ...this.#highlights],
      notes: [...opening.notes, ...this.#notes],
    };
  }
}

/** Where each list's parts start: claims and notes after the opening's, highlights from the start (see LoadedLists). */
export function firstOffsets(opening: BriefOpening): Record<BriefPartName, number> {
  const claims = opening.brief.themes.reduce((sum, theme) => sum + theme.claims.length, 0);
  return { claims, highlights: 0, notes: opening.brief.notes.length };
}

/**
 * Asks for the rest of each list, claims first (the reading view), then highlights, then notes,
 * and hands the brief on as parts come: at most once every `publishEveryMs` (each hand-over costs
 * the window a pass over the whole brief so far: after every part, the passes of a 100,000-item
 * brief would add up to seconds), and once at the end with everything. Stops when `current` says
 * another brief has been opened since. Answers the whole brief.
 */
export async function loadRest(
  opening: BriefOpening,
  fetchPart: FetchPart,
  onPart: (brief: Brief) => void,
  current: () => boolean,
  { publishEveryMs = 250 }: { publishEveryMs?: number } = {},
): Promise<Brief> {
  const lists = new LoadedLists(opening.brief);
  const offsets = firstOffsets(opening);
  let published = performance.now();
  let unpublished = false;
  for (const part of ['claims', 'highlights', 'notes'] as const) {
    while (offsets[part] < opening.totals[part]) {
      const answer = await fetchPart(part, offsets[part]);
      if (!current()) return lists.brief();
      const count = answer.claims.length + answer.highlights.length + answer.notes.length;
      // The store answers nothing more than it holds: a list that ended early (an edit elsewhere) is done.
      if (count === 0) break;
      lists.add(answer);
      offsets[part] += count;
      unpublished = true;
      if (performance.now() - published >= publishEveryMs) {
        onPart(lists.brief());
        published = performance.now();
        unpublished = false;
      }
    }
  }
  const whole = lists.brief();
  if (unpublished) onPart(whole);
  return whole;
}
