// The parent's side of an import: the file checked before anything starts (exists, ordinary, not
// empty, within the size limit), its SHA-256 taken, the reader run in a child process with a time
// limit and an output limit (killed at either), and its answer validated (zod) before use. The
// result carries the structure and the provenance: the file's name, size, SHA-256 and the time of
// the import. Pasted text takes the same path through a private temporary file.
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { StoreError } from '../../common/errors.ts';
import type { ParsedSource, SourceFormat } from '../../common/parsed-source.ts';
import type { WorkerLauncher, WorkerProcess } from '../receive/index.ts';
import { INGEST_OUTPUT_LIMIT_BYTES, INGEST_SIZE_LIMIT_BYTES, INGEST_TIME_LIMIT_MS, PASTE_LIMIT_CHARS, tooLarge } from './limits.ts';
import { NODE_INGEST_WORKER } from './node-worker.ts';
import { workerAnswerSchema } from './schema.ts';
import { shownName } from './structure.ts';

/** Where a source came from, kept with what was read from it. */
export interface IngestProvenance {
  /** The file's name (no folder), or the name given to pasted text. */
  name: string;
  /** SHA-256 of the bytes read (of the text's UTF-8 for pasted text), lowercase hex. */
  sha256: string;
  /** In bytes. */
  size: number;
  /** When it was read, ISO 8601 in UTC. */
  importedAt: string;
}

export interface IngestResult {
  format: SourceFormat;
  source: ParsedSource;
  provenance: IngestProvenance;
}

export interface IngestOptions {
  /** How long the reader may take before it is stopped. */
  timeoutMs?: number;
  /** The name the user knows the file by (a dropped file's), in place of the path's last part. */
  name?: string;
}

const refuse = (code: ConstructorParameters<typeof StoreError>[0], message: string) => new StoreError(code, message);

/** What can be told before the reader starts: that the file is there, an ordinary file, not empty and not too large. */
function checkFile(path: string, name: string): number {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw refuse('not-found', `${name} does not exist; check the path.`);
    throw refuse('not-found', `${name} cannot be opened: check that it exists and that you may read it.`);
  }
  if (stat.isDirectory()) throw refuse('bad-article', `${name} is a folder; choose a file inside it.`);
  if (!stat.isFile())
    throw refuse(
      'bad-article',
      `${name} is not an ordinary file (it is a pipe, a device or a socket); save the source as a file and import that.`,
    );
  if (stat.size === 0) throw refuse('empty', `${name} is empty (0 bytes); check that it is the right file.`);
  if (stat.size > INGEST_SIZE_LIMIT_BYTES) throw refuse('bad-article', tooLarge(name, stat.size));
  return stat.size;
}

function hashFile(path: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', () => reject(refuse('not-found', `${name} cannot be read: check that it exists and that you may read it.`)));
  });
}

/**
 * Reads a source file into the shared structure, in a child process started by `launch` (plain
 * Node's by default; the app passes its utility-process launcher). Rejects with a StoreError
 * whose message is the one sentence the user sees.
 */
export async function ingestFile(
  path: string,
  launch: WorkerLauncher = NODE_INGEST_WORKER,
  { timeoutMs = INGEST_TIME_LIMIT_MS, name = basename(path) }: IngestOptions = {},
): Promise<IngestResult> {
  const shown = shownName(name);
  const size = checkFile(path, shown);
  // The reader is given the file's real path: its process may read that file and no other of the user's.
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    throw refuse('not-found', `${shown} cannot be opened: check that it exists and that you may read it.`);
  }
  return read({ path: real, name, size, sha256: await hashFile(real, shown), text: false }, launch, timeoutMs);
}

/**
 * Reads pasted text (or any text the app holds) into the shared structure: the article layout,
 * Markdown (told by its syntax) or plain text, never HTML or PDF whatever it starts with. It is
 * read by the same reader process as a file, within the same limits (a Markdown parser can be
 * made to take minutes over a few hundred kilobytes): the text goes to it in a private temporary
 * file that is removed however the read ends.
 */
