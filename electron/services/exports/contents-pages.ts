import type { ExportDocument } from '../../../common/export-document.ts';

// Page numbers in the contents. Chromium has no CSS target-counter(), so the print view predicts
// each heading's page from a paged layout of its own (renderer/src/print/predict-pages.ts, laid out a
// window at a time by sections.ts) and the
// brief is printed with those numbers in (the page column has the same width filled or empty, so
// nothing moves). Each heading's page is then read back from the PDF's outline (Chromium writes it
// from the headings, with a destination on the heading's page): when every number holds, that one
// print is the PDF. Otherwise it is printed again with the outline's numbers (only the contents are
// redrawn) and read back again; numbers that still do not hold (or a PDF whose outline cannot be
// read) give a print without numbers rather than wrong ones.
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

/** How many times a brief is printed at most to settle its contents' page numbers (a print without them may follow). */
export const MAX_PRINTS = 3;

/** One print of one version of the document in the print view, and the page numbers the view predicted and shows. */
export type PrintPass = (
  doc: ExportDocument,
  how: {
    pass: number;
    /** Only the contents' numbers differ from the print before: the view redraws only those. */
    pagesOnly: boolean;
    /** The view fills the contents' numbers with the pages it predicts. */
    predictPages: boolean;
  },
) => Promise<{ pdf: Uint8Array; pages: Map<string, number> | null }>;

const withPages = (doc: ExportDocument, pages: ReadonlyMap<string, number> | null): ExportDocument => ({
  ...doc,
  headings: doc.headings.map((h) => ({ ...h, page: h.listed ? (pages?.get(h.anchor) ?? null) : null })),
});

/**
 * The first print of `doc` as printWithContentsPages asks for it: with its contents' page numbers
 * predicted, or, for a document without contents, as it is (and the only print). The composer's
 * print view draws it ahead of the export (exports.ts).
 */
export function firstPrint(doc: ExportDocument): { doc: ExportDocument; how: Parameters<PrintPass>[1] } {
  if (!doc.headings.some((h) => h.listed))
    return { doc: { ...doc, pageNumbers: false }, how: { pass: 1, pagesOnly: false, predictPages: false } };
  return { doc: withPages({ ...doc, pageNumbers: true }, null), how: { pass: 1, pagesOnly: false, predictPages: true } };
}

/**
 * Prints `doc` to PDF with the right page numbers in its contents, with `print` and `read` (the
 * pages of its headings). A document without contents is printed once.
 */
export async function printWithContentsPages(
  doc: ExportDocument,
  print: PrintPass,
  read: typeof headingPages = headingPages,
): Promise<Uint8Array> {
  const first = firstPrint(doc);
  if (!first.how.predictPages) return (await print(first.doc, first.how)).pdf;
  const unnumbered = first.doc;
  let current = unnumbered;
  let pass = 1;
  for (; pass <= MAX_PRINTS; pass++) {
    const printed = await print(current, pass === 1 ? first.how : { pass, pagesOnly: true, predictPages: false });
    if (printed.pages) current = withPages(current, printed.pages);
    const pages = await read(printed.pdf, current);
    if (!pages) {
      // No outline to read: only a print that shows no numbers can be trusted.
      if (!current.headings.some((h) => h.listed && h.page !== null)) return printed.pdf;
      break;
    }
    if (current.headings.every((h) => !h.listed || h.page === (pages.get(h.anchor) ?? null))) return printed.pdf;
    current = withPages(current, pages);
  }
  // Numbers that would not settle: the page column is left empty (its leaders are not drawn), never wrong.
  return (await print(unnumbered, { pass, pagesOnly: true, predictPages: false })).pdf;
}
