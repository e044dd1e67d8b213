import { pageEnd, type Printer } from '../services/exports/index.ts';
import { APP_ORIGIN } from '../services/policy/index.ts';
import { createSecureWindow, lockNavigation } from './window.ts';

const MM_PER_INCH = 25.4;

/** Prints from a hidden window with the same sandbox, preload, CSP and request blocker as the workspace. */
export function electronPrinter(preloadPath: string): Printer {
  return {
    async open() {
      const window = createSecureWindow({ show: false, width: 900, height: 1200 }, preloadPath, 'print');
      lockNavigation(window);
      // It draws while hidden (ahead of an export, while the composer is open): not slowed as a background page.
      window.webContents.setBackgroundThrottling(false);
      const end = pageEnd((stopped) => {
        window.webContents.once('render-process-gone', stopped);
        window.once('closed', stopped);
      });
      const close = async () => {
        if (!window.isDestroyed()) window.destroy();
      };
      try {
        await window.loadURL(`${APP_ORIGIN}/print.html`);
      } catch (error) {
        await close();
        throw error;
      }
      return {
        close,
        ...end,
        async collectGarbage() {
          // The DevTools protocol, attached to this hidden window only: Electron has no other way to ask a renderer to collect.
          const debug = window.webContents.debugger;
          if (!debug.isAttached()) debug.attach('1.3');
          await debug.sendCommand('HeapProfiler.collectGarbage');
        },
        pdf: (layout) =>
          window.webContents.printToPDF({
            pageSize: layout.page,
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
          }),
      };
    },
  };
}
