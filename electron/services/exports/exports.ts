import { composeExport, defaultExportOptions, toMarkdown } from '../../../db/export/index.ts';
import { printItems, type ExportDocument, type ExportOptions } from '../../../common/export-document.ts';
import { StoreError } from '../../../common/errors.ts';
import { suggestedFileName } from '../../../common/save-name.ts';
import type { Events, ExportFormat, ExportResult, PrintJob, PrintSections } from '../../../common/ipc/contract.ts';
import { refuseClashingTargets, writeFileAtomic } from '../../../db/files/index.ts';
import type { DocumentSession } from '../documents/index.ts';
import { firstPrint, printWithContentsPages } from './contents-pages.ts';
import { printTimeLimitMs, withTimeLimit } from './print-layout.ts';
import { PrintJobs, printFailure } from './print-jobs.ts';
import { drawForPass, SECTION_PAGES, sectionedPrintPass } from './sectioned-print.ts';
import { assertSelfContained } from './self-contained-html.ts';
import type { PrintPage, Printer } from './print-page.ts';

export interface ExportSaveDialog {
  chooseExportTarget(format: ExportFormat, suggestedName: string): Promise<string | null>;
}

const EXTENSIONS: Record<ExportFormat, string> = { pdf: 'pdf', md: 'md', html: 'html' };

/**
 * The longest brief the composer's print view draws ahead, in items (printItems): about 500 pages,
 * 700 MB in the print view's renderer while the composer is open (a 370-page brief weighs 9,660). A
 * longer one is drawn when it is exported.
 */
export const DRAW_AHEAD_ITEMS = 13_000;
/** How long the composer's settings rest before its print view draws them: one draw for a burst of changes. */
const DRAW_AHEAD_DELAY_MS = 300;

export class ExportService {
  readonly #jobs = new PrintJobs();
  #busy = false;
  /** A print view loaded ahead of the export (while the composer is open), and whether one is wanted. */
  #warm: Promise<PrintPage> | null = null;
  #wantWarm = false;
  /**
   * What the composer previews now (while it is open): its print view draws this brief's first
   * print ahead, so an export of it only prints (the same drawing answers it: print-jobs.ts).
   */
  #previewed: ExportOptions | null = null;
  /** The next preview is drawn at once (the composer opened, or an export ended); later ones once the settings rest. */
  #drawAtOnce = false;
  #drawAheadTimer: NodeJS.Timeout | undefined;
  readonly #drawAheadDelayMs: number;
  /** The last print view's closing: the next one opens after it. */
  #closing: Promise<void> = Promise.resolve();
  readonly #documents: DocumentSession;
  readonly #dialogs: ExportSaveDialog;
  readonly #printer: Printer;
  readonly #emit: (payload: Events['export:progress']) => void;
  /** The byline as the user gave it now (name, unit). */
  readonly #author: () => string;
  readonly #timeLimitMs: (doc: ExportDocument) => number;
  readonly #sectionPages: number;

  constructor(options: {
    documents: DocumentSession;
    dialogs: ExportSaveDialog;
    printer: Printer;
    author: () => string;
    emit: (payload: Events['export:progress']) => void;
    /** How long one print may take (printTimeLimitMs; tests give less). */
    timeLimitMs?: (doc: ExportDocument) => number;
    /** Pages per print section of a long brief (SECTION_PAGES; tests give less). */
    sectionPages?: number;
    /** How long the composer's settings rest before they are drawn ahead (DRAW_AHEAD_DELAY_MS). */
    drawAheadDelayMs?: number;
  }) {
    this.#documents = options.documents;
    this.#dialogs = options.dialogs;
    this.#printer = options.printer;
    this.#emit = options.emit;
    this.#author = options.author;
    this.#timeLimitMs = options.timeLimitMs ?? printTimeLimitMs;
    this.#sectionPages = options.sectionPages ?? SECTION_PAGES;
    this.#drawAheadDelayMs = options.drawAheadDelayMs ?? DRAW_AHEAD_DELAY_MS;
  }

