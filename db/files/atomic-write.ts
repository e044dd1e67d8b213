import { closeSync, existsSync, fstatSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { missingFolder, writeFailure } from './file-errors.ts';

// The one way the app replaces a file: write a temporary file beside the target, fsync it, rename
// it over the target, fsync the folder. A failure or a crash at any moment leaves either the old
// file or the new one at `target`, never a mix, and no temporary file behind.

/** Flushes a file (or a folder) to the disk; answers its size. */
function fsyncPath(path: string, flags = 'r'): number {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

export interface ReplaceOptions {
  /** Told to the user on failure: what stayed safe ("The last saved file is unchanged."). */
  keptNote?: string;
}

/**
 * Replaces `target` with what `produce` writes to the temporary path it is given. `produce` may
 * write the file any way it likes (SQLite's VACUUM INTO, a plain write); the rest is done here.
 */
export function replaceFileAtomically(target: string, produce: (tempPath: string) => void, options: ReplaceOptions = {}): number {
  const folder = dirname(target);
  if (!existsSync(folder)) throw missingFolder(folder);
  const temp = join(folder, `.${basename(target)}.${randomBytes(4).toString('hex')}.part`);
  try {
    produce(temp);
    const bytes = fsyncPath(temp, 'r+');
    renameSync(temp, target);
    if (process.platform !== 'win32') fsyncPath(folder);
    return bytes;
  } catch (error) {
    rmSync(temp, { force: true });
    throw writeFailure(error, target, options.keptNote);
  }
}

/** Writes a whole file or nothing (exports, the session file). Returns the bytes written. */
export function writeFileAtomic(target: string, data: string | Uint8Array, options: ReplaceOptions = {}): number {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return replaceFileAtomically(
    target,
    (temp) => {
      const fd = openSync(temp, 'wx', 0o644);
      try {
        writeSync(fd, bytes);
      } finally {
        closeSync(fd);
      }
    },
    options,
  );
}
