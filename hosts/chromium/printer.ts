import type { BrowserContext } from '@playwright/test';
import type { PdfLayout, Printer } from '../../electron/services/exports/index.ts';
import { CHROMIUM_HOST_ORIGIN } from './origin.ts';
import { whenDrawn } from '../../electron/services/exports/index.ts';

/** Prints from a background page of the host's context: same routes, CSP and bridge as the workspace page. */
export function chromiumPrinter(context: () => BrowserContext): Printer {
  return {
    async render(ready, layout: PdfLayout | null, stop) {
      const page = await context().newPage();
      stop?.addEventListener('abort', () => void page.close().catch(() => undefined));
      try {
        await page.goto(`${CHROMIUM_HOST_ORIGIN}/print.html`);
        await whenDrawn(ready);
        if (!layout) return null;
        await page.emulateMedia({ media: 'print', colorScheme: 'light' });
        return await page.pdf({
          format: layout.paper,
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
        });
      } finally {
        await page.close();
      }
    },
  };
}
