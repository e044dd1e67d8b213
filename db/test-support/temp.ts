import { createHash } from 'node:crypto';
import { closeSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder for one test, removed when the test ends. */
export function tempDir(t: { after: (fn: () => void) => void }, prefix = 'briefing-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Above this, a file is fingerprinted by its first and last mebibyte and its stat (the corpus's sparse 2 GB file). */
const WHOLE_HASH_LIMIT = 64 * 1024 * 1024;

function hashOfEnds(path: string, size: number): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    for (const position of [0, Math.max(0, size - chunk.length)])
      hash.update(chunk.subarray(0, readSync(fd, chunk, 0, chunk.length, position)));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * What is at `path`, without opening anything that could block or follow a link: a regular
 * file by its sha256, a link by its target, a FIFO or device by its identity, a folder by what
 * it holds. Equal fingerprints before and after: nothing was written, created or removed.
 */
export function fingerprint(path: string): string {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat) return 'absent';
  if (stat.isSymbolicLink()) return `link -> ${readlinkSync(path)}`;
  if (stat.isDirectory()) return `folder {${fingerprintFolder(path).join('; ')}}`;
  if (!stat.isFile()) return `special ${stat.mode.toString(8)} ${stat.ino} ${stat.mtimeMs}`;
  if (stat.size > WHOLE_HASH_LIMIT) return `large ${stat.size} ${stat.mtimeMs} ${stat.ctimeMs} ${hashOfEnds(path, stat.size)}`;
  return `file ${sha256(path)}`;
}

/** Every entry of a folder with its fingerprint, sorted by name. */
export function fingerprintFolder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .map((name) => `${name}: ${fingerprint(join(dir, name))}`);
}
