import type { ExportDocument } from '../../../common/export-document.ts';
import { StoreError } from '../../../common/errors.ts';
import { PAGE_INCHES, PAGE_MARGIN_MM } from '../../../common/paper.ts';
import type { PageNumberStamp } from './join-sections.ts';

// The page frame both printers use (Electron's printToPDF and Chromium's page.pdf take the same
// templates): the handling marking at the top and bottom of every page, and "page N of M".

export interface PdfLayout {
  /** The page in inches (common/paper.ts): the same page in both printers, and in the contents' page prediction. */
  page: { width: number; height: number };
  headerTemplate: string;
  footerTemplate: string;
  /** Margins in millimetres; the header and footer sit inside the top and bottom ones. */
  margin: { top: number; bottom: number; left: number; right: number };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// Header and footer are drawn apart from the page, with the PDF's own fonts; sans-serif falls
// back to what the machine has, so they are kept to short Latin text.
const FRAME_INSET_MM = 18;
const FRAME_SIZE_PT = 7.5;
const frame = `font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: ${FRAME_SIZE_PT}pt; width: 100%; margin: 0 ${FRAME_INSET_MM}mm; color: #444;`;

/**
 * Where a brief printed in sections gets its "Page N of M" (each section's own count starts at 1,
 * so the joined PDF is numbered after the join: join-sections.ts): where the footer template puts
 * it, its right end at the frame's inset, on the marking's baseline (measured in printed PDFs).
 */
export const PAGE_NUMBER_STAMP: PageNumberStamp = { right: (FRAME_INSET_MM / 25.4) * 72, baseline: 16.4, size: FRAME_SIZE_PT };

/** The page frame of `doc`; `pageNumbers: false` leaves "page N of M" out, for a section of a longer print. */
export function pdfLayout(doc: ExportDocument, { pageNumbers = true } = {}): PdfLayout {
  const marking = escapeHtml(doc.marking);
  return {
    page: PAGE_INCHES[doc.paper],
    // The marking alone at the top (no title: a header cannot load the bundled CJK font, and the
    // cover carries the title), the marking and the page count at the bottom.
    headerTemplate: `<div style='${frame} text-align: center;'><span style="color: #8a1c12; font-weight: 700;">${marking}</span></div>`,
    footerTemplate: `<div style='${frame} display: flex; justify-content: space-between;'><span style="color: #8a1c12; font-weight: 700;">${marking}</span>${pageNumbers ? '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>' : ''}</div>`,
    // The print view's @page margins (the page's own CSS wins in Chromium anyway): one page, whoever prints it.
    margin: { ...PAGE_MARGIN_MM },
  };
}

/**
 * How long one export of `doc` may take to draw and print, as a whole: three minutes, and a minute
 * more for every 1,000 claims (a brief of 2,000 pages takes minutes to print, and is not a hang).
 */
export function printTimeLimitMs(doc: ExportDocument): number {
  const claims = doc.sections.reduce((count, section) => count + section.claims.length, 0);
  return 180_000 + Math.ceil(claims / 1_000) * 60_000;
}

/** `work`, or a StoreError with `message` once `limitMs` has passed (then `onTimeout` runs, to stop the work). */
export async function withTimeLimit<T>(work: Promise<T>, limitMs: number, message: string, onTimeout: () => void = () => {}): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          onTimeout();
          reject(new StoreError('too-slow', message));
        }, limitMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
