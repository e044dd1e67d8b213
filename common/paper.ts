import type { ExportDocument } from './export-document.ts';

// The paper a brief is printed on, in one place: both printers' page size, the print view's @page
// margins (renderer/src/print/print.css, checked against these numbers by paper.test.ts), the
// page-number prediction of the contents, and the composer's preview all lay out the same page.

export const MM_TO_PX = 96 / 25.4;
const PT_TO_PX = 96 / 72;

export const PAPER_MM: Record<ExportDocument['paper'], { width: number; height: number }> = {
  a4: { width: 210, height: 297 },
  letter: { width: 215.9, height: 279.4 },
};

/**
 * The page size both printers are given, in inches: A4 as Chromium's printing names it (8.27 × 11.7,
 * Playwright's "A4"), so Electron's printToPDF and the Chromium host lay out the same page.
 */
export const PAGE_INCHES: Record<ExportDocument['paper'], { width: number; height: number }> = {
  a4: { width: 8.27, height: 11.7 },
  letter: { width: 8.5, height: 11 },
};

/**
 * The page as Chromium prints it, in points: A4 given as 8.27 × 11.7 in comes out 595.92 × 842.88 pt
 * (pdfinfo), 0.48 pt more each way than asked; letter comes out exact. The page-number prediction lays
 * out the page as printed: laid out on the 842.4 pt asked for, a claim that fitted the printed page's
 * foot with 0.2 px to spare went to the next page, the pages after it drifted, and the brief was
 * printed twice (19 pages: 0.85 s of 1.8). print-document.test.ts checks these against a print.
 */
export const PRINTED_PAGE_PT: Record<ExportDocument['paper'], { width: number; height: number }> = {
  a4: { width: 595.92, height: 842.88 },
  letter: { width: 612, height: 792 },
};

/** The page's margins (the print view's @page rule); the running header and footer sit inside them. */
export const PAGE_MARGIN_MM = { top: 22, right: 18, bottom: 20, left: 18 } as const;

/**
 * The box the brief flows through on each page, in CSS pixels, as Chromium's printing lays it out:
 * the page as printed (PRINTED_PAGE_PT) less the margins, each margin in whole points (rounded down). Measured against
 * printed outlines of 75- to 360-page briefs: a box a pixel shorter moves some headings a page on.
 */
export function contentBoxPx(paper: ExportDocument['paper']): { width: number; height: number } {
  const page = PRINTED_PAGE_PT[paper];
  const marginPt = (mm: number) => Math.floor((mm / 25.4) * 72);
  return {
    width: (page.width - marginPt(PAGE_MARGIN_MM.left) - marginPt(PAGE_MARGIN_MM.right)) * PT_TO_PX,
    height: (page.height - marginPt(PAGE_MARGIN_MM.top) - marginPt(PAGE_MARGIN_MM.bottom)) * PT_TO_PX,
  };
}
