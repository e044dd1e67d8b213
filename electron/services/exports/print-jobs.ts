import type { ExportDocument } from '../../../common/export-document.ts';
import type { PrintJob, PrintSections } from '../../../common/ipc/contract.ts';
import { StoreError } from '../../../common/errors.ts';

// The print view's side of printing. The print view is loaded once and then draws one job after
// another: it asks for the next job (the answer waits until there is one), draws it, says it is
// drawn, and asks again. So one page serves every pass of an export (a second print when the
// contents' predicted page numbers do not hold) and can be loaded before the export is asked for,
// while the composer is open; a later pass that only changes those numbers redraws only them.
// One print view is alive at a time (ExportService closes one before it opens the next), so the
// view that asks is the export's; a closed view's waiting request is dropped (`dropAsking`).
// A drawing made ahead (`hold`: the composer's view draws the PDF's first print before the export
// is asked for, exports.ts) answers the same job asked for again while the view still holds it
// (nothing else drawn or shown since, the view not closed): the export's first print is not drawn twice.

/** The sentence for a print view that could not draw the brief. */
export const printFailure = (reason: string) =>
  new StoreError('save-failed', `The brief could not be prepared for printing (${reason}), so nothing was written.`);

/** What the print view says once it has drawn a job. */
export interface Drawn {
  /** Its self-contained HTML, when the job asked for it. */
  snapshot: string | null;
  /** The contents' page numbers it predicted and shows, by heading anchor; null when it shows none of its own. */
  pages: Map<string, number> | null;
  /** The print sections the view cut a long document into; null: it is printed as it is. */
  sections: PrintSections | null;
}

/**
 * Items (claims, notes, indicators, references, highlight notes) the print view draws at a time:
 * each part is drawn by Svelte, copied, and let go before the next, so a long brief is never alive
 * twice (its Svelte tree and its copy: 1.8 GB at 1,935 pages when drawn whole). A part of 2,000
 * items takes 30 to 60 MB to draw; a chart counts for 100 (renderer/src/print/parts.ts): 189 charts
 * drawn together took the print view's renderer to 1.1 GB.
 */
export const PART_ITEMS = 2_000;

interface Drawing {
  job: PrintJob;
  drawn: PromiseWithResolvers<Drawn>;
  /** Handed to the print view (it has asked for it). */
  taken: boolean;
}

export class PrintJobs {
  #drawing: Drawing | null = null;
  /** The drawing made ahead, by its job's JSON, while the view holds it (or is drawing it). */
  #held: { key: string; drawn: Promise<Drawn> } | null = null;
  /** The print view waiting for its next job. */
  #asking: PromiseWithResolvers<PrintJob> | null = null;

  /**
   * Has the print view draw `doc`; resolves when it says it is drawn, rejects with the reason it
   * could not. `wantSnapshot`: hand back the self-contained HTML; `pagesOnly`: only the contents'
   * page numbers differ from the job before, which the print view still shows; `predictPages`:
   * fill the contents' page numbers with the pages the view predicts; `sectionPages`: cut a long
   * document into print sections of about this many pages (0: never); `partItems`: draw it this
   * many items at a time (0: whole); `hold`: a drawing made ahead, to answer the same job later.
   */
  draw(
    document: ExportDocument,
    { wantSnapshot = false, pagesOnly = false, predictPages = false, sectionPages = 0, partItems = PART_ITEMS, hold = false } = {},
  ): Promise<Drawn> {
    const job: PrintJob = { kind: 'draw', document, wantSnapshot, pagesOnly, predictPages, sectionPages, partItems };
    // The whole job is its key (a brief of 2,000 pages is tens of MB of it): written only when there is a drawing to match, or one to hold.
    if (this.#held && this.#held.key === JSON.stringify(job)) return this.#held.drawn;
    const drawn = this.#give(job);
    if (!hold) return drawn;
    const held = { key: JSON.stringify(job), drawn };
    this.#held = held;
    // A drawing that failed or was given up is drawn afresh when asked again.
    drawn.catch(() => this.#held === held && (this.#held = null));
    return drawn;
  }

  /** Has the print view show only print section `index` of the document it drew; resolves once it is shown. */
  async show(index: number): Promise<void> {
    await this.#give({ kind: 'section', index });
  }

  #give(job: PrintJob): Promise<Drawn> {
    // Whatever the view does next, it no longer holds the drawing before (a section shown replaces it on the page).
    this.#held = null;
    this.#drawing?.drawn.reject(new StoreError('out-of-turn', 'Another print took its place.'));
    const drawing: Drawing = {
      job,
      drawn: Promise.withResolvers(),
      taken: false,
    };
    drawing.drawn.promise.catch(() => undefined); // The caller awaits it; nothing is left unhandled if it gives up first.
    this.#drawing = drawing;
    if (this.#asking) this.#handOver(this.#asking);
    return drawing.drawn.promise;
  }

  /** For the print view: the next job to draw, once there is one. A view that asks again replaces the one before. */
  next(): Promise<PrintJob> {
    this.#asking?.reject(new StoreError('out-of-turn', 'Another print view took this one’s place.'));
    const asking = Promise.withResolvers<PrintJob>();
    this.#asking = asking;
    if (this.#drawing && !this.#drawing.taken) this.#handOver(asking);
    return asking.promise;
  }

  /** The print view has drawn its job: its self-contained HTML when one was asked for, the page numbers it predicted, and the sections it cut a long brief into. */
  ready(snapshot: string | null, pages: Record<string, number> | null = null, sections: PrintSections | null = null): null {
    this.#finish()?.drawn.resolve({ snapshot, pages: pages && new Map(Object.entries(pages)), sections });
    return null;
  }

  /** The print view could not draw its job: the print fails with the reason. */
  failed(reason: string): null {
    this.#finish()?.drawn.reject(printFailure(reason));
    return null;
  }

  /** The view that was waiting for a job is gone (its page closed): its request is answered with a refusal. */
  dropAsking(): void {
    this.#asking?.reject(new StoreError('out-of-turn', 'This print view was closed.'));
    this.#asking = null;
    this.#held = null; // The view closed holds its drawing no more.
  }

  /** Nothing is drawing any more (the print gave up): a late word from the print view is ignored. */
  cancel(): void {
    this.#drawing?.drawn.reject(new StoreError('out-of-turn', 'The print was stopped.'));
    this.#drawing = null;
    this.#held = null;
  }

  #handOver(asking: PromiseWithResolvers<PrintJob>): void {
    this.#drawing!.taken = true;
    this.#asking = null;
    asking.resolve(this.#drawing!.job);
  }

  #finish(): Drawing | null {
    const drawing = this.#drawing?.taken ? this.#drawing : null;
    if (!drawing) throw new StoreError('out-of-turn', 'Nothing is being printed.');
    this.#drawing = null;
    return drawing;
  }
}
