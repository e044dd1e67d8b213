import { basename } from 'node:path';
import { notABrief, StoreError } from '../../common/errors.ts';

// The one place where what the operating system or SQLite says about a file (an errno or an
// SQLITE_* code) becomes the sentence a user reads. Reading and writing are told apart, because
// the advice differs: a file we cannot read needs a fresh copy; a place we cannot write needs
// another folder. readFailure leaves anything it does not recognise to the caller (null);
// receiveFailure, the receive's last word, always answers.

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
  if (code === 'SQLITE_CANTOPEN' || code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM') {
    return new StoreError('not-found', 'This file cannot be opened: check that it exists and that you may read it.');
  }
  if (code === 'EISDIR') return new StoreError('not-a-brief', 'This is a folder, not a brief file; choose the .sqlite file inside it.');
  return null;
}

/** JavaScript's own "too much": a string, an array or the stack outgrown by what a file holds. */
const isOutOfMemory = (error: unknown): boolean =>
  error instanceof RangeError && /Maximum call stack|Invalid string length|Invalid array length|allocation failed/.test(error.message);

/**
 * The receive's check of a file (db/receive) failed: what readFailure knows, and what only copying
 * a file's rows into a store of ours can run into. Always answers: the check's last word to the
 * user is a sentence, never SQLite's or JavaScript's message.
 */
export function receiveFailure(error: unknown): StoreError {
  const known = readFailure(error);
  if (known) return known;
  const code = codeOf(error);
  // A row that breaks a NOT NULL, CHECK, UNIQUE or foreign key rule, or a value of the wrong type:
  // a file Briefing Desk wrote never holds one.
  if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH') {
    return new StoreError(
      'damaged',
      'This file holds rows that break the rules of a Briefing Desk brief, so it was not opened; ask the sender to save it again from Briefing Desk.',
    );
  }
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') {
    return new StoreError('save-failed', 'There is not enough free disk space to check this file; free some space and try again.');
  }
  if (code === 'SQLITE_TOOBIG' || code.startsWith('SQLITE_NOMEM') || code === 'ERR_STRING_TOO_LONG' || isOutOfMemory(error)) {
    return new StoreError(
      'damaged',
      'This file holds more than Briefing Desk can check at once, so it was not opened; ask the sender to save it again from Briefing Desk.',
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError('damaged', 'This file is being written by another program; close it there and try again.');
  }
  return new StoreError('damaged', 'This file could not be read; ask the sender for a fresh copy.');
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
