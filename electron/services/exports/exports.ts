import { composeExport, defaultExportOptions, toMarkdown } from '../../../db/export/index.ts';
import type { ExportDocument, ExportOptions } from '../../../common/export-document.ts';
import { StoreError } from '../../../common/errors.ts';
import { suggestedFileName } from '../../../common/save-name.ts';
import type { Events, ExportFormat, ExportResult, PrintJob } from '../../../common/ipc/contract.ts';
import { writeFileAtomic } from '../../../db/files/index.ts';
import type { DocumentSession } from '../documents/index.ts';
import { pdfLayout, type PdfLayout } from './print-layout.ts';
import { assertSelfContained } from './self-contained-html.ts';

/**
 * Shows the print view in a hidden page, waits until it says it is drawn, and, given a layout,
 * prints it to PDF. Electron uses a hidden sandboxed window and printToPDF; the Chromium host
 * a background page and page.pdf. Both load the same print.html through the same router.
 */
export interface Printer {
  render(ready: Promise<unknown>, layout: PdfLayout | null): Promise<Uint8Array | null>;
}

export interface ExportSaveDialog {
  chooseExportTarget(format: ExportFormat, suggestedName: string): Promise<string | null>;
}

const EXTENSIONS: Record<ExportFormat, string> = { pdf: 'pdf', md: 'md', html: 'html' };

interface Job {
  doc: ExportDocument;
  wantSnapshot: boolean;
  resolve: (snapshot: string | null) => void;
}

export class ExportService {
  #job: Job | null = null;
  #busy = false;
  readonly #documents: DocumentSession;
  readonly #dialogs: ExportSaveDialog;
  readonly #printer: Printer;
  readonly #emit: (payload: Events['export:progress']) => void;
  readonly #author: string;

  constructor(options: {
    documents: DocumentSession;
    dialogs: ExportSaveDialog;
    printer: Printer;
    author: string;
    emit: (payload: Events['export:progress']) => void;
  }) {
    this.#documents = options.documents;
    this.#dialogs = options.dialogs;
    this.#printer = options.printer;
    this.#emit = options.emit;
    this.#author = options.author;
  }

  defaults(): ExportOptions {
    return defaultExportOptions(this.#documents.workspace.briefs.getBriefTitle(), this.#author, new Date().toISOString().slice(0, 10));
  }

  compose(options: ExportOptions): ExportDocument {
    const { briefs } = this.#documents.workspace;
    return composeExport(briefs.getBrief(), options, briefs.annotationsForExport());
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

  async run(format: ExportFormat, options: ExportOptions): Promise<ExportResult | null> {
    if (this.#busy) throw new StoreError('busy', 'An export is already running; wait for it to finish.');
    const doc = this.compose(options);
    const suggested = suggestedFileName(doc.title, EXTENSIONS[format]);
    const target = await this.#dialogs.chooseExportTarget(format, suggested);
    if (!target) return null;
    this.#busy = true;
    try {
      this.#emit({ stage: 'composing', percent: 5 });
      let data: string | Uint8Array;
      if (format === 'md') {
        data = toMarkdown(doc);
      } else {
        let resolveSnapshot!: (snapshot: string | null) => void;
        const snapshot = new Promise<string | null>((resolve) => (resolveSnapshot = resolve));
        this.#job = { doc, wantSnapshot: format === 'html', resolve: resolveSnapshot };
        this.#emit({ stage: 'rendering', percent: 20 });
        const printing = this.#printer.render(
          snapshot.then(() => this.#emit({ stage: 'printing', percent: 60 })),
          format === 'pdf' ? pdfLayout(doc) : null,
        );
        const pdf = await printing;
        data = format === 'pdf' ? pdf! : assertSelfContained((await snapshot) ?? '');
      }
      this.#emit({ stage: 'writing', percent: 90 });
      const bytes = writeFileAtomic(target, data);
      this.#emit({ stage: 'done', percent: 100 });
      return { format, path: target, bytes };
    } finally {
      this.#job = null;
      this.#busy = false;
    }
  }
}
