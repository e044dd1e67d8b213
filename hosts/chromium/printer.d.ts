import type { BrowserContext } from '@playwright/test';
import type { Printer } from '../../electron/router/index.ts';
/** Prints from a background page of the host's context: same routes, CSP and bridge as the workspace page. */
export declare function chromiumPrinter(context: () => BrowserContext): Printer;
