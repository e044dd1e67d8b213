import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnLauncher, type WorkerLauncher } from '../receive/index.ts';
import { INGEST_WORKER_NODE_FLAGS } from './limits.ts';

/**
 * The import reader under plain Node (CLI, Chromium host, tests): `node worker.ts PAYLOAD` with the
 * heap cap, no code from strings, and Node's permission model: the process may read the app's own
 * files and the one source file, and may not write a file, start a process or a thread, or load
 * an add-on. Electron forks its bundled worker as a utility process (see electron/main). The
 * worker's path is found when a read starts, not when this module loads (the Electron main bundle,
 * CommonJS, includes this module without calling it).
 */
export const NODE_INGEST_WORKER: WorkerLauncher = (payload) => {
  const worker = fileURLToPath(new URL('./worker.ts', import.meta.url));
  const appRoot = dirname(dirname(dirname(worker)));
  const { path } = JSON.parse(payload) as { path: string };
  return spawnLauncher(process.execPath, [
    ...INGEST_WORKER_NODE_FLAGS,
    '--permission',
    `--allow-fs-read=${appRoot}`,
    `--allow-fs-read=${path}`,
    worker,
  ])(payload);
};
