import Database from 'better-sqlite3';
import { MIGRATIONS } from '../store/index.ts';

export interface SchemaEntry {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const cache = new Map<number, Map<string, SchemaEntry>>();

/** `sqlite_schema` exactly as our migrations leave it at `version`, made in memory by running them. */
export function expectedSchema(version: number): Map<string, SchemaEntry> {
  let schema = cache.get(version);
  if (!schema) {
    const db = new Database(':memory:');
    try {
      for (const migration of MIGRATIONS.filter((m) => m.version <= version)) db.exec(migration.sql);
      schema = readSchema(db);
    } finally {
      db.close();
    }
    cache.set(version, schema);
  }
  return schema;
}

export function readSchema(db: Database.Database): Map<string, SchemaEntry> {
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema').all() as SchemaEntry[];
  return new Map(rows.map((row) => [row.name, row]));
}
