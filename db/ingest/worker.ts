// Child-process entry of the import reader: `node worker.ts '{"path":…,"name":…}'` (Electron forks
// its bundled copy, dist/electron/ingest-worker.cjs, as a utility process with the same argument).
// It reads the file (an ordinary file, within the size limit), parses it, and answers one JSON
// line on stdout: the structure, the format it read and the SHA-256 of the bytes it read; or a
// refusal, always one sentence. The parent holds it to a time limit, a heap cap and an output limit.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { StoreError } from '../../common/errors.ts';
import { INGEST_SIZE_LIMIT_BYTES, tooLarge } from './limits.ts';
import { parseSourceBytes } from './parse.ts';
import { requireClaims, shownName } from './structure.ts';
import { parseText } from './text.ts';

// What the libraries print (PDF.js's warnings, mammoth's notes) must not mix with the answer on stdout.
const quiet = () => undefined;
console.log = console.info = console.warn = console.debug = console.trace = quiet;

function answer(value: unknown): void {
  process.stdout.write(`\n${JSON.stringify(value)}\n`, () => process.exit(0));
}

/** The file's bytes, refusing what is not an ordinary file or is over the limit (checked on the open handle). */
function readSource(path: string, name: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new StoreError('not-found', `${name} cannot be opened: check that it exists and that you may read it.`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new StoreError('bad-article', `${name} is not an ordinary file; save the source as a file and import that.`);
    if (stat.size > INGEST_SIZE_LIMIT_BYTES) throw new StoreError('bad-article', tooLarge(name, stat.size));
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const got = readSync(fd, bytes, read, bytes.length - read, read);
      if (got === 0) break;
      read += got;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

async function main(): Promise<void> {
  let name = 'This file';
  try {
    // The payload is the last argument: `node worker.ts PAYLOAD` and utilityProcess.fork(worker, [PAYLOAD]) alike.
    const payload = JSON.parse(process.argv.at(-1) ?? '{}') as { path?: unknown; name?: unknown; text?: unknown };
    if (typeof payload.path !== 'string' || typeof payload.name !== 'string')
      throw new Error('The import reader was started without a file.');
    name = shownName(payload.name);
    const bytes = readSource(payload.path, name);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // Pasted text is text, whatever it starts with; a file is what its bytes are.
    const { format, source } =
      payload.text === true
        ? requireClaims(parseText(new TextDecoder('utf-8').decode(bytes), payload.name === 'Pasted text' ? undefined : payload.name), name)
        : await parseSourceBytes(bytes, name);
    answer({ ok: true, value: { format, sha256, size: bytes.length, source } });
  } catch (error) {
    if (error instanceof StoreError) {
      answer({ ok: false, code: error.code, message: error.message });
      return;
    }
    // What a library says went wrong is never for the user: one sentence of ours.
    const memory = error instanceof RangeError;
    answer({
      ok: false,
      code: 'damaged',
      message: memory
        ? `${name} holds more than Briefing Desk can read at once; split it and import the part you need.`
        : `${name} could not be read (it may be damaged); ask the sender for a fresh copy, or paste the text you need.`,
    });
  }
}

void main();
