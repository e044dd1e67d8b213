import { type Db, ITEM_TABLES } from '../store/index.ts';

/** The naive "merge" a user might reach for: copy every row of another file over ours. The benchmark's baseline. */
export function copyAllRows(db: Db, otherPath: string): void {
  db.prepare('ATTACH DATABASE ? AS other').run(otherPath);
  try {
    db.transaction(() => {
      for (const table of ITEM_TABLES) db.exec(`INSERT OR REPLACE INTO main.${table} SELECT * FROM other.${table}`);
    })();
  } finally {
    db.exec('DETACH DATABASE other');
  }
}

/** Save As by hand: VACUUM INTO, without the fsync and rename. The benchmark's baseline. */
export function vacuumInto(db: Db, target: string): void {
  db.prepare('VACUUM INTO ?').run(target);
}
