// Child-process entry of the hardened open: `node worker.ts '{"source":…,"output":…}'`.
// better-sqlite3 cannot interrupt a runaway query, so the parent runs this with a time limit
// and kills it when the limit passes. The answer is one JSON line on stdout.
import { StoreError } from '../../common/errors.ts';
import { receiveInProcess } from './receive-in-process.ts';

// The payload is the last argument: `node worker.ts PAYLOAD` and Electron's utilityProcess.fork(worker, [PAYLOAD]) alike.
const { source, output } = JSON.parse(process.argv.at(-1) ?? '{}') as { source: string; output: string };
try {
  const value = receiveInProcess(source, output);
  process.stdout.write(`${JSON.stringify({ ok: true, value })}\n`);
} catch (error) {
  const answer =
    error instanceof StoreError
      ? { ok: false, code: error.code, message: error.message }
      : { ok: false, code: 'damaged', message: `This file could not be read (${(error as Error).message}); ask the sender for a fresh copy.` };
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
