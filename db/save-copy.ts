import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './connection.ts';
import { StoreError } from './errors.ts';

function fsyncPath(path: string, flags = 'r'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function journalBytes(path: string): [number, number] {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(2);
    readSync(fd, bytes, 0, 2, 18);
    return [bytes[0]!, bytes[1]!];
  } finally {
    closeSync(fd);
  }
}

/**
 * Save As: a clean, compact, self-contained copy of the store at `target`, without the undo history.
 * VACUUM INTO a temporary file in the target's folder, fsync it, rename it over the target,
 * fsync the folder. A failure or a crash at any moment leaves either the old file or the new
 * one at `target`, never a mix; the temporary file is removed on failure.
 */
export function saveCopy(db: Db, target: string): void {
  const folder = dirname(target);
  if (!existsSync(folder)) {
    throw new StoreError('save-failed', `The folder ${folder} does not exist; choose another place to save.`);
  }
  const temp = join(folder, `.${basename(target)}.${randomBytes(4).toString('hex')}.saving`);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    const copy = new Database(temp);
    try {
      // The undo history is this working copy's, and may hold text the user has since deleted:
      // it does not travel. secure_delete overwrites its pages rather than leaving them free.
      copy.pragma('secure_delete = ON');
      copy.exec('DELETE FROM edit_history');
      // Never hand on a file in WAL mode: it would look for a -wal that does not travel with it.
      if (journalBytes(temp).some((b) => b !== 1)) copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncPath(temp, 'r+');
    renameSync(temp, target);
    if (process.platform !== 'win32') fsyncPath(folder);
  } catch (error) {
    rmSync(temp, { force: true });
    if (error instanceof StoreError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_CANTOPEN') {
      throw new StoreError('save-failed', `Briefing Desk may not write to ${folder}; choose another folder. The last saved file is unchanged.`);
    }
    if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
      throw new StoreError('save-failed', `The disk holding ${folder} is full; free some space and save again. The last saved file is unchanged.`);
    }
    throw new StoreError('save-failed', `The brief could not be saved to ${target} (${(error as Error).message}); the last saved file is unchanged.`);
  }
}
