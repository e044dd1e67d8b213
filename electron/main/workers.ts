import { utilityProcess } from 'electron';
import { RECEIVE_WORKER_NODE_FLAGS, type WorkerLauncher } from '../../db/receive/index.ts';
import { INGEST_WORKER_NODE_FLAGS } from '../../db/ingest/index.ts';

/**
 * An isolated check's child process in the app: a utility process (plain Node inside Electron)
 * running a bundled worker, with the same Node flags as the plain-Node worker (a memory cap; for
 * the import reader, no code generated from strings). Unlike ELECTRON_RUN_AS_NODE, this works with
 * the RunAsNode fuse off.
 */
function utilityLauncher(workerPath: string, serviceName: string, execArgv: readonly string[]): WorkerLauncher {
  return (payload) => {
    const child = utilityProcess.fork(workerPath, [payload], {
      stdio: ['ignore', 'pipe', 'ignore'],
      serviceName,
      execArgv: [...execArgv],
    });
    return {
      stdout: child.stdout,
      kill: () => child.kill(),
      onExit: (listener) => child.once('exit', listener),
    };
  };
}

/** The check of a received brief (dist/electron/receive-worker.cjs). */
export const receiveLauncher = (workerPath: string): WorkerLauncher =>
  utilityLauncher(workerPath, 'Briefing Desk file check', RECEIVE_WORKER_NODE_FLAGS);

/** The reader of an imported source (dist/electron/ingest-worker.cjs). */
export const ingestLauncher = (workerPath: string): WorkerLauncher =>
  utilityLauncher(workerPath, 'Briefing Desk source reader', INGEST_WORKER_NODE_FLAGS);
