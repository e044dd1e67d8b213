import { spawn } from 'node:child_process';
import { StoreError, type StoreErrorCode } from '../../common/errors.ts';
import type { ReceivedBrief } from './receive-in-process.ts';

export type { ReceivedBrief } from './receive-in-process.ts';

/** A running receive worker, whichever way it was started. */
export interface WorkerProcess {
  stdout: NodeJS.ReadableStream | null;
  kill(): void;
  onExit(listener: () => void): void;
}

/**
 * How to start the receive worker with its one argument. Plain Node spawns `node worker.ts`;
 * Electron forks its bundled copy as a utility process (so the RunAsNode fuse can stay off).
 */
export type WorkerLauncher = (payload: string) => WorkerProcess;

/** A launcher that spawns a command (plain Node and tests). */
export function spawnLauncher(command: string, args: string[]): WorkerLauncher {
  return (payload) => {
    const child = spawn(command, [...args, payload], { stdio: ['ignore', 'pipe', 'ignore'] });
    return {
      stdout: child.stdout,
      kill: () => child.kill('SIGKILL'),
      onExit: (listener) => {
        child.on('close', listener);
        child.on('error', listener);
      },
    };
  };
}

export const RECEIVE_TIME_LIMIT_MS = 10_000;

/**
 * Receives a brief file from someone else into a new store at `output`, through the hardened
 * open run in a child process. Resolves when the rows are in; rejects with a StoreError whose
 * message is the one sentence the user sees.
 */
export function receiveBrief(
  source: string,
  output: string,
  launch: WorkerLauncher,
  timeoutMs = RECEIVE_TIME_LIMIT_MS,
): Promise<ReceivedBrief> {
  return new Promise((resolve, reject) => {
    const child = launch(JSON.stringify({ source, output }));
    let stdout = '';
    let timedOut = false;
    let settled = false;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, timeoutMs);
    child.onExit(() => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new StoreError(
            'too-slow',
            `This file took longer than ${Math.round(timeoutMs / 1000)} seconds to check, so it was not opened; ask the sender for a fresh copy.`,
          ),
        );
        return;
      }
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        const answer = JSON.parse(line) as { ok: true; value: ReceivedBrief } | { ok: false; code: StoreErrorCode; message: string };
        if (answer.ok) resolve(answer.value);
        else reject(new StoreError(answer.code, answer.message));
      } catch {
        reject(
          new StoreError(
            'damaged',
            'The check of this file stopped unexpectedly, so it was not opened; try again, or ask the sender for a fresh copy.',
          ),
        );
      }
    });
  });
}
