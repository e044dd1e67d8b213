// Child-process entry of the hardened open: `node worker.ts '{"source":…,"output":…,"privateDir":…,"partial":…}'`.
// better-sqlite3 cannot interrupt a runaway query, so the parent runs this with a time limit
// and kills it when the limit passes; the parent made `privateDir` and removes it, and `partial`,
// once this process has ended. The answer is one JSON line on stdout.
import { receiveFailure } from '../files/index.ts';
import { receiveInProcess } from './receive-in-process.ts';

interface Payload {
  source: string;
  output: string;
  privateDir: string;
  partial: string;
}

function answer(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

try {
  // The payload is the last argument: `node worker.ts PAYLOAD` and Electron's utilityProcess.fork(worker, [PAYLOAD]) alike.
  const payload = JSON.parse(process.argv.at(-1) ?? '{}') as Partial<Payload>;
  const { source, output, privateDir, partial } = payload;
  if (typeof source !== 'string' || typeof output !== 'string' || typeof privateDir !== 'string' || typeof partial !== 'string')
    throw new Error('The receive worker was started without its source, output, private folder and partial store.');
  answer({ ok: true, value: receiveInProcess(source, output, { privateDir, partial }) });
} catch (error) {
  // One vocabulary for what went wrong with a file (db/files), and always a sentence: what SQLite
  // or JavaScript says is never for the user.
  const refusal = receiveFailure(error);
  answer({ ok: false, code: refusal.code, message: refusal.message });
}
