import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The built app these tests run: the real bundles in dist/, laid out as the package has them.

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(REPO, 'dist');
export const BUNDLES = ['main.cjs', 'preload.cjs', 'receive-worker.cjs', 'ingest-worker.cjs'].map((name) => join(DIST, 'electron', name));

/** Source folders the Electron bundles are made from (scripts/build-electron.ts bundles everything but electron and better-sqlite3). */
const BUNDLED_SOURCES = ['electron', 'common', 'db'].map((folder) => join(REPO, folder));

function newestSource(): number {
  let newest = 0;
  for (const folder of BUNDLED_SOURCES) {
    for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
      if (name.endsWith('.ts') && !name.endsWith('.test.ts')) newest = Math.max(newest, statSync(join(folder, name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * Makes sure dist/ holds the app as the sources now are. `npm test` builds before the unit tests;
 * run on their own, these tests build what is missing, and rebuild the Electron bundles (esbuild,
 * about a second) when a source is newer than them, so they never pass or fail on a stale bundle.
 * The renderer is built only when missing (Vite takes longer, and these tests do not test the page).
 */
export function ensureBuilt(): void {
  if (!existsSync(join(DIST, 'renderer', 'index.html'))) {
    execFileSync(
      process.execPath,
      [join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', '--config', 'renderer/vite.config.ts'],
      { cwd: REPO, stdio: 'pipe' },
    );
  }
  const oldestBundle = Math.min(...BUNDLES.map((path) => (existsSync(path) ? statSync(path).mtimeMs : 0)));
  if (oldestBundle < newestSource()) execFileSync(process.execPath, ['scripts/build-electron.ts'], { cwd: REPO, stdio: 'pipe' });
}

/**
 * An app folder as app.getAppPath() sees it in the package: package.json, a copy of dist/ without
 * source maps, and node_modules (linked, for better-sqlite3). A copy, so a test can plant files
 * and links in it.
 */
export function makeAppRoot(dir: string): string {
  const root = join(dir, 'app');
  cpSync(DIST, join(root, 'dist'), { recursive: true, filter: (path) => !path.endsWith('.map') });
  copyFileSync(join(REPO, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}
