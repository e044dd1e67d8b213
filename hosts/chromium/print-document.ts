import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExportDocument } from '../../common/export-document.ts';
import { StoreError } from '../../common/errors.ts';
import { CHANNELS } from '../../common/ipc/channels.ts';
import { createRouter, type Router, type Handlers } from '../../electron/services/router/index.ts';
import { assertSelfContained, pdfLayout, printFailure, PRINT_TIME_LIMIT_MS, withTimeLimit } from '../../electron/services/exports/index.ts';
import { chromiumPrinter } from './printer.ts';
import { launchAppContext } from './host.ts';
import { CHROMIUM_HOST_ORIGIN } from './origin.ts';

const RENDERER_ROOT = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** A router that only serves the print view its one document, and hears whether it drew; every other channel says so. */
function printRouter(doc: ExportDocument, wantSnapshot: boolean, drawn: PromiseWithResolvers<string | null>): Router {
  const unavailable = () => {
    throw new StoreError('not-found', 'Only printing is available here.');
  };
  const handlers = Object.fromEntries(CHANNELS.map((channel) => [channel, unavailable])) as unknown as Handlers;
  return createRouter(
    {
      ...handlers,
      'print:document': () => ({ document: doc, wantSnapshot }),
      'print:ready': (snapshot) => (drawn.resolve(snapshot), null),
      'print:failed': (reason) => (drawn.reject(printFailure(reason)), null),
    },
    { trustedOrigins: [CHROMIUM_HOST_ORIGIN] },
  );
}

/**
 * Prints a composed brief outside the app (the CLI): the same print.html, the same Chromium
 * print path and page frame as the Chromium host. Returns the PDF and the HTML snapshot. A print
 * view that fails, or a print over the time limit, is an error (nothing to write); the browser is
 * closed whatever happens, so the process can exit.
 */
export async function printDocument(
  doc: ExportDocument,
  want: { pdf: boolean; html: boolean },
): Promise<{ pdf: Uint8Array | null; html: string | null }> {
  if (!existsSync(`${RENDERER_ROOT}/print.html`)) {
    throw new StoreError('not-found', 'The print view is not built yet; run "npm run build:renderer" once, then export again.');
  }
  const drawn = Promise.withResolvers<string | null>();
  drawn.promise.catch(() => undefined); // Reported through the printer's render below.
  const app = await launchAppContext(() => printRouter(doc, want.html, drawn), { rendererRoot: RENDERER_ROOT });
  try {
    const stop = new AbortController();
    const pdf = await withTimeLimit(
      chromiumPrinter(() => app.context).render(drawn.promise, want.pdf ? pdfLayout(doc) : null, stop.signal),
      PRINT_TIME_LIMIT_MS,
      `The brief took longer than ${PRINT_TIME_LIMIT_MS / 60_000} minutes to print, so nothing was written.`,
      () => stop.abort(),
    );
    const html = await drawn.promise;
    return { pdf, html: want.html ? assertSelfContained(html ?? '') : null };
  } finally {
    await app.close();
  }
}
