import { contentBoxPx } from '../../../common/paper.ts';
import type { ExportDocument } from '../../../common/export-document.ts';

// The page each heading will print on, found before printing, so the contents can carry their page
// numbers in the first print. Chromium has no target-counter(); but its multi-column layout breaks
// content with the same fragmentation engine its printing uses (break-inside, break-after, orphans
// and widows, repeated table headers, margins truncated at a break). So the document is laid out for
// a moment as columns one page's content box wide and high, overflowing sideways, and each
// heading's column is its page. Main checks the prediction against the printed PDF's outline and
// prints again with the outline's numbers if any differs: a wrong guess costs a print, never a
// wrong number.

export const HEADING = 'h1, h2, h3, h4, h5, h6';

/** Where elements fall in the paged layout `inPages` sets up. */
export interface Paged {
  /** The page (from 1) the element starts on. */
  pageOf(element: Element): number;
  /** Whether the element starts its page: nothing of the page is above it. */
  startsPage(element: Element): boolean;
}

/** Runs `measure` with `root` laid out for a moment as pages: columns one page's content box wide and high. */
export function inPages<T>(root: HTMLElement, paper: ExportDocument['paper'], measure: (paged: Paged) => T): T {
  const { width, height } = contentBoxPx(paper);
  // Set property by property (CSSOM): the page's CSP refuses a style attribute written whole.
  const columns: Record<string, string> = {
    width: `${width}px`,
    height: `${height}px`,
    'column-width': `${width}px`,
    'column-gap': '0',
    'column-fill': 'auto',
    overflow: 'visible',
  };
  for (const [property, value] of Object.entries(columns)) root.style.setProperty(property, value);
  try {
    const box = root.getBoundingClientRect();
    // Where an element starts: its first piece (the bounding box of one broken across pages spans them all, from the top).
    const start = (element: Element) => element.getClientRects()[0] ?? element.getBoundingClientRect();
    return measure({
      // Half a pixel in: an element starts inside its column, never on the edge before it.
      pageOf: (element) => Math.floor((start(element).left - box.left + 0.5) / width) + 1,
      // A column's first element starts at its top (a margin at a break is dropped, as in print).
      startsPage: (element) => start(element).top - box.top < 0.5,
    });
  } finally {
    for (const property of Object.keys(columns)) root.style.removeProperty(property);
  }
}
