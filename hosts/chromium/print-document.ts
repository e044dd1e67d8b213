import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExportDocument } from '../../common/export-document.ts';
import { StoreError } from '../../common/errors.ts';
import { CHANNELS } from '../../common/ipc/channels.ts';
import { createRouter, type Router, type Handlers } from '../../electron/services/router/index.ts';
import {
  assertSelfContained,
  PrintJobs,
  sectionedPrintPass,
  type SectionedPrintOptions,
  printWithContentsPages,
  printTimeLimitMs,
  withTimeLimit,
} from '../../electron/services/exports/index.ts';
import { chromiumPrinter } from './printer.ts';
import { launchAppContext } from './host.ts';
import { CHROMIUM_HOST_ORIGIN } from './origin.ts';

const RENDERER_ROOT = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** A router that only serves the print view its jobs, and hears whether it drew; every other channel says so. */
function printRouter(jobs: PrintJobs): Router {
  const unavailable = () => {
    throw new StoreError('not-found', 'Only printing is available here.');
  };
  const handlers = Object.fromEntries(CHANNELS.map((channel) => [channel, unavailable])) as unknown as Handlers;
  return createRouter(
    {
      ...handlers,
      'print:document': () => jobs.next(),
      'print:ready': (snapshot, pages, sections) => jobs.ready(snapshot, pages, sections),
      'print:failed': (reason) => jobs.failed(reason),
    },
    { trustedOrigins: [CHROMIUM_HOST_ORIGIN] },
  );
}

/**
 * Prints a composed brief outside the app (the CLI): the same print.html, the same Chromium
 * print path, page frame and contents page numbers (predicted, printed, checked against the outline) as the
 * Chromium host, in one print view. Returns the PDF and the HTML snapshot (the HTML has no page
 * numbers, so it is a drawing of its own). A print view that fails, or a print over the time
 * limit, is an error (nothing to write); the browser is closed whatever happens, so the process can exit.
 */
export async function printDocument(
  doc: ExportDocument,
  want: { pdf: boolean; html: boolean },
  /** Pages per print section of a long brief (SECTION_PAGES) and items drawn at a time (PART_ITEMS): tests give less; `onPrint` is told of each print. */
  { sectionPages, partItems, onPrint }: Pick<SectionedPrintOptions, 'sectionPages' | 'partItems' | 'onPrint'> = {},
): Promise<{ pdf: Uint8Array | null; html: string | null }> {
  if (!existsSync(`${RENDERER_ROOT}/print.html`)) {
    throw new StoreError('not-found', 'The print view is not built yet; run "npm run build:renderer" once, then export again.');
  }
  const jobs = new PrintJobs();
  const app = await launchAppContext(() => printRouter(jobs), { rendererRoot: RENDERER_ROOT });
  try {
    return await withTimeLimit(
      (async () => {
        const page = await chromiumPrinter(() => app.context).open();
        const html = want.html ? assertSelfContained((await jobs.draw(doc, { wantSnapshot: true, partItems })).snapshot ?? '') : null;
        const pdf = want.pdf
          ? // The HTML's drawing is a different document (no page numbers): only a later PDF pass redraws just the numbers.
            await printWithContentsPages(doc, sectionedPrintPass(jobs, page, { sectionPages, partItems, onPrint }))
          : null;
        return { pdf, html };
      })(),
      printTimeLimitMs(doc),
      `The brief took longer than ${printTimeLimitMs(doc) / 60_000} minutes to print, so nothing was written.`,
    );
  } finally {
    jobs.cancel();
    await app.close();
  }
}
