import { anchorQuote, type Anchor } from '../../common/anchoring.ts';

/** What a highlight row carries to be found again. */
export interface AnchorSubject {
  id: string;
  rev: string;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  position_start: number;
  position_end: number;
}

/**
 * Where each highlight stands, computed once per text of its target and revision of the
 * highlight, not on every read: a brief of 100,000 highlights is read whole on every open, and
 * re-anchoring is the costly part of a read once a claim's words have changed. A target's
 * entries are dropped as soon as its text differs from the text they were computed on.
 */
export class AnchorCache {
  readonly #targets = new Map<string, { text: string; anchors: Map<string, Anchor | null> }>();
  readonly #find: typeof anchorQuote;

  /** `find` is the anchoring itself; tests pass a counting one. */
  constructor(find: typeof anchorQuote = anchorQuote) {
    this.#find = find;
  }

  anchor(targetId: string, text: string | undefined, row: AnchorSubject): Anchor | null {
    if (text === undefined) return null;
    let target = this.#targets.get(targetId);
    if (!target || target.text !== text) {
      target = { text, anchors: new Map() };
      this.#targets.set(targetId, target);
    }
    const key = `${row.id}\u0000${row.rev}`;
    let anchor = target.anchors.get(key);
    if (anchor === undefined) {
      anchor = this.#find(text, {
        exact: row.quote_exact,
        prefix: row.quote_prefix,
        suffix: row.quote_suffix,
        start: row.position_start,
        end: row.position_end,
      });
      target.anchors.set(key, anchor);
    }
    return anchor;
  }
}
