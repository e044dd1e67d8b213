import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findElectron, NO_ELECTRON_MESSAGE } from '../hosts/browser-binaries.ts';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RENDERER_ROOT = fileURLToPath(new URL('../dist/renderer', import.meta.url));
export const APP_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export type HostKind = 'electron' | 'chromium';

/** BRIEFING_E2E_HOST=chromium forces the Chromium host even where Electron exists. */
export function pickHost(): { kind: HostKind; electronPath: string | null } {
  const electronPath = process.env.BRIEFING_E2E_HOST === 'chromium' ? null : findElectron();
  return { kind: electronPath ? 'electron' : 'chromium', electronPath };
}

export function describeHost(): string {
  const { kind, electronPath } = pickHost();
  if (kind === 'electron') return `Electron (${electronPath})`;
  return process.env.BRIEFING_E2E_HOST === 'chromium'
    ? 'Chromium (chosen by BRIEFING_E2E_HOST)'
    : `Chromium; the same specs run in Electron where its binary exists. ${NO_ELECTRON_MESSAGE}`;
}
