import {
  chmodSync,
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { missingFolder, writeFailure } from './file-errors.ts';
import { SQLITE_COMPANIONS } from './sqlite-files.ts';

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
export function replaceFileAtomically(requested: string, produce: (tempPath: string) => void, options: ReplaceOptions = {}): number {
  // A link is followed: the file it points to is replaced and the link stays. The file keeps its
  // permissions (a brief kept private stays private).
  const existing = existsSync(requested) ? statSync(requested) : null;
  const target = existing ? realpathSync(requested) : requested;
  const folder = dirname(target);
  if (!existsSync(folder)) throw missingFolder(folder);
  const temp = join(folder, `.${basename(target)}.${randomBytes(4).toString('hex')}.part`);
  try {
    produce(temp);
    if (existing) chmodSync(temp, existing.mode & 0o7777);
    const bytes = fsyncPath(temp, 'r+');
    renameSync(temp, target);
    if (process.platform !== 'win32') fsyncPath(folder);
    return bytes;
  } catch (error) {
    // The temporary file and whatever SQLite kept beside it (a VACUUM INTO that failed half-way).
    for (const suffix of ['', ...SQLITE_COMPANIONS]) rmSync(temp + suffix, { force: true });
    throw writeFailure(error, requested, options.keptNote);
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
