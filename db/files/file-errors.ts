import { basename } from 'node:path';
import { notABrief, StoreError } from '../../common/errors.ts';

// The one place where what the operating system or SQLite says about a file (an errno or an
// SQLITE_* code) becomes the sentence a user reads. Reading and writing are told apart, because
// the advice differs: a file we cannot read needs a fresh copy; a place we cannot write needs
// another folder. Anything not recognised is left for the caller (returned as null).

const codeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
};

/** A file being opened or received could not be read: not a database, damaged, or unreadable. */
export function readFailure(error: unknown): StoreError | null {
  if (error instanceof StoreError) return error;
  const code = codeOf(error);
  if (code === 'SQLITE_NOTADB') return notABrief('it is not a database SQLite can read');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_IOERR_SHORT_READ')
    return new StoreError('damaged', 'This file is damaged; ask the sender for a fresh copy.');
  if (code === 'SQLITE_CANTOPEN' || code === 'ENOENT' || code === 'EACCES') {
    return new StoreError('not-found', 'This file cannot be opened: check that it exists and that you may read it.');
  }
  return null;
}

/**
 * A file could not be written at `target`. `keptNote` is what the user should know stayed safe
 * ("The last saved file is unchanged."). Always answers: an unknown failure names its cause.
 */
export function writeFailure(error: unknown, target: string, keptNote = ''): StoreError {
  if (error instanceof StoreError) return error;
  const folder = target.slice(0, target.length - basename(target).length - 1) || '.';
  const code = codeOf(error);
  const tail = keptNote ? ` ${keptNote}` : '';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') {
    return new StoreError('save-failed', `Briefing Desk may not write to ${folder}; choose another folder.${tail}`);
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT') {
    return new StoreError('save-failed', `The disk holding ${folder} is full; free some space and try again.${tail}`);
  }
  return new StoreError('save-failed', `${basename(target)} could not be written (${(error as Error).message}).${tail}`);
}

/** Refuses a target whose folder is missing, before anything is written. */
export function missingFolder(folder: string): StoreError {
  return new StoreError('save-failed', `The folder ${folder} does not exist; choose another place.`);
}
