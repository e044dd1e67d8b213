import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExportDocument } from '../../common/export-document.ts';
import { StoreError } from '../../common/errors.ts';
import { CHANNELS } from '../../common/ipc/channels.ts';
import { createRouter, type Router, type Handlers } from '../../electron/services/router/index.ts';
import { pdfLayout, assertSelfContained } from '../../electron/services/exports/index.ts';
import { chromiumPrinter } from './printer.ts';
import { launchAppContext } from './host.ts';
import { CHROMIUM_HOST_ORIGIN } from './origin.ts';

const RENDERER_ROOT = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** A router that only serves the print view its one document; every other channel says so. */
function printRouter(doc: ExportDocument, wantSnapshot: boolean, onReady: (snapshot: string | null) => void): Router {
  const unavailable = () => {
    throw new StoreError('not-found', 'Only printing is available here.');
  };
  const handlers = Object.fromEntries(CHANNELS.map((channel) => [channel, unavailable])) as unknown as Handlers;
  return createRouter(
    { ...handlers, 'print:document': () => ({ document: doc, wantSnapshot }), 'print:ready': (snapshot) => (onReady(snapshot), null) },
    { trustedOrigins: [CHROMIUM_HOST_ORIGIN] },
  );
}

/**
 * Prints a composed brief outside the app (the CLI): the same print.html, the same Chromium
 * print path and page frame as the Chromium host. Returns the PDF and the HTML snapshot.
 */
export async function printDocument(
  doc: ExportDocument,
  want: { pdf: boolean; html: boolean },
): Promise<{ pdf: Uint8Array | null; html: string | null }> {
  if (!existsSync(`${RENDERER_ROOT}/print.html`)) {
    throw new StoreError('not-found', 'The print view is not built yet; run "npm run build:renderer" once, then export again.');
  }
  let resolveSnapshot!: (snapshot: string | null) => void;
  const snapshot = new Promise<string | null>((resolve) => (resolveSnapshot = resolve));
  const app = await launchAppContext(() => printRouter(doc, want.html, resolveSnapshot), { rendererRoot: RENDERER_ROOT });
  try {
    const pdf = await chromiumPrinter(() => app.context).render(snapshot, want.pdf ? pdfLayout(doc) : null);
    const html = await snapshot;
    return { pdf, html: want.html ? assertSelfContained(html ?? '') : null };
  } finally {
    await app.close();
  }
}
