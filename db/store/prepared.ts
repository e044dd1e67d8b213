import type { Statement } from 'better-sqlite3';
import type { Db } from './db.ts';

const STATEMENTS = new WeakMap<Db, Map<string, Statement>>();

/**
 * A statement prepared once per connection. Code that runs many times over one store (a session
 * merges, and lists its conflicts, again and again) must not prepare afresh each time: the
 * statements pile up on the connection until it closes, and SQLite walks them all on every ATTACH
 * and DETACH, so each merge got slower than the last. Statements that read an attached file are
 * prepared again by SQLite itself when a later merge attaches another.
 */
export function prepared(db: Db, sql: string): Statement {
  let statements = STATEMENTS.get(db);
  if (!statements) STATEMENTS.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
