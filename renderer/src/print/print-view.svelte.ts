import { mount, tick, unmount } from 'svelte';
import BriefDocument from '../components/BriefDocument.svelte';
import type { ExportDocument } from '../../../common/export-document.ts';
import type { PrintJob } from '../../../common/ipc/contract.ts';
import { predictHeadingPages } from './predict-pages.ts';

/**
 * The document the print view shows, drawn job after job in one page. A job that only changes the
 * contents' page numbers keeps every other part of the document as it is (the same objects), so
 * Svelte redraws the contents alone: the sections, charts and references stay drawn.
 */
export class PrintView {
  #doc: ExportDocument | null = $state.raw(null);
  #shown: ReturnType<typeof mount> | null = null;
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
    if (job.pagesOnly && this.#doc) {
      await this.#showPages(doc.headings, doc.pageNumbers);
      return null;
    }
    await this.#mount(doc);
    const pages = job.predictPages ? predictHeadingPages(this.#target, doc) : null;
    if (pages)
      await this.#showPages(
        doc.headings.map((h) => ({ ...h, page: h.listed ? pages[h.anchor]! : h.page })),
        true,
      );
    return pages;
  }

  /** Only the contents' numbers change: every other part of the document stays the same objects, so only the contents redraw. */
  async #showPages(headings: ExportDocument['headings'], pageNumbers: boolean): Promise<void> {
    this.#doc = { ...this.#doc!, headings, pageNumbers };
    await tick();
  }

  async #mount(doc: ExportDocument): Promise<void> {
    if (this.#shown) await unmount(this.#shown);
    this.#doc = doc;
    const charts: Promise<void>[] = [];
    const current = () => this.#doc!;
    this.#shown = mount(BriefDocument, {
      target: this.#target,
      props: {
        // Read through a getter, so the document a later job sets is the one shown.
        get doc() {
          return current();
        },
        onChartDrawn: (done: Promise<void>) => charts.push(done),
      },
    });
    await tick();
    await Promise.all(charts);
    await document.fonts.ready;
  }
}
