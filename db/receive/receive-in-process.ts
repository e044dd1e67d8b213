import { chmodSync, closeSync, copyFileSync, existsSync, mkdtempSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, migrate, SCHEMA_VERSION, ITEM_TABLES, rebuildSearchIndex } from '../store/index.ts';
import { StoreError } from '../../common/errors.ts';
import { removeSqliteFile } from '../files/index.ts';
import { checkReceivedBytes, inspectPrivateCopy } from './inspect.ts';

export interface ReceivedBrief {
  /** The schema version the file was made with; older ones were migrated on the private copy. */
  schemaVersion: number;
  migrated: boolean;
  output: string;
}

/** Every table whose rows a received brief hands over. */
const COPIED_TABLES = [...ITEM_TABLES, 'row_ancestors', 'merge_conflicts'] as const;

/**
 * The hardened open of DESIGN.md section 4, start to end, in this process (the caller runs it
 * in a child process with a time limit). The received file is only ever read; its rows end up
 * in a new store at `output` that this function creates and migrates itself.
 */
export function receiveInProcess(source: string, output: string): ReceivedBrief {
  checkReceivedBytes(source);
  if (existsSync(output)) throw new StoreError('exists', `${output} already exists.`);

  const privateDir = mkdtempSync(join(tmpdir(), 'briefing-receive-'));
  chmodSync(privateDir, 0o700);
  const copy = join(privateDir, 'received.sqlite');
  const partial = join(dirname(output), `.${process.pid}.receiving.sqlite`);
  try {
    // Only the main file: a -wal or -journal from outside never comes along.
    copyFileSync(source, copy);
    forceRollbackJournal(copy);
    const inspected = inspectPrivateCopy(copy);

    if (inspected.schemaVersion < SCHEMA_VERSION) {
      const older = new Database(copy, { fileMustExist: true });
      try {
        older.pragma('trusted_schema = OFF');
        migrate(older);
      } finally {
        older.close();
      }
    }

    const db = openStore(partial);
    try {
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
    rmSync(privateDir, { recursive: true, force: true });
    removeSqliteFile(partial);
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
