import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { StoreError } from '../../db/errors.ts';

/**
 * Writes a whole file or nothing: into a temporary file beside the target, fsync, rename over it.
 * A failure leaves no partial file and the previous one, if any, untouched.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): number {
  const folder = dirname(target);
  if (!existsSync(folder)) throw new StoreError('save-failed', `The folder ${folder} does not exist; choose another place.`);
  const temp = join(folder, `.${basename(target)}.${randomBytes(4).toString('hex')}.part`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    return bytes.byteLength;
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as { code?: string }).code ?? '';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new StoreError('save-failed', `Briefing Desk may not write to ${folder}; choose another folder.`);
    }
    if (code === 'ENOSPC') throw new StoreError('save-failed', `The disk holding ${folder} is full; free some space and try again.`);
    throw new StoreError('save-failed', `${basename(target)} could not be written (${(error as Error).message}).`);
  }
}
