import type { Printer } from '../services/exports/index.ts';
import { APP_ORIGIN } from '../services/policy/index.ts';
import { createSecureWindow, lockNavigation } from './window.ts';
import { whenDrawn } from '../services/exports/index.ts';

const MM_PER_INCH = 25.4;

/** Prints from a hidden window with the same sandbox, preload, CSP and request blocker as the workspace. */
export function electronPrinter(preloadPath: string): Printer {
  return {
    async render(ready, layout, stop) {
      const window = createSecureWindow({ show: false, width: 900, height: 1200 }, preloadPath, 'print');
      stop?.addEventListener('abort', () => window.destroy());
      lockNavigation(window);
      try {
        await window.loadURL(`${APP_ORIGIN}/print.html`);
        await whenDrawn(ready);
        if (!layout) return null;
        return await window.webContents.printToPDF({
          pageSize: layout.paper,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: layout.headerTemplate,
          footerTemplate: layout.footerTemplate,
          margins: {
            top: layout.margin.top / MM_PER_INCH,
            bottom: layout.margin.bottom / MM_PER_INCH,
            left: layout.margin.left / MM_PER_INCH,
            right: layout.margin.right / MM_PER_INCH,
          },
          generateTaggedPDF: true,
          generateDocumentOutline: true,
        });
      } finally {
        window.destroy();
      }
    },
  };
}
