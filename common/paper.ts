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

/** The page's margins (the print view's @page rule); the running header and footer sit inside them. */
export const PAGE_MARGIN_MM = { top: 22, right: 18, bottom: 20, left: 18 } as const;

/**
 * The box the brief flows through on each page, in CSS pixels, as Chromium's printing lays it out:
 * the page size less the margins, each margin in whole points (rounded down), rounded up to whole
 * pixels. Measured against printed briefs of 19 to 1,873 pages: on A4 (965.87 px unrounded) print
 * fits 46 contents lines of 21 px (966 px) and a claim ending at 965.875 px, and moves on one ending at
 * 966.17 px; a box a pixel shorter moves some headings a page on, and the unrounded one moved these.
 * The width is rounded the same way (Chromium's page box is whole pixels); only the height was measured.
 */
export function contentBoxPx(paper: ExportDocument['paper']): { width: number; height: number } {
  const page = PAGE_INCHES[paper];
  const marginPt = (mm: number) => Math.floor((mm / 25.4) * 72);
  return {
    width: Math.ceil((page.width * 72 - marginPt(PAGE_MARGIN_MM.left) - marginPt(PAGE_MARGIN_MM.right)) * PT_TO_PX),
    height: Math.ceil((page.height * 72 - marginPt(PAGE_MARGIN_MM.top) - marginPt(PAGE_MARGIN_MM.bottom)) * PT_TO_PX),
  };
}
