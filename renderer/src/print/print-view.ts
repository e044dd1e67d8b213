import { mount, tick, unmount } from 'svelte';
import BriefDocument from '../components/BriefDocument.svelte';
import type { ExportDocument } from '../../../common/export-document.ts';
import type { PrintJob } from '../../../common/ipc/contract.ts';
import { predictHeadingPages } from './predict-pages.ts';
import { staticCopy } from './static-copy.ts';

/**
 * The document the print view shows, drawn job after job in one page. Each document is drawn by
 * Svelte, then replaced by a static copy of itself (static-copy.ts says why), so a later job that
 * only changes the contents' page numbers writes those numbers into the copy: the sections,
 * charts and references stay drawn.
 */
export class PrintView {
  readonly #target: HTMLElement;

  constructor(target: HTMLElement) {
    this.#target = target;
  }

  /**
   * Draws the job; resolves once it is drawn (charts done, fonts loaded) with the contents' page
   * numbers it predicted and shows, when the job asked for them and every heading was found.
   */
  async draw(job: PrintJob): Promise<Record<string, number> | null> {
    const doc = job.document;
    document.title = doc.title;
    if (job.pagesOnly && this.#showPages(doc.headings)) return null;
    await this.#drawStatic(doc);
    const pages = job.predictPages ? predictHeadingPages(this.#target, doc) : null;
    // Numbers are reported only once they are on the page: main checks what the PDF shows.
    if (!pages || !this.#showPages(doc.headings.map((h) => ({ ...h, page: h.listed ? pages[h.anchor]! : null })))) return null;
    return pages;
  }

  /** Draws `doc` with Svelte, waits for charts and fonts, and leaves a static copy of it in the page. */
  async #drawStatic(doc: ExportDocument): Promise<void> {
    this.#target.replaceChildren();
    const charts: Promise<void>[] = [];
    const shown = mount(BriefDocument, {
      target: this.#target,
      props: { doc, onChartDrawn: (done: Promise<void>) => charts.push(done) },
    });
    await tick();
    await Promise.all(charts);
    await document.fonts.ready;
    const copy = staticCopy(this.#target);
    await unmount(shown);
    this.#target.replaceChildren(...copy.childNodes);
    // The charts, now images, are decoded before the page is said drawn (and measured for the prediction).
    await Promise.all([...this.#target.querySelectorAll('img')].map((image) => image.decode().catch(() => undefined)));
  }

  /**
   * Writes the contents' page numbers into the drawn page (an empty cell, its leader not drawn, for
   * a heading without one); false when the page has no such contents to write them into.
   */
  #showPages(headings: ExportDocument['headings']): boolean {
    const listed = headings.filter((h) => h.listed);
    const cells = listed.map((h) => this.#target.querySelector<HTMLElement>(`[data-page-of="${CSS.escape(h.anchor)}"]`));
    if (cells.some((cell) => !cell)) return false;
    listed.forEach((heading, i) => {
      const cell = cells[i]!;
      cell.textContent = heading.page === null ? '' : String(heading.page);
      cell.previousElementSibling?.classList.toggle('unknown', heading.page === null);
    });
    return true;
  }
}