export async function ingestText(
  text: string,
  name = 'Pasted text',
  launch: WorkerLauncher = NODE_INGEST_WORKER,
  { timeoutMs = INGEST_TIME_LIMIT_MS }: Omit<IngestOptions, 'name'> = {},
): Promise<IngestResult> {
  if (text.length > PASTE_LIMIT_CHARS)
    throw refuse(
      'bad-article',
      `The pasted text is ${text.length.toLocaleString('en')} characters; Briefing Desk reads at most ${PASTE_LIMIT_CHARS.toLocaleString('en')} at once, so paste the part you need, or save it as a file and import that.`,
    );
  const bytes = Buffer.from(text, 'utf8');
  const folder = mkdtempSync(join(tmpdir(), 'briefing-ingest-'));
  try {
    const path = join(folder, 'pasted.txt');
    writeFileSync(path, bytes, { mode: 0o600, flag: 'wx' });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return await read({ path: realpathSync(path), name, size: bytes.length, sha256, text: true }, launch, timeoutMs);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** What the reader is asked to read, and what the parent knows of it already. */
interface ReadRequest {
  path: string;
  name: string;
  size: number;
  sha256: string;
  /** Read as text (pasted), whatever the bytes look like. */
  text: boolean;
}

/** Runs the reader on one file and believes its answer only once it is checked: shape, bounds, and the bytes it read. */
async function read({ path, name, size, sha256, text }: ReadRequest, launch: WorkerLauncher, timeoutMs: number): Promise<IngestResult> {
  const shown = shownName(name);
  const importedAt = new Date().toISOString();
  const output = await runReader(launch, JSON.stringify({ path, name, text }), timeoutMs, shown);
  let answer;
  try {
    answer = workerAnswerSchema.parse(JSON.parse(output));
  } catch {
    throw refuse('damaged', stopped(shown));
  }
  if (!answer.ok) throw refuse(answer.code, answer.message);
  if (answer.value.sha256 !== sha256 || answer.value.size !== size)
    throw refuse('damaged', `${shown} changed while it was being read; wait until it is saved, then import it again.`);
  return { format: answer.value.format, source: answer.value.source, provenance: { name, sha256, size, importedAt } };
}

const seconds = (ms: number) => {
  const count = Math.max(1, Math.round(ms / 1000));
  return `${count} second${count === 1 ? '' : 's'}`;
};

const stopped = (name: string) =>
  `${name} could not be read: the reader stopped before it finished (the file may be damaged, or need more memory than Briefing Desk gives one file); ask the sender for a fresh copy, or paste the text you need.`;

/**
 * Starts the reader and waits until it has ended and its output is drained; answers its last line.
 * Kills it at the time limit or when it writes more than the output limit, and refuses with a sentence.
 */
function runReader(launch: WorkerLauncher, payload: string, timeoutMs: number, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let child: WorkerProcess;
    try {
      child = launch(payload);
    } catch {
      reject(refuse('damaged', stopped(name)));
      return;
    }
    const chunks: Buffer[] = [];
    let length = 0;
    let exited = false;
    let drained = child.stdout === null;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const stop = (message: string, code: 'too-slow' | 'bad-article') => {
      child.kill();
      settle(() => reject(refuse(code, message)));
    };
    const timer = setTimeout(
      () =>
        stop(
          `${name} took longer than ${seconds(timeoutMs)} to read, so it was not imported; split it, or save it in a simpler form, and import that.`,
          'too-slow',
        ),
      timeoutMs,
    );
    const finish = () => {
      if (!exited || !drained) return;
      settle(() => {
        const lines = Buffer.concat(chunks).toString('utf8').trim().split('\n');
        resolve(lines.at(-1) ?? '');
      });
    };
    child.stdout?.on('data', (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      length += bytes.length;
      if (length > INGEST_OUTPUT_LIMIT_BYTES) {
        stop(
          `${name} gave more text than Briefing Desk imports at once (over ${INGEST_OUTPUT_LIMIT_BYTES / 1024 ** 2} MB); split it and import the part you need.`,
          'bad-article',
        );
        return;
      }
      chunks.push(bytes);
    });
    const drain = () => {
      drained = true;
      finish();
    };
    child.stdout?.on('end', drain);
    child.stdout?.on('close', drain);
    child.onExit(() => {
      exited = true;
      finish();
    });
  });
}
