import { fileURLToPath } from 'node:url';
import { spawnLauncher, type WorkerLauncher } from './receive.ts';

/**
 * Node's flags for the check's process. The check itself holds little in JavaScript (SQLite does the
 * copying, outside V8's heap), so a 256 MB heap is plenty and stops a runaway at that, not at the
 * machine's memory. SQLite's own memory is bounded inside the worker (inspect.ts, limitSqliteMemory).
 */
export const RECEIVE_WORKER_NODE_FLAGS = ['--max-old-space-size=256'];

/**
 * The receive worker under plain Node (CLI, Chromium host, tests). Electron forks its bundled one.
 * The worker's path is found when a check starts, not when this module loads: the Electron main
 * bundle (CommonJS, where import.meta is empty) includes this module without ever calling it, and
 * resolving the path at load made the app fail before it started.
 */
export const NODE_RECEIVE_WORKER: WorkerLauncher = (payload) =>
  spawnLauncher(process.execPath, [...RECEIVE_WORKER_NODE_FLAGS, fileURLToPath(new URL('./worker.ts', import.meta.url))])(payload);
