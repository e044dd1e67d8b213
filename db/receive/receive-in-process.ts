import { closeSync, existsSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, migrate, SCHEMA_VERSION, rebuildSearchIndex } from '../store/index.ts';
import { StoreError } from '../../common/errors.ts';
import { removeSqliteFile } from '../files/index.ts';
import { COPIED_TABLES, inspectPrivateCopy, limitSqliteMemory, openReceivedFile } from './inspect.ts';

export interface ReceivedBrief {
  /** The schema version the file was made with; older ones were migrated on the private copy. */
  schemaVersion: number;
  migrated: boolean;
  output: string;
}

/** Where the check works: the private folder the parent made (and removes), and the partial store beside the output. */
export interface ReceiveWorkspace {
  privateDir: string;
  partial: string;
}

/**
 * The hardened open of DESIGN.md section 4, start to end, in this process (the caller runs it
 * in a child process with a time limit, and owns `privateDir` and `partial`: it removes them when
 * this process has ended, however it ended). The received file is only ever read; its rows end up
 * in a new store at `output` that this function creates and migrates itself.
 */
export function receiveInProcess(source: string, output: string, { privateDir, partial }: ReceiveWorkspace): ReceivedBrief {
  const opened = openReceivedFile(source);
  const copy = join(privateDir, 'received.sqlite');
  try {
    if (existsSync(output)) throw new StoreError('exists', `${output} already exists.`);
    // Only the main file, from the descriptor already checked: a -wal or -journal from outside never comes along.
    copyOpenFile(opened.fd, opened.size, copy);
  } finally {
    closeSync(opened.fd);
  }
  try {
    forceRollbackJournal(copy);
    const inspected = inspectPrivateCopy(copy);

    if (inspected.schemaVersion < SCHEMA_VERSION) {
      const older = new Database(copy, { fileMustExist: true });
      try {
        limitSqliteMemory(older);
        older.pragma('trusted_schema = OFF');
        migrate(older);
      } finally {
        older.close();
      }
    }

    const db = openStore(partial);
    try {
      limitSqliteMemory(db);
      db.pragma('trusted_schema = OFF');
      db.prepare('ATTACH DATABASE ? AS received').run(copy);
      db.transaction(() => {
        for (const table of COPIED_TABLES) {
          const columns = (db.pragma(`main.table_info(${table})`) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
          db.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM received.${table}`);
        }
        // The index is ours to build, never taken from the file.
        rebuildSearchIndex(db);
      })();
      db.exec('DETACH DATABASE received');
    } finally {
      db.close();
    }
    renameSync(partial, output);
    return { schemaVersion: inspected.schemaVersion, migrated: inspected.schemaVersion < SCHEMA_VERSION, output };
  } finally {
    // Space back as soon as possible; the parent removes the folder itself, whatever happened here.
    removeSqliteFile(copy);
    removeSqliteFile(partial);
  }
}

/** Copies `size` bytes from an open descriptor to a new private file (mode 0600). */
function copyOpenFile(fd: number, size: number, target: string): void {
  const out = openSync(target, 'wx', 0o600);
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    for (let position = 0; position < size;) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
      if (read === 0) {
        throw new StoreError(
          'incomplete',
          'This file became shorter while it was being checked; wait until it has been written in full, then try again.',
        );
      }
      writeSync(out, buffer, 0, read);
      position += read;
    }
  } finally {
    closeSync(out);
  }
}

/**
 * Header bytes 18 and 19 say "WAL mode" (2) or "rollback journal" (1). On our private copy we
 * set them to 1, so opening it never looks for, or creates, a -wal file.
 */
function forceRollbackJournal(copy: string): void {
  const fd = openSync(copy, 'r+');
  try {
    writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
  } finally {
    closeSync(fd);
  }
}
