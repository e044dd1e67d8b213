/** One schema version. `sql` runs inside the migration transaction; it must not manage transactions itself. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
