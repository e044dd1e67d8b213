import { utilityProcess } from 'electron';
import { RECEIVE_WORKER_NODE_FLAGS, type WorkerLauncher } from '../../db/receive/index.ts';

/**
 * The hardened open's child process in the app: a utility process (plain Node inside Electron)
 * running the bundled worker. Unlike ELECTRON_RUN_AS_NODE, this works with the RunAsNode fuse off.
 */
export function utilityLauncher(workerPath: string): WorkerLauncher {
  return (payload) => {
    const child = utilityProcess.fork(workerPath, [payload], {
      stdio: ['ignore', 'pipe', 'ignore'],
      serviceName: 'Briefing Desk file check',
      // The same memory cap as the plain-Node worker: a crafted file cannot exhaust the machine.
      execArgv: RECEIVE_WORKER_NODE_FLAGS,
    });
    return {
      stdout: child.stdout,
      kill: () => child.kill(),
      onExit: (listener) => child.once('exit', listener),
    };
  };
}
