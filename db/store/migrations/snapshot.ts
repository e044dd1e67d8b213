import Database from 'better-sqlite3';
import { MIGRATIONS } from './index.ts';

/** The schema a store has after the migrations up to `version`, as sorted plain data: what a snapshot holds. */
export function schemaAfter(version: number): { type: string; name: string; tbl_name: string; sql: string | null }[] {
  const db = new Database(':memory:');
  try {
    for (const migration of MIGRATIONS.filter((m) => m.version <= version)) db.exec(migration.sql);
    return schemaOf(db);
  } finally {
    db.close();
  }
}

export function schemaOf(db: Database.Database): { type: string; name: string; tbl_name: string; sql: string | null }[] {
  return db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
    type: string;
    name: string;
    tbl_name: string;
    sql: string | null;
  }[];
}
