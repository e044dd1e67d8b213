import type { PdfLayout } from './print-layout.ts';

// The print view as main holds it: loaded by a printer (Electron's hidden window, the Chromium
// host's background page), printed by the export (exports.ts) and by a sectioned print.

/**
 * Loads the print view in a hidden page with the workspace's hardening: Electron a hidden sandboxed
 * window (printToPDF), the Chromium host a background page (page.pdf). Both load the same
 * print.html through the same router; the page then draws whatever job it is given (PrintJobs).
 */
export interface Printer {
  open(): Promise<PrintPage>;
}

/** A loaded print view. */
export interface PrintPage {
  /** Prints what the view shows now, in this page frame. */
  pdf(layout: PdfLayout): Promise<Uint8Array>;
  /**
   * Has the view's renderer collect its garbage now: between the sections of a long print, whose
   * copies and print data it would otherwise keep for minutes (a 1,935-page brief's view grew from
   * 1.6 to 2.7 GB over 20 sections before it collected once).
   */
  collectGarbage(): Promise<void>;
  /** Closes the page (or window); closing twice is nothing. */
  close(): Promise<void>;
  /** Settles when the view can draw no more: its renderer crashed, or its page or window closed. */
  gone: Promise<void>;
  isGone(): boolean;
}

/**
 * A print page's end, for PrintPage's `gone` and `isGone`: `listen` hands `stopped` to the events
 * that end the page (its renderer gone, its page or window closed).
 */
export function pageEnd(listen: (stopped: () => void) => void): Pick<PrintPage, 'gone' | 'isGone'> {
  let ended = false;
  const gone = new Promise<void>((resolve) => listen(() => ((ended = true), resolve())));
  return { gone, isGone: () => ended };
}
