import { mount, tick, unmount } from 'svelte';
import BriefDocument from '../components/BriefDocument.svelte';
import type { ExportDocument } from '../../../common/export-document.ts';
import type { DrawJob, PrintSections } from '../../../common/ipc/contract.ts';
import { joinPart, partsOf } from './parts.ts';
import { linkedIds, planSections, sectionCopy, sectionsOf } from './sections.ts';
import { printCopy, staticCopy } from './static-copy.ts';

/**
 * The document the print view shows, drawn job after job in one page. Each document is drawn by
 * Svelte, a part at a time for a long one (parts.ts), and replaced by a static copy of itself
 * (static-copy.ts says why), so a later job that only changes the contents' page numbers writes
 * those numbers into the copy: the sections, charts and references stay drawn. A long document is cut into print sections (sections.ts): the
 * whole copy is kept outside the page, and each section is shown alone when main asks for it.
 */
export class PrintView {
  readonly #target: HTMLElement;
  /** The whole drawn document while it is printed in sections (outside the page), and where it is cut. */
  #whole: HTMLElement | null = null;
  #cuts: Element[] = [];
  #linked = new Set<string>();
  /** The blob URLs of the drawn document's chart images, let go when the next document is drawn. */
  #imageUrls: string[] = [];

  constructor(target: HTMLElement) {
    this.#target = target;
  }

