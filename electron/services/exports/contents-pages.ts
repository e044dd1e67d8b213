import type { ExportDocument } from '../../../common/export-document.ts';

// Page numbers in the contents. Chromium has no CSS target-counter(), so the brief is printed once
// with the page column empty (the same width as when filled, so nothing moves), each heading's page
// is read back from the PDF's outline (Chromium writes it from the headings, with a destination on
// the heading's page), and the brief is printed again with the numbers in. The second print is read
// back too: if a number changed the layout after all, it is printed once more; numbers that still
// do not hold (or a PDF whose outline cannot be read) give the first print, without numbers,
// rather than wrong ones.
//
// The PDF is read with unpdf (a PDF.js build without worker or canvas, no dependencies), here in
// plain Node, so the Electron app, the Chromium host and the CLI read it alike.

/** Titles as the outline and the page write them: one space for any run of white space. */
const normalise = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

interface OutlineItem {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineItem[];
}

/**
 * The page (from 1) of every heading of `doc`, by anchor, read from the PDF's outline: the outline
 * lists the title and then the headings in document order, so each expected heading is matched
 * with the next outline entry of the same words. Null when the PDF has no outline or a heading
 * cannot be found in it.
 */
export async function headingPages(pdf: Uint8Array, doc: Pick<ExportDocument, 'title' | 'headings'>): Promise<Map<string, number> | null> {
  const { getDocumentProxy } = await import('unpdf');
  // PDF.js may take over the buffer it is given; it reads a copy. A PDF it cannot read has no page numbers to give.
  const proxy = await getDocumentProxy(new Uint8Array(pdf)).catch(() => null);
  if (!proxy) return null;
  try {
    const outline = ((await proxy.getOutline()) ?? []) as OutlineItem[];
    const flat: OutlineItem[] = [];
    const walk = (items: readonly OutlineItem[]) => items.forEach((item) => (flat.push(item), walk(item.items ?? [])));
    walk(outline);

    const pages = new Map<string, number>();
    let at = 0;
    const next = (title: string): OutlineItem | null => {
      const wanted = normalise(title);
      while (at < flat.length) {
        const item = flat[at++]!;
        if (normalise(item.title) === wanted) return item;
      }
      return null;
    };
    if (!next(doc.title)) return null;
    for (const heading of doc.headings) {
      const item = next(heading.heading);
      if (!item) return null;
      const dest = typeof item.dest === 'string' ? await proxy.getDestination(item.dest) : item.dest;
      const ref = Array.isArray(dest) ? dest[0] : null;
      if (!ref || typeof ref !== 'object') return null;
      pages.set(heading.anchor, (await proxy.getPageIndex(ref as { num: number; gen: number })) + 1);
    }
    return pages;
  } finally {
    await proxy.loadingTask.destroy();
  }
}

/** How many times a brief is printed at most to settle its contents' page numbers. */
export const MAX_PRINTS = 3;

/**
 * Prints `doc` to PDF with the right page numbers in its contents, with `print` (one print of one
 * document; `pass` counts from 1) and `read` (the pages of its headings). A document without
 * contents is printed once.
 */
export async function printWithContentsPages(
  doc: ExportDocument,
  print: (doc: ExportDocument, pass: number) => Promise<Uint8Array>,
  read: typeof headingPages = headingPages,
): Promise<Uint8Array> {
  if (!doc.headings.some((h) => h.listed)) return print({ ...doc, pageNumbers: false }, 1);
  let current: ExportDocument = { ...doc, pageNumbers: true, headings: doc.headings.map((h) => ({ ...h, page: null })) };
  let first: Uint8Array | null = null;
  for (let pass = 1; pass <= MAX_PRINTS; pass++) {
    const pdf = await print(current, pass);
    first ??= pdf;
    const pages = await read(pdf, current);
    if (!pages) break;
    if (current.headings.every((h) => !h.listed || h.page === (pages.get(h.anchor) ?? null))) return pdf;
    current = { ...current, headings: current.headings.map((h) => ({ ...h, page: h.listed ? (pages.get(h.anchor) ?? null) : null })) };
  }
  // No outline to read, or numbers that would not settle: the first print, whose contents have no
  // page numbers (the column is empty and its leaders are not drawn), never wrong ones.
  return first!;
}
