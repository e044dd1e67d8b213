import type { Db } from './db.ts';
import { APPLICATION_ID, MIGRATIONS } from './migrations/index.ts';
import { newerSchema, notABrief } from '../../common/errors.ts';
import type { Migration } from './migrations/types.ts';

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
 * Refuses a file that is not ours or is too new, before anything is written to it.
 * An empty database (a file we just created) passes.
 */
export function assertOpenable(db: Db, migrations: readonly Migration[] = MIGRATIONS): SchemaState {
  const state = readSchemaState(db);
  const fresh = state.applicationId === 0 && state.version === 0 && isEmptyDatabase(db);
  if (!fresh && state.applicationId !== APPLICATION_ID) throw notABrief();
  const latest = migrations.at(-1)?.version ?? 0;
  if (state.version > latest) throw newerSchema(state.version, latest);
  return state;
}

/**
 * Checks the file's identity and applies every pending migration in one transaction:
 * a failure part-way leaves the file exactly as it was.
 */
export function migrate(
  db: Db,
  { readonly = false, migrations = MIGRATIONS }: { readonly?: boolean; migrations?: readonly Migration[] } = {},
): SchemaState {
  const state = assertOpenable(db, migrations);

  const pending = migrations.filter((m) => m.version > state.version);
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
