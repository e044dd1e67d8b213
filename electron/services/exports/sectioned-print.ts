import type { ExportDocument } from '../../../common/export-document.ts';
import type { PrintPass } from './contents-pages.ts';
import { SectionJoin } from './join-sections.ts';
import { PAGE_NUMBER_STAMP, pdfLayout } from './print-layout.ts';
import type { PrintJobs } from './print-jobs.ts';
import type { PrintPage } from './print-page.ts';

// How one version of a brief becomes one PDF in one print view. A brief of up to a section and a
// quarter is one print. A longer one is cut by the print view into sections of about SECTION_PAGES
// pages (renderer/src/print/sections.ts), each printed alone and joined (join-sections.ts): Chromium
// spends more per page the longer the print (49 ms a page at 76 pages, 290 at 1,933, bare) and its
// printing process grew to 4.7 GB for 1,933 pages, so sections keep both time per page and memory
// to a section's. A later pass that only changes the contents' page numbers reprints only the
// sections that hold the contents.

/** Pages per print section: a few seconds' print each, well inside the linear range measured. */
export const SECTION_PAGES = 80;

/**
 * The print view's renderer is asked to collect its garbage (each section's copy and print data)
 * after every so many sections: a collection walks the whole drawn brief (about a second at 2,000
 * pages), and four sections' garbage is about 200 MB.
 */
const COLLECT_EVERY = 4;

export interface SectionedPrintOptions {
  /** Pages per section (tests cut the seed brief into sections of a page or two); 0 never cuts. */
  sectionPages?: number;
  /** Items drawn at a time (PART_ITEMS; tests give less). */
  partItems?: number;
  /** Before each print: which (from 0) of how many (1 when the brief is printed whole). */
  onPrint?: (index: number, count: number) => void;
  /** The export gave up (its time limit): no further section is printed, nor the join finished. */
  signal?: AbortSignal;
}

/**
 * Has `jobs`' print view draw `doc` as a pass printing it `how` does: the composer's view draws an
 * export's first print so ahead of it (exports.ts), and the pass is answered by that drawing.
 */
export function drawForPass(
  jobs: PrintJobs,
  doc: ExportDocument,
  how: Parameters<PrintPass>[1],
  {
    sectionPages = SECTION_PAGES,
    partItems,
    hold = false,
  }: Pick<SectionedPrintOptions, 'sectionPages' | 'partItems'> & { /** A drawing made ahead (PrintJobs.draw). */ hold?: boolean } = {},
) {
  return jobs.draw(doc, { pagesOnly: how.pagesOnly, predictPages: how.predictPages, sectionPages, partItems, hold });
}

/** A PrintPass over `jobs`' print view, loaded in `page`. */
export function sectionedPrintPass(
  jobs: PrintJobs,
  page: Pick<PrintPage, 'pdf' | 'collectGarbage'>,
  { sectionPages = SECTION_PAGES, partItems, onPrint, signal }: SectionedPrintOptions = {},
): PrintPass {
  /** The last pass's sections, for a pass that changes only the contents' numbers. */
  let printed: Uint8Array[] = [];
  return async (doc, how) => {
    const drawn = await drawForPass(jobs, doc, how, { sectionPages, partItems });
    if (!drawn.sections) {
      printed = [];
      onPrint?.(0, 1);
      const pdf = await page.pdf(pdfLayout(doc));
      return { pdf, pages: drawn.pages };
    }
    const { count, contents } = drawn.sections;
    const layout = pdfLayout(doc, { pageNumbers: false });
    const reprint = how.pagesOnly && printed.length === count ? new Set(contents) : null;
    const parts: Uint8Array[] = [];
    const join = await SectionJoin.start();
    // Each section is read into the join while the next one prints (Chromium prints in its own process).
    let joining = Promise.resolve();
    let joinFailed = false;
    for (let index = 0; index < count && !joinFailed; index++) {
      signal?.throwIfAborted();
      // A pass that changes only the contents' numbers prints only the sections that show them.
      let part = reprint && !reprint.has(index) ? printed[index] : undefined;
      if (!part) {
        await jobs.show(index);
        onPrint?.(index, count);
        part = await page.pdf(layout);
        // Best effort: a view that cannot be asked to collect still prints.
        if ((index + 1) % COLLECT_EVERY === 0) await page.collectGarbage().catch(() => undefined);
      }
      parts.push(part);
      joining = joining.then(() => join.add(part));
      joining.catch(() => (joinFailed = true)); // Awaited below, where the failure is thrown; no more sections are printed for it.
    }
    await joining;
    signal?.throwIfAborted();
    printed = parts;
    return { pdf: await join.finish(PAGE_NUMBER_STAMP), pages: drawn.pages };
  };
}
