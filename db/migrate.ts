import type { Db } from './connection.ts';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './migrations/index.ts';
import { newerSchema, notABrief } from './errors.ts';

export interface SchemaState {
  applicationId: number;
  version: number;
}

export function readSchemaState(db: Db): SchemaState {
  return {
    applicationId: db.pragma('application_id', { simple: true }) as number,
    version: db.pragma('user_version', { simple: true }) as number,
  };
}

function isEmptyDatabase(db: Db): boolean {
  return db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() === 0;
}

/**
 * Checks the file's identity and applies every pending migration in one transaction:
 * a failure part-way leaves the file exactly as it was.
 */
export function migrate(db: Db, { readonly = false } = {}): SchemaState {
  const state = readSchemaState(db);
  const fresh = state.applicationId === 0 && state.version === 0 && isEmptyDatabase(db);
  if (!fresh && state.applicationId !== APPLICATION_ID) throw notABrief();
  if (state.version > SCHEMA_VERSION) throw newerSchema(state.version, SCHEMA_VERSION);

  const pending = MIGRATIONS.filter((m) => m.version > state.version);
  if (pending.length === 0 || readonly) return state;

  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      // Pragmas cannot take bound parameters; both values are integers from our own code.
      db.pragma(`user_version = ${migration.version}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  })();
  return readSchemaState(db);
}