  defaults(): ExportOptions {
    return defaultExportOptions(this.#documents.workspace.briefs.getBriefTitle(), this.#author(), new Date().toISOString().slice(0, 10));
  }

  compose(options: ExportOptions): ExportDocument {
    const { briefs } = this.#documents.workspace;
    return composeExport(briefs.getBrief(), options);
  }

  /** The composed document for the composer's preview; its print view draws it ahead for a PDF (#drawAhead). */
  preview(options: ExportOptions): ExportDocument {
    const doc = this.compose(options);
    this.#previewed = options;
    // The view cannot stop a drawing once begun: settings being typed are drawn once they rest, not word by word.
    this.#drawAheadSoon(this.#drawAtOnce ? 0 : this.#drawAheadDelayMs);
    this.#drawAtOnce = false;
    return doc;
  }

  #drawAheadSoon(delayMs: number): void {
    clearTimeout(this.#drawAheadTimer);
    this.#drawAheadTimer = setTimeout(() => this.#drawAhead(), delayMs);
  }

  /**
   * Has the warm print view draw the previewed brief's first print (what an export of it to PDF
   * draws first: its contents' pages predicted, cut into sections), while the user reads the
   * preview. An export of the same document is then answered by this drawing; one of anything
   * else (settings changed since, the brief edited, HTML) draws its own.
   */
  #drawAhead(): void {
    if (!this.#wantWarm || !this.#warm || this.#busy || !this.#previewed) return;
    let doc: ExportDocument;
    try {
      doc = this.compose(this.#previewed);
    } catch {
      return; // Nothing to draw ahead (the brief is closing, or the settings no longer fit it): the export says why, if one is asked for.
    }
    if (printItems(doc) > DRAW_AHEAD_ITEMS) return;
    const first = firstPrint(doc);
    drawForPass(this.#jobs, first.doc, first.how, { sectionPages: this.#sectionPages, hold: true }).catch(() => undefined);
  }

  /** For the print view: the next job to draw, once there is one. */
  printDocument(): Promise<PrintJob> {
    return this.#jobs.next();
  }

  /** The print view has drawn its job: its self-contained HTML when one was asked for, the page numbers it predicted, and the sections it cut a long brief into. */
  printReady(snapshot: string | null, pages: Record<string, number> | null, sections: PrintSections | null): null {
    return this.#jobs.ready(snapshot, pages, sections);
  }

  /** The print view could not draw the brief: the export fails with the reason, and nothing is written. */
  printFailed(reason: string): null {
    return this.#jobs.failed(reason);
  }

  /**
   * The composer opened (true) or closed: while it is open a print view is kept loaded (scripts,
   * fonts, chart drawing code), with the brief it previews drawn (#drawAhead), so an export starts
   * printing at once.
   */
  async warm(wanted: boolean): Promise<null> {
    this.#wantWarm = wanted;
    if (!wanted) {
      clearTimeout(this.#drawAheadTimer);
      this.#previewed = null;
    } else if (!this.#warm) this.#drawAtOnce = true; // The composer opening: its first preview is drawn at once.
    if (this.#busy) return null; // The export running now leaves one warm, or not, when it ends.
    if (wanted) {
      this.#warm ??= this.#openPage();
      this.#drawAheadSoon(0);
    } else if (this.#warm) {
      this.#jobs.cancel(); // What it was drawing ahead is not handed to the next view.
      await this.#close(this.#takePage());
    }
    return null;
  }

  /**
   * Opens a print view once the last one has closed: one alive at a time, so the view asking for a
   * job is always the one the export holds. A view that could not be loaded is not kept warm.
   */
  #openPage(): Promise<PrintPage> {
    const page = this.#closing.then(() => this.#printer.open());
    page.catch(() => {
      if (this.#warm === page) this.#warm = null;
    });
    return page;
  }

  /**
   * Closes a print view, after any closing before it; its request for a job, if it was waiting, is
   * dropped with it (no other view is open to have asked: the next opens after this closing).
   */
  #close(page: Promise<PrintPage>): Promise<void> {
    this.#closing = this.#closing
      .then(() => page)
      .then(
        (open) => open.close(),
        () => undefined,
      )
      .then(() => this.#jobs.dropAsking());
    return this.#closing;
  }

  /** The warm print view, or a new one; the caller closes it. */
  #takePage(): Promise<PrintPage> {
    const page = this.#warm ?? this.#openPage();
    this.#warm = null;
    return page;
  }

  async run(format: ExportFormat, options: ExportOptions): Promise<ExportResult | null> {
    if (this.#busy) throw new StoreError('busy', 'An export is already running; wait for it to finish.');
    // Busy from the moment the dialog opens: a second request meanwhile must not share the print job.
    this.#busy = true;
    try {
      return await this.#run(format, options);
    } finally {
      this.#busy = false;
      // The fresh print view the composer keeps draws its brief again, for the next export.
      this.#drawAheadSoon(0);
      this.#drawAtOnce = true;
    }
  }

  /**
   * Every pass of a PDF in the export's print view (sectioned-print.ts: one print, or one per section
   * of a long brief). A PDF is printed again when the contents' predicted page numbers do not hold
   * (a later pass changes only those numbers), so progress is shared out by pass and by section.
   */
  #printPdf(page: PrintPage, doc: ExportDocument, stop: AbortSignal): Promise<Uint8Array> {
    let pass = 1;
    const share = (percent: number) => Math.min(85, Math.round(percent + (pass - 1) * 30));
    const printPass = sectionedPrintPass(this.#jobs, page, {
      sectionPages: this.#sectionPages,
      signal: stop,
      onPrint: (index, count) => this.#emit({ stage: 'printing', percent: share(35 + (25 * index) / count) }),
    });
    return printWithContentsPages(doc, (version, how) => {
      // A pass that would start after the time limit stopped the export does not draw again.
      stop.throwIfAborted();
      pass = how.pass;
      this.#emit({ stage: 'rendering', percent: share(20) });
      return printPass(version, how);
    });
  }

  /** Draws and prints `doc` in one print view (the warm one when there is one) under the time limit; the view is closed after. */
  async #print(doc: ExportDocument, format: 'pdf' | 'html'): Promise<string | Uint8Array> {
    const stop = new AbortController();
    let opening = this.#takePage();
    try {
      const limit = this.#timeLimitMs(doc);
      // The whole print, every pass of it, is under one time limit, not only the drawing.
      return await withTimeLimit(
        (async () => {
          let page = await opening;
          if (page.isGone()) {
            // The warm view died while the composer was open (its renderer crashed): a fresh one.
            this.#jobs.cancel(); // Anything it drew ahead died with it.
            await this.#close(opening);
            page = await (opening = this.#openPage());
          }
          // A view that stops (crashes, or its window closes) fails the export at once, not at the time limit.
          const gone = page.gone.then(() => {
            throw printFailure('the print view stopped');
          });
          gone.catch(() => undefined);
          const work = async () => {
            if (format === 'pdf') return this.#printPdf(page, doc, stop.signal);
            this.#emit({ stage: 'rendering', percent: 20 });
            return assertSelfContained((await this.#jobs.draw(doc, { wantSnapshot: true })).snapshot ?? '');
          };
          return Promise.race([work(), gone]);
        })(),
        limit,
        `The ${format === 'pdf' ? 'PDF' : 'HTML'} took longer than ${Math.round(limit / 60_000)} minutes to print, so nothing was written; export fewer themes, or try again.`,
        () => stop.abort(),
      );
    } finally {
      this.#jobs.cancel();
      // Every export closes its view (a long brief's pages are not kept in memory); the composer, still open, gets a fresh one.
      await this.#close(opening);
      if (this.#wantWarm) this.#warm ??= this.#openPage();
    }
  }

  async #run(format: ExportFormat, options: ExportOptions): Promise<ExportResult | null> {
    const doc = this.compose(options);
    const suggested = suggestedFileName(doc.title, EXTENSIONS[format]);
    const target = await this.#dialogs.chooseExportTarget(format, suggested);
    if (!target) return null;
    const open = this.#documents.state().filePath;
    refuseClashingTargets(
      [{ path: target, what: `${format === 'md' ? 'Markdown' : format.toUpperCase()} export` }],
      [
        ...(open ? [{ path: open, what: 'the brief you have open' }] : []),
        { path: this.#documents.workspace.db.name, what: 'the brief’s working copy' },
      ],
    );
    // A Markdown export leaves the print view alone: what it drew ahead stays for a PDF (#print cancels its own jobs).
    this.#emit({ stage: 'composing', percent: 5 });
    const data = format === 'md' ? toMarkdown(doc) : await this.#print(doc, format);
    this.#emit({ stage: 'writing', percent: 90 });
    const bytes = writeFileAtomic(target, data);
    this.#emit({ stage: 'done', percent: 100 });
    return { format, path: target, bytes };
  }
}
