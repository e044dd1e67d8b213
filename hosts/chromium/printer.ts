import type { BrowserContext, Page } from '@playwright/test';
import { pageEnd, type PdfLayout, type Printer } from '../../electron/services/exports/index.ts';
import { CHROMIUM_HOST_ORIGIN } from './origin.ts';

/** Prints from a background page of the host's context: same routes, CSP and bridge as the workspace page. */
export function chromiumPrinter(context: () => BrowserContext): Printer {
  return {
    async open() {
      const page = await context().newPage();
      const end = pageEnd((stopped) => {
        page.once('crash', stopped);
        page.once('close', stopped);
      });
      const close = () => page.close().catch(() => undefined);
      try {
        await page.goto(`${CHROMIUM_HOST_ORIGIN}/print.html`);
        await page.emulateMedia({ media: 'print', colorScheme: 'light' });
      } catch (error) {
        await close();
        throw error;
      }
      return {
        close,
        ...end,
        pdf: (layout) => page.pdf(pagePdfOptions(layout)),
        async collectGarbage() {
          const session = await page.context().newCDPSession(page);
          try {
            await session.send('HeapProfiler.collectGarbage');
          } finally {
            await session.detach().catch(() => undefined);
          }
        },
      };
    },
  };
}

/** page.pdf's options for a page frame: the same PDF as Electron's printToPDF (tagged, with an outline). */
export function pagePdfOptions(layout: PdfLayout): Parameters<Page['pdf']>[0] {
  return {
    width: `${layout.page.width}in`,
    height: `${layout.page.height}in`,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: layout.headerTemplate,
    footerTemplate: layout.footerTemplate,
    margin: {
      top: `${layout.margin.top}mm`,
      bottom: `${layout.margin.bottom}mm`,
      left: `${layout.margin.left}mm`,
      right: `${layout.margin.right}mm`,
    },
    outline: true,
    tagged: true,
  };
}
