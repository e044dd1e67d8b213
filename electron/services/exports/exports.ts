import { composeExport, defaultExportOptions, toMarkdown } from '../../../db/export/index.ts';
import type { ExportDocument, ExportOptions } from '../../../common/export-document.ts';
import { StoreError } from '../../../common/errors.ts';
import { suggestedFileName } from '../../../common/save-name.ts';
import type { Events, ExportFormat, ExportResult, PrintJob } from '../../../common/ipc/contract.ts';
import { refuseClashingTargets, writeFileAtomic } from '../../../db/files/index.ts';
import type { DocumentSession } from '../documents/index.ts';
import { printWithContentsPages } from './contents-pages.ts';
import { pdfLayout, PRINT_TIME_LIMIT_MS, withTimeLimit, type PdfLayout } from './print-layout.ts';
import { assertSelfContained } from './self-contained-html.ts';

/**
 * Shows the print view in a hidden page, waits until it says it is drawn, and, given a layout,
 * prints it to PDF. Electron uses a hidden sandboxed window and printToPDF; the Chromium host
 * a background page and page.pdf. Both load the same print.html through the same router.
 */
export interface Printer {
  /** `stop` aborts when the export gives up (its time limit): the printer then closes its page or window. */
  render(ready: Promise<unknown>, layout: PdfLayout | null, stop?: AbortSignal): Promise<Uint8Array | null>;
}

export interface ExportSaveDialog {
  chooseExportTarget(format: ExportFormat, suggestedName: string): Promise<string | null>;
}

const EXTENSIONS: Record<ExportFormat, string> = { pdf: 'pdf', md: 'md', html: 'html' };

interface Job {
  doc: ExportDocument;
  wantSnapshot: boolean;
  resolve: (snapshot: string | null) => void;
  reject: (error: Error) => void;
}

/** The sentence for a print view that could not draw the brief. */
export const printFailure = (reason: string) =>
  new StoreError('save-failed', `The brief could not be prepared for printing (${reason}), so nothing was written.`);

export class ExportService {
  #job: Job | null = null;
  #busy = false;
  readonly #documents: DocumentSession;
  readonly #dialogs: ExportSaveDialog;
  readonly #printer: Printer;
  readonly #emit: (payload: Events['export:progress']) => void;
  /** The byline as the user gave it now (name, unit). */
  readonly #author: () => string;

  constructor(options: {
    documents: DocumentSession;
    dialogs: ExportSaveDialog;
    printer: Printer;
    author: () => string;
    emit: (payload: Events['export:progress']) => void;
  }) {
    this.#documents = options.documents;
    this.#dialogs = options.dialogs;
    this.#printer = options.printer;
    this.#emit = options.emit;
    this.#author = options.author;
  }

  defaults(): ExportOptions {
    return defaultExportOptions(this.#documents.workspace.briefs.getBriefTitle(), this.#author(), new Date().toISOString().slice(0, 10));
  }

  compose(options: ExportOptions): ExportDocument {
    const { briefs } = this.#documents.workspace;
    return composeExport(briefs.getBrief(), options);
  }

  /** For the print view: the document being printed right now. */
  printDocument(): PrintJob {
    if (!this.#job) throw new StoreError('out-of-turn', 'Nothing is being printed.');
    return { document: this.#job.doc, wantSnapshot: this.#job.wantSnapshot };
  }

  /** The print view is drawn; `snapshot` is its self-contained HTML when one was asked for. */
  printReady(snapshot: string | null): null {
    this.#job?.resolve(snapshot);
    return null;
  }

  /** The print view could not draw the brief: the export fails with the reason, and nothing is written. */
  printFailed(reason: string): null {
    this.#job?.reject(printFailure(reason));
    return null;
  }

  async run(format: ExportFormat, options: ExportOptions): Promise<ExportResult | null> {
    if (this.#busy) throw new StoreError('busy', 'An export is already running; wait for it to finish.');
    // Busy from the moment the dialog opens: a second request meanwhile must not share the print job.
    this.#busy = true;
    try {
      return await this.#run(format, options);
    } finally {
      this.#busy = false;
    }
  }

  /**
   * One print of one document: the print view draws it in the printer's page, then it is printed to
   * PDF (`pdf`) or its self-contained snapshot is taken (`html`). A PDF is printed more than once
   * (the contents' page numbers are read from the first print), so progress is shared out by pass.
   */
  async #printOnce(
    doc: ExportDocument,
    format: 'pdf' | 'html',
    pass: number,
    stop: AbortSignal,
  ): Promise<{ pdf: Uint8Array | null; snapshot: string | null }> {
    // A pass that would start after the time limit stopped the export does not open another page.
    stop.throwIfAborted();
    const drawn = Promise.withResolvers<string | null>();
    const snapshot = drawn.promise;
    snapshot.catch(() => undefined); // Awaited below; a failure is reported through the printer's render.
    this.#job = { doc, wantSnapshot: format === 'html', resolve: drawn.resolve, reject: drawn.reject };
    const share = (percent: number) => Math.min(85, Math.round(percent + (pass - 1) * 30));
    this.#emit({ stage: 'rendering', percent: share(20) });
    try {
      const pdf = await this.#printer.render(
        snapshot.then(() => this.#emit({ stage: 'printing', percent: share(35) })),
        format === 'pdf' ? pdfLayout(doc) : null,
        stop,
      );
      return { pdf, snapshot: await snapshot };
    } finally {
      this.#job = null;
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
    try {
      this.#emit({ stage: 'composing', percent: 5 });
      let data: string | Uint8Array;
      if (format === 'md') {
        data = toMarkdown(doc);
      } else {
        const stop = new AbortController();
        // The whole print, every pass of it, is under one time limit, not only the drawing: when it passes, the printer's page is closed.
        data = await withTimeLimit(
          format === 'pdf'
            ? printWithContentsPages(doc, async (version, pass) => (await this.#printOnce(version, 'pdf', pass, stop.signal)).pdf!)
            : this.#printOnce(doc, 'html', 1, stop.signal).then(({ snapshot }) => assertSelfContained(snapshot ?? '')),
          PRINT_TIME_LIMIT_MS,
          `The ${format === 'pdf' ? 'PDF' : 'HTML'} took longer than ${PRINT_TIME_LIMIT_MS / 60_000} minutes to print, so nothing was written; export fewer themes, or try again.`,
          () => stop.abort(),
        );
      }
      this.#emit({ stage: 'writing', percent: 90 });
      const bytes = writeFileAtomic(target, data);
      this.#emit({ stage: 'done', percent: 100 });
      return { format, path: target, bytes };
    } finally {
      this.#job = null;
    }
  }
}
