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

const HEADING = 'h1, h2, h3, h4, h5, h6';

/** Page (from 1) of each listed heading by anchor, or null when one of them is not on the page. */
export function predictHeadingPages(root: HTMLElement, doc: ExportDocument): Record<string, number> | null {
  const { width, height } = contentBoxPx(doc.paper);
  const listed = doc.headings.filter((h) => h.listed);
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
    const left = root.getBoundingClientRect().left;
    const pages: Record<string, number> = {};
    for (const { anchor } of listed) {
      const target = document.getElementById(anchor);
      // The outline points at the heading itself: a section's first heading, or the element when it is the heading.
      const heading = target?.matches(HEADING) ? target : target?.querySelector(HEADING);
      if (!heading) return null;
      // Half a pixel in: a heading starts inside its column, never on the edge before it.
      pages[anchor] = Math.floor((heading.getBoundingClientRect().left - left + 0.5) / width) + 1;
    }
    return pages;
  } finally {
    for (const property of Object.keys(columns)) root.style.removeProperty(property);
  }
}
