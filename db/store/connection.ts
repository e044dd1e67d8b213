import Database from 'better-sqlite3';
import type { Db } from './db.ts';
import { assertOpenable, migrate } from './migrate.ts';
import { readFailure } from '../files/index.ts';

export type { Db };

export interface OpenOptions {
  /** Open without writing anything: no migration, no journal mode change. */
  readonly?: boolean;
  /** Refuse instead of creating a new file. */
  mustExist?: boolean;
}

/**
 * Opens (or creates) a brief file and brings it to the current schema.
 * Our own files only: a file from someone else goes through the hardened receive path.
 */
export function openStore(path: string, options: OpenOptions = {}): Db {
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.mustExist ?? false });
    // Identity first: a file that is not ours, or too new, must be refused before we change a byte of it.
    assertOpenable(db);
    if (!options.readonly) {
      // WAL: readers never block the writer and a crash mid-write leaves the last commit intact.
      // FULL: a commit that returned survives power loss too, not only a crashed process.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, { readonly: options.readonly ?? false });
    return db;
  } catch (error) {
    db?.close();
    throw readFailure(error) ?? error;
  }
}

/**
 * Closes a store so that it is one self-contained file: the WAL is checkpointed and
 * the journal switched back, so no -wal/-shm stays beside a file that is about to be handed on.
 */
export function closeAsSingleFile(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
}
