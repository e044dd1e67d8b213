import { rmSync } from 'node:fs';

/** Every file SQLite may keep beside a database: the write-ahead log, its index, the rollback journal. */
export const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'] as const;

/** Removes a database file we made and whatever SQLite kept beside it. Never call it on a file someone gave us. */
export function removeSqliteFile(path: string): void {
  for (const suffix of ['', ...SQLITE_COMPANIONS]) rmSync(path + suffix, { force: true });
}
