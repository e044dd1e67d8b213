import { fileURLToPath } from 'node:url';
import { spawnLauncher } from './receive.ts';

/** The receive worker under plain Node (CLI, Chromium host, tests). Electron forks its bundled one. */
export const NODE_RECEIVE_WORKER = spawnLauncher(process.execPath, [fileURLToPath(new URL('./worker.ts', import.meta.url))]);
