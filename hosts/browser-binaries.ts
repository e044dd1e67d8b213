import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Chromium as Debian, Ubuntu and the usual installers put it. */
const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

export const NO_CHROMIUM_MESSAGE =
  'No Chromium was found to drive: install Debian\'s "chromium" package (apt-get install chromium), or Playwright\'s own build (npx playwright install chromium), or set BRIEFING_CHROMIUM to a Chromium executable.';

/**
 * The Chromium the Chromium host drives: BRIEFING_CHROMIUM if set, Playwright's own build where it is
 * installed, else the system's. Throws with a sentence that says what to install when there is none.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.BRIEFING_CHROMIUM) {
    if (existsSync(env.BRIEFING_CHROMIUM)) return env.BRIEFING_CHROMIUM;
    throw new Error(`BRIEFING_CHROMIUM points at ${env.BRIEFING_CHROMIUM}, which does not exist. ${NO_CHROMIUM_MESSAGE}`);
  }
  try {
    const { chromium } = await import('@playwright/test');
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright knows no build for this platform; fall through to the system's.
  }
  const system = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
  if (system) return system;
  throw new Error(NO_CHROMIUM_MESSAGE);
}

/**
 * The Electron executable when its binary is installed, else null. The `electron` package installs
 * without a binary and fetches it on first use, which cannot work offline; so we look, not fetch.
 */
export function findElectron(env: NodeJS.ProcessEnv = process.env): string | null {
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const executable = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(packageDir, 'dist', relative);
  return existsSync(executable) ? executable : null;
}

export const NO_ELECTRON_MESSAGE =
  'The Electron binary is not installed (it is downloaded on first install and this machine could not fetch it); run "npm run preview" to open the same workspace in Chromium.';
