// Child-process entry of the hardened open: `node worker.ts '{"source":…,"output":…}'`.
// better-sqlite3 cannot interrupt a runaway query, so the parent runs this with a time limit
// and kills it when the limit passes. The answer is one JSON line on stdout.
import { readFailure } from '../files/index.ts';
import { receiveInProcess } from './receive-in-process.ts';

// The payload is the last argument: `node worker.ts PAYLOAD` and Electron's utilityProcess.fork(worker, [PAYLOAD]) alike.
const { source, output } = JSON.parse(process.argv.at(-1) ?? '{}') as { source: string; output: string };
try {
  const value = receiveInProcess(source, output);
  process.stdout.write(`${JSON.stringify({ ok: true, value })}\n`);
} catch (error) {
  // One vocabulary for what went wrong with a file (db/files); anything else still gets a sentence.
  const known = readFailure(error);
  const answer = known
    ? { ok: false, code: known.code, message: known.message }
    : {
        ok: false,
        code: 'damaged',
        message: `This file could not be read (${(error as Error).message}); ask the sender for a fresh copy.`,
      };
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
