import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHANNELS, EVENTS } from '../../common/ipc/channels.ts';
import type { EventName, Events } from '../../common/ipc/contract.ts';
import { resolveAsset, CONTENT_SECURITY_POLICY } from '../../electron/services/policy/index.ts';
import { CHROMIUM_HOST_ORIGIN } from './origin.ts';
import { startBackend, type AppBackend, type Router } from '../../electron/services/router/index.ts';
import { findChromium } from '../browser-binaries.ts';
import { chromiumPrinter } from './printer.ts';
import { ScriptedDialogs } from '../../electron/services/documents/index.ts';
import { NODE_RECEIVE_WORKER } from '../../db/receive/index.ts';
import { NODE_INGEST_WORKER } from '../../db/ingest/index.ts';

// The Chromium host: the real renderer in Chromium with the real main-process router bridged
// into the page. Playwright plays the parts Electron plays for users: it serves dist/renderer
// (as the app:// protocol does, CSP header included), blocks every other request (as the
// session's request blocker does) and exposes `window.briefing` (as the preload does).

/** Flags that keep Chromium from reaching for hosts it cannot reach on an offline machine. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

const BINDING = '__briefingInvoke';
/** Answers larger than this cross deflated, marked by the prefix (a JSON answer starts with "{"). */
const DEFLATE_ABOVE = 256 * 1024;
const DEFLATED = 'deflate:';
const POPUP_GUARD = 'sandbox allow-scripts allow-same-origin allow-forms allow-downloads allow-modals';

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

const HOST_EVENT = 'briefing-host-event';

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
export async function launchAppContext(
  router: () => Router,
  options: AppContextOptions,
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const executablePath = await findChromium();
  const profile = mkdtempSync(join(tmpdir(), 'briefing-chromium-'));
  const { rendererRoot } = options;
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: options.headless ?? true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1360, height: 900 },
      colorScheme: options.colorScheme ?? 'light',
      serviceWorkers: 'block',
    });
    await context.route('**/*', async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      if (`${url.protocol}//${url.host}` !== CHROMIUM_HOST_ORIGIN) {
        // Electron's will-navigate refuses a navigation and the page stays; a 204 answer does the same here.
        if (request.isNavigationRequest() && request.frame() === request.frame().page().mainFrame()) return route.fulfill({ status: 204 });
        return route.abort('blockedbyclient');
      }
      const asset = resolveAsset(rendererRoot, url.pathname);
      if (!asset) return route.fulfill({ status: 404, body: 'Not found' });
      let body: Buffer;
      try {
        body = readFileSync(asset.path);
      } catch {
        return route.fulfill({ status: 404, body: 'Not found' });
      }
      return route.fulfill({
        status: 200,
        body,
        headers: {
          'content-type': asset.contentType,
          // The popup guard plays setWindowOpenHandler's part: without allow-popups, window.open returns null.
          'content-security-policy': `${CONTENT_SECURITY_POLICY}; ${POPUP_GUARD}`,
          'x-content-type-options': 'nosniff',
        },
      });
    });
    // Requests and answers cross as one JSON string each way, and a large answer deflated: the
    // DevTools protocol carries big values at about 1 MB/s (Playwright's object serialiser took 3.8 s
    // for a 4 MB brief, the same as a string 1.8 s, and 43 s for a 42 MB one), where Electron's
    // structured clone takes milliseconds. This keeps the test host's transport from being the
    // measure of the app. Values are plain JSON data by contract (common/ipc/contract.ts).
    await context.exposeBinding(BINDING, async (source, channel: unknown, json: unknown) => {
      let args: unknown;
      try {
        args = JSON.parse(String(json));
      } catch {
        args = undefined;
      }
      const answer = JSON.stringify(await router().invoke(channel, args, { url: source.frame.url() }));
      return answer.length < DEFLATE_ABOVE ? answer : `${DEFLATED}${deflateRawSync(answer, { level: 1 }).toString('base64')}`;
    });
    // Plays the preload's part: one method per channel and `on` for main's events, nothing else.
    await context.addInitScript(
      ({ channels, events, binding, hostEvent, deflated }) => {
        const binding_ = (window as unknown as Record<string, (channel: string, json: string) => Promise<string>>)[binding]!;
        const inflate = async (base64: string) => {
          // Uint8Array.fromBase64 (Chromium 140+) decodes natively; the fallback is ten times slower.
          const native = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;
          const bytes = native ? native(base64) : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
        };
        const invoke = async (channel: string, args: unknown[]) => {
          const answer = await binding_(channel, JSON.stringify(args));
          return JSON.parse(answer.startsWith(deflated) ? await inflate(answer.slice(deflated.length)) : answer) as unknown;
        };
        const listeners = new Map<string, Set<(payload: unknown) => void>>(events.map((event) => [event, new Set()]));
        window.addEventListener(hostEvent, (e) => {
          const { event, payload } = (e as CustomEvent<{ event: string; payload: unknown }>).detail;
          for (const listener of listeners.get(event) ?? []) listener(payload);
        });
        const on = (event: string, listener: (payload: unknown) => void) => {
          const set = listeners.get(event);
          if (!set || typeof listener !== 'function') return () => {};
          set.add(listener);
          return () => set.delete(listener);
        };
        const api = Object.freeze(
          Object.fromEntries([...channels.map((channel) => [channel, (...args: unknown[]) => invoke(channel, args)]), ['on', on]]),
        );
        Object.defineProperty(window, 'briefing', { value: api, enumerable: true });
      },
      { channels: [...CHANNELS], events: [...EVENTS], binding: BINDING, hostEvent: HOST_EVENT, deflated: DEFLATED },
    );
    const opened = context;
    return {
      context,
      async close() {
        await opened.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

export async function launchChromiumHost(options: ChromiumHostOptions): Promise<ChromiumHost> {
  const dialogs = options.dialogs ?? new ScriptedDialogs();
  let context: BrowserContext | undefined;
  let emit: ChromiumHost['emit'] = async () => {};
  const backend = startBackend({
    userData: options.userData,
    host: 'chromium',
    version: options.version,
    dialogs,
    receiveWorker: NODE_RECEIVE_WORKER,
    ingestWorker: NODE_INGEST_WORKER,
    printer: chromiumPrinter(() => context!),
    trustedOrigins: [CHROMIUM_HOST_ORIGIN],
    emit: (event, payload) => void emit(event, payload).catch(() => undefined),
  });
  try {
    const app = await launchAppContext(() => backend.router, options);
    context = app.context;
    const page = context.pages()[0] ?? (await context.newPage());
    emit = async (event, payload) => {
      await page.evaluate(
        ([name, detail, type]) => window.dispatchEvent(new CustomEvent(type, { detail: { event: name, payload: detail } })),
        [event, payload, HOST_EVENT] as const,
      );
    };
    return {
      context,
      page,
      backend,
      dialogs,
      url: `${CHROMIUM_HOST_ORIGIN}/index.html`,
      emit: (event, payload) => emit(event, payload),
      async close() {
        await app.close();
        backend.close();
      },
    };
  } catch (error) {
    backend.close();
    throw error;
  }
}
