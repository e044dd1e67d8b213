import { type BrowserContext, type Page } from '@playwright/test';
import type { EventName, Events } from '../../electron/ipc/contract.ts';
import { type AppBackend, type Router } from '../../electron/router/index.ts';
import { type ScriptedDialogs } from '../../electron/router/scripted-dialogs.ts';
/** Flags that keep Chromium from reaching for hosts it cannot reach on an offline machine. */
export declare const CHROMIUM_FLAGS: string[];
export interface ChromiumHostOptions {
    rendererRoot: string;
    /** Folder of the user's data; the working store lives inside it. */
    userData: string;
    headless?: boolean;
    version: string;
    colorScheme?: 'light' | 'dark';
    /** Answers for file dialogs; the preview asks on the terminal. */
    dialogs?: ScriptedDialogs;
}
export interface ChromiumHost {
    context: BrowserContext;
    page: Page;
    backend: AppBackend;
    dialogs: ScriptedDialogs;
    /** URL of the workspace. */
    url: string;
    /** Sends one of main's events to the page, as Electron's webContents.send does (the native menu's commands). */
    emit<E extends EventName>(event: E, payload: Events[E]): Promise<void>;
    close(): Promise<void>;
}
export interface AppContextOptions {
    rendererRoot: string;
    headless?: boolean;
    colorScheme?: 'light' | 'dark';
}
/**
 * A Chromium profile that serves the built renderer at http://app.local, blocks every other
 * request, and bridges `window.briefing` to `router` in every page it opens. The workspace host,
 * the print pages and `briefing export` all use it.
 */
export declare function launchAppContext(router: () => Router, options: AppContextOptions): Promise<{
    context: BrowserContext;
    close(): Promise<void>;
}>;
export declare function launchChromiumHost(options: ChromiumHostOptions): Promise<ChromiumHost>;
