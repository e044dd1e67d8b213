import { fileURLToPath } from 'node:url';
import type { WorkerCommand } from './receive.ts';

/** The receive worker under plain Node (CLI, Chromium host, tests). Electron passes its own bundled one. */
export const NODE_RECEIVE_WORKER: WorkerCommand = {
  command: process.execPath,
  args: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
};
