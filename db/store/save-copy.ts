import { closeSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Db } from './db.ts';
import { replaceFileAtomically } from '../files/index.ts';

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
 * Save As: a clean, compact, self-contained copy of the store at `target`, without the undo history,
 * written by VACUUM INTO the temporary file of the one atomic replace (db/files): the old file or
 * the new one is at `target` whatever happens, never a mix.
 */
export function saveCopy(db: Db, target: string): void {
  replaceFileAtomically(
    target,
    (temp) => {
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
    },
    { keptNote: 'The last saved file is unchanged.' },
  );
}
