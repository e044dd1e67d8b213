import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExportDocument } from '../../common/export-document.ts';
import { StoreError } from '../../common/errors.ts';
import { CHANNELS } from '../../common/ipc/channels.ts';
import { createRouter, type Router, type Handlers } from '../../electron/services/router/index.ts';
import {
  assertSelfContained,
  pdfLayout,
  printFailure,
  printWithContentsPages,
  PRINT_TIME_LIMIT_MS,
  withTimeLimit,
} from '../../electron/services/exports/index.ts';
import { chromiumPrinter } from './printer.ts';
import { launchAppContext } from './host.ts';
import { CHROMIUM_HOST_ORIGIN } from './origin.ts';

const RENDERER_ROOT = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** One print: the document the print view is to draw, and whether it drew (with its snapshot). */
interface PrintJob {
  doc: ExportDocument;
  wantSnapshot: boolean;
  drawn: PromiseWithResolvers<string | null>;
}

/** A router that only serves the print view the job at hand, and hears whether it drew; every other channel says so. */
function printRouter(job: () => PrintJob | null): Router {
  const unavailable = () => {
    throw new StoreError('not-found', 'Only printing is available here.');
  };
  const current = () => {
    const now = job();
    if (!now) throw new StoreError('out-of-turn', 'Nothing is being printed.');
    return now;
  };
  const handlers = Object.fromEntries(CHANNELS.map((channel) => [channel, unavailable])) as unknown as Handlers;
  return createRouter(
    {
      ...handlers,
      'print:document': () => ({ document: current().doc, wantSnapshot: current().wantSnapshot }),
      'print:ready': (snapshot) => (current().drawn.resolve(snapshot), null),
      'print:failed': (reason) => (current().drawn.reject(printFailure(reason)), null),
    },
    { trustedOrigins: [CHROMIUM_HOST_ORIGIN] },
  );
}

/**
 * Prints a composed brief outside the app (the CLI): the same print.html, the same Chromium
 * print path, page frame and contents page numbers (printed, read back, printed again) as the
 * Chromium host. Returns the PDF and the HTML snapshot (the HTML has no page numbers, so it is a
 * print of its own). A print view that fails, or a print over the time limit, is an error (nothing
 * to write); the browser is closed whatever happens, so the process can exit.
 */
export async function printDocument(
  doc: ExportDocument,
  want: { pdf: boolean; html: boolean },
): Promise<{ pdf: Uint8Array | null; html: string | null }> {
  if (!existsSync(`${RENDERER_ROOT}/print.html`)) {
    throw new StoreError('not-found', 'The print view is not built yet; run "npm run build:renderer" once, then export again.');
  }
  let job: PrintJob | null = null;
  const app = await launchAppContext(() => printRouter(() => job), { rendererRoot: RENDERER_ROOT });
  try {
    const stop = new AbortController();
    const printer = chromiumPrinter(() => app.context);
    const printOnce = async (version: ExportDocument, pdf: boolean) => {
      stop.signal.throwIfAborted();
      const drawn = Promise.withResolvers<string | null>();
      drawn.promise.catch(() => undefined); // Reported through the printer's render below.
      job = { doc: version, wantSnapshot: !pdf, drawn };
      try {
        return { pdf: await printer.render(drawn.promise, pdf ? pdfLayout(version) : null, stop.signal), html: await drawn.promise };
      } finally {
        job = null;
      }
    };
    return await withTimeLimit(
      (async () => ({
        html: want.html ? assertSelfContained((await printOnce(doc, false)).html ?? '') : null,
        pdf: want.pdf ? await printWithContentsPages(doc, async (version) => (await printOnce(version, true)).pdf!) : null,
      }))(),
      PRINT_TIME_LIMIT_MS,
      `The brief took longer than ${PRINT_TIME_LIMIT_MS / 60_000} minutes to print, so nothing was written.`,
      () => stop.abort(),
    );
  } finally {
    await app.close();
  }
}
