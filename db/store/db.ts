import type Database from 'better-sqlite3';

/** An open store: a better-sqlite3 connection to one of our files. */
export type Db = Database.Database;
