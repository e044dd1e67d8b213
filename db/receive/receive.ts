import { spawn } from 'node:child_process';
import { StoreError, type StoreErrorCode } from '../errors.ts';
import type { ReceivedBrief } from './receive-in-process.ts';

export type { ReceivedBrief } from './receive-in-process.ts';

/** How to start the receive worker: plain Node runs worker.ts; Electron runs its bundled copy as Node. */
export interface WorkerCommand {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

export const RECEIVE_TIME_LIMIT_MS = 10_000;

/**
 * Receives a brief file from someone else into a new store at `output`, through the hardened
 * open run in a child process. Resolves when the rows are in; rejects with a StoreError whose
 * message is the one sentence the user sees.
 */
export function receiveBrief(source: string, output: string, worker: WorkerCommand, timeoutMs = RECEIVE_TIME_LIMIT_MS): Promise<ReceivedBrief> {
  return new Promise((resolve, reject) => {
    const child = spawn(worker.command, [...worker.args, JSON.stringify({ source, output })], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: worker.env ?? process.env,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', () => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new StoreError('too-slow', `This file took longer than ${Math.round(timeoutMs / 1000)} seconds to check, so it was not opened; ask the sender for a fresh copy.`));
        return;
      }
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        const answer = JSON.parse(line) as { ok: true; value: ReceivedBrief } | { ok: false; code: StoreErrorCode; message: string };
        if (answer.ok) resolve(answer.value);
        else reject(new StoreError(answer.code, answer.message));
      } catch {
        reject(new Error(`The file check stopped unexpectedly: ${stderr.trim().split('\n').at(-1) ?? 'no output'}`));
      }
    });
  });
}
