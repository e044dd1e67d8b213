// Bundles the Electron main process and the preload into dist/electron as CommonJS.
// The preload runs sandboxed, where only a single self-contained file can load.
import { build, type BuildOptions } from 'esbuild';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs' }),
  build({ ...common, entryPoints: ['db/receive/worker.ts'], outfile: 'dist/electron/receive-worker.cjs' }),
  build({ ...common, entryPoints: ['db/ingest/worker.ts'], outfile: 'dist/electron/ingest-worker.cjs' }),
]);
console.log('built dist/electron/main.cjs, preload.cjs, receive-worker.cjs and ingest-worker.cjs');