  /**
   * Draws the job; resolves once it is drawn (charts done, fonts loaded) with the contents' page
   * numbers it predicted and shows, when the job asked for them and every heading was found, and
   * the sections it was cut into, when it is long.
   */
  async draw(job: DrawJob): Promise<{ pages: Record<string, number> | null; sections: PrintSections | null }> {
    const doc = job.document;
    document.title = doc.title;
    if (job.pagesOnly && this.#showPages(doc.headings)) return { pages: null, sections: this.#sections() };
    await this.#drawStatic(doc, job.wantSnapshot ? 'png' : 'jpeg', job.partItems);
    if (!job.predictPages && job.sectionPages === 0) {
      this.#target.hidden = false;
      await document.fonts.ready;
      return { pages: null, sections: null };
    }
    // The drawn copy leaves the page unseen (laid out in one column, a 370-page brief took 1.5 s for
    // nothing); the plan lays it out a window at a time, and a brief printed whole comes back as the last window.
    const whole = document.createElement('div');
    whole.append(...this.#target.childNodes);
    this.#target.hidden = false;
    const listed = job.predictPages ? doc.headings.filter((h) => h.listed).map((h) => h.anchor) : [];
    const plan = planSections(whole, this.#target, doc.paper, listed, job.sectionPages);
    const pages = job.predictPages ? plan.pages : null;
    if (plan.cuts.length > 0) {
      this.#whole = whole;
      this.#cuts = plan.cuts;
      this.#linked = linkedIds(whole);
      this.#target.replaceChildren();
    } else await imagesLoaded(this.#target);
    // Numbers are reported only once they are on the page: main checks what the PDF shows.
    const shown = pages && this.#showPages(doc.headings.map((h) => ({ ...h, page: h.listed ? pages[h.anchor]! : null })));
    return { pages: shown ? pages : null, sections: this.#sections() };
  }

  /**
   * What any brief needs, loaded while the view waits for its first job (it is loaded when the
   * composer opens): the Latin faces of its fonts, and the chart library.
   */
  warmUp(): Promise<unknown> {
    const latin = String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 32 + i)) + '–—‘’“”·…→';
    return Promise.all([loadFontsFor(latin), import('chart.js')]).catch(() => undefined);
  }

  /**
   * Shows print section `index` alone (its images loaded), to be printed. Its fonts were loaded
   * when the whole was drawn (every character of it): waiting for `document.fonts.ready` here laid
   * the section out for the screen first, 230 to 310 ms of each 80-page section, for nothing.
   */
  async showSection(index: number): Promise<void> {
    if (!this.#whole || index < 0 || index > this.#cuts.length) throw new Error(`there is no print section ${index + 1}`);
    this.#target.replaceChildren(sectionCopy(this.#whole, this.#cuts, index, this.#linked));
    await imagesLoaded(this.#target);
  }

  #sections(): PrintSections | null {
    if (!this.#whole) return null;
    const cells = [...this.#whole.querySelectorAll('[data-page-of]')];
    return { count: this.#cuts.length + 1, contents: sectionsOf(cells, this.#cuts) };
  }

  /**
   * Draws `doc` with Svelte out of sight, `partItems` items at a time (parts.ts), waits for its
   * charts, and leaves a static copy of it in the page. The fonts its characters need are loaded
   * first, and the document is hidden while Svelte and Chart.js draw it: each chart reads and sets
   * its canvas's size, which made Chromium lay out the whole document once per chart (37 charts in
   * a 368-page brief: 6.7 s of 10.6). So it is laid out once, with its fonts, when the prediction
   * measures it; the copy is left hidden for the caller to show.
   */
  async #drawStatic(doc: ExportDocument, images: 'png' | 'jpeg', partItems: number): Promise<void> {
    this.#target.replaceChildren();
    this.#whole = null;
    this.#cuts = [];
    for (const url of this.#imageUrls.splice(0)) URL.revokeObjectURL(url);
    await loadFontsFor(JSON.stringify(doc));
    this.#target.hidden = true;
    try {
      const parts = partsOf(doc, partItems);
      let whole: Element | null = null;
      for (const part of parts) {
        const drawn = await this.#drawPart(part.doc, part.front, images);
        if (whole) joinPart(whole, drawn);
        else this.#target.append((whole = drawn));
      }
    } catch (error) {
      this.#target.hidden = false;
      throw error;
    }
    // The charts, now images, are loaded before the page is said drawn (and measured for the prediction),
    // and the faces for the template's own characters (arrows, quotes, labels) with the rest.
    await imagesLoaded(this.#target);
    await loadFontsFor(this.#target.textContent ?? '');
  }

  /** Draws one part of a document with Svelte in the hidden page and gives back its static copy (the part's `article`). */
  async #drawPart(doc: ExportDocument, front: boolean, images: 'png' | 'jpeg'): Promise<Element> {
    const stage = document.createElement('div');
    this.#target.append(stage);
    const charts: Promise<void>[] = [];
    const shown = mount(BriefDocument, {
      target: stage,
      props: { doc, front, onChartDrawn: (done: Promise<void>) => charts.push(done) },
    });
    try {
      await tick();
      await Promise.all(charts);
      if (images === 'png') return staticCopy(stage).firstElementChild!;
      const { copy, urls } = await printCopy(stage);
      this.#imageUrls.push(...urls);
      return copy.firstElementChild!;
    } finally {
      const canvases = [...stage.querySelectorAll('canvas')];
      await unmount(shown);
      stage.remove();
      // The charts' pixels (now images) let go at once, not when their canvases are collected: 3.3 MB a chart.
      for (const canvas of canvases) canvas.width = canvas.height = 0;
    }
  }

  /**
   * Writes the contents' page numbers into the drawn page (an empty cell, its leader not drawn, for
   * a heading without one); false when the page has no such contents to write them into.
   */
  #showPages(headings: ExportDocument['headings']): boolean {
    const listed = headings.filter((h) => h.listed);
    const root = this.#whole ?? this.#target;
    const cells = listed.map((h) => root.querySelector<HTMLElement>(`[data-page-of="${CSS.escape(h.anchor)}"]`));
    if (cells.some((cell) => !cell)) return false;
    listed.forEach((heading, i) => {
      const cell = cells[i]!;
      cell.textContent = heading.page === null ? '' : String(heading.page);
      cell.previousElementSibling?.classList.toggle('unknown', heading.page === null);
    });
    return true;
  }
}

/**
 * Loads every face of the page's fonts that has a character of `text` (the bundled fonts come in
 * subsets by Unicode range: Latin, Cyrillic, a hundred for Chinese), so the document is laid out
 * and its charts are drawn in the fonts it prints in.
 */
async function loadFontsFor(text: string): Promise<void> {
  const styles = new Set([...document.fonts].map((face) => `${face.style} ${face.weight} 16px ${face.family}`));
  // Each character once: Chromium matches the text against every face's ranges (2 MB of text: 5.6 s; its characters: a few ms).
  const characters = [...new Set(text)].join('');
  await Promise.all([...styles].map((font) => document.fonts.load(font, characters).catch(() => [])));
}

/**
 * Every image in `root` loaded (a blob or data URL loads after it is set), so the print shows it. Not
 * decoded: the print decodes what it paints, and decoding 37 charts ahead took 2 s of a 368-page brief.
 */
function imagesLoaded(root: ParentNode): Promise<unknown> {
  const loading = [...root.querySelectorAll('img')].filter((image) => !image.complete);
  return Promise.all(
    loading.map(
      (image) =>
        new Promise((settled) => {
          image.addEventListener('load', settled, { once: true });
          image.addEventListener('error', settled, { once: true });
        }),
    ),
  );
}
