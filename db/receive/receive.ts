import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { StoreError, type StoreErrorCode } from '../../common/errors.ts';
import { removeSqliteFile } from '../files/index.ts';
import { checkReceivable } from './inspect.ts';
import { makePrivateFolder, partialPathFor, removeStaleReceiveLeftovers } from './private-folders.ts';
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

export interface ReceiveOptions {
  /** How long the check may take before it is stopped. */
  timeoutMs?: number;
  /** Where the private folder of the check is made (the OS temporary folder). */
  privateRoot?: string;
}

/**
 * Receives a brief file from someone else into a new store at `output`, through the hardened
 * open run in a child process. Resolves when the rows are in; rejects with a StoreError whose
 * message is the one sentence the user sees.
 *
 * This process owns the check's working space: it makes the private folder (for the copy of the
 * file) and names the partial store, hands both to the worker, and removes them when the worker
 * has ended, whether it answered, failed, was killed at the time limit or died. Leftovers of runs
 * that crashed themselves are removed first, once an hour old.
 */
export async function receiveBrief(
  source: string,
  output: string,
  launch: WorkerLauncher,
  { timeoutMs = RECEIVE_TIME_LIMIT_MS, privateRoot = tmpdir() }: ReceiveOptions = {},
): Promise<ReceivedBrief> {
  removeStaleReceiveLeftovers(privateRoot);
  removeStaleReceiveLeftovers(dirname(output));
  // What can be told without opening the file is told before anything is copied or started:
  // a folder, a FIFO, a device, a file over the size limit, a journal beside it.
  checkReceivable(source);

  const privateDir = makePrivateFolder(privateRoot);
  const partial = partialPathFor(output, privateDir);
  const cleanUp = () => {
    // Each on its own: one that cannot be removed must not keep the other. Leftovers go at the next receive.
    try {
      rmSync(privateDir, { recursive: true, force: true });
    } catch {
      /* left for the next receive */
    }
    try {
      removeSqliteFile(partial);
    } catch {
      /* left for the next receive */
    }
  };
  let answer: string;
  try {
    answer = await runWorker(launch, JSON.stringify({ source, output, privateDir, partial }), timeoutMs);
  } finally {
    cleanUp();
  }
  let parsed: { ok: true; value: ReceivedBrief } | { ok: false; code: StoreErrorCode; message: string };
  try {
    parsed = JSON.parse(answer) as typeof parsed;
  } catch {
    throw new StoreError(
      'damaged',
      'The check of this file stopped unexpectedly, so it was not opened; try again, or ask the sender for a fresh copy.',
    );
  }
  if (!parsed.ok) throw new StoreError(parsed.code, parsed.message);
  return parsed.value;
}

/** Starts the worker and waits until it has ended; answers its last line, or rejects when it ran out of time. */
function runWorker(launch: WorkerLauncher, payload: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let child: WorkerProcess;
    try {
      child = launch(payload);
    } catch {
      resolve('');
      return;
    }
    let stdout = '';
    let timedOut = false;
    let settled = false;
    // The answer is read once the worker has ended AND its output is drained: a utility process
    // reports its exit without waiting for what it wrote to be read.
    let exited = false;
    let drained = child.stdout === null;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stdout?.on('end', () => {
      drained = true;
      finish();
    });
    child.stdout?.on('close', () => {
      drained = true;
      finish();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
      // A killed worker may never close its output; the time limit is the limit.
      drained = true;
      finish();
    }, timeoutMs);
    child.onExit(() => {
      exited = true;
      finish();
    });
    function finish() {
      if (settled || !(exited || timedOut) || !drained) return;
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
      resolve(stdout.trim().split('\n').at(-1) ?? '');
    }
  });
}
