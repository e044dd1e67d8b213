import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeBriefFile } from './brief-files.ts';

/** A damaged or hostile file, built by the tests themselves, and how it must be refused. */
export interface HostileFile {
  name: string;
  path: string;
  code: string;
  message: RegExp;
}

/** Opens a copy of a good brief with plain SQLite (no checks of ours) to plant something in it. */
function tamper(good: string, path: string, sql: string, pragmas: string[] = []): string {
  copyFileSync(good, path);
  const db = new Database(path);
  for (const pragma of pragmas) db.pragma(pragma);
  db.exec(sql);
  db.pragma('journal_mode = DELETE');
  db.close();
  return path;
}

export function buildHostileCorpus(dir: string): HostileFile[] {
  const good = join(dir, 'good.sqlite');
  makeBriefFile(good);
  const at = (name: string) => join(dir, name);

  writeFileSync(at('random.sqlite'), Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
  writeFileSync(
    at('page.sqlite'),
    `<!doctype html>\n<html><head><title>Download</title></head><body>${'<p>Not a database.</p>'.repeat(300)}</body></html>`,
  );

  copyFileSync(good, at('truncated.sqlite'));
  truncateSync(at('truncated.sqlite'), Math.floor(readFileSync(good).length / 2));

  const corrupt = readFileSync(good);
  const pageSize = corrupt.readUInt16BE(16);
  corrupt.fill(0x5a, pageSize * 2 + 8, pageSize * 3);
  writeFileSync(at('corrupt-page.sqlite'), corrupt);

  const other = new Database(at('other-app.sqlite'));
  other.exec("CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('A', '1');");
  other.close();

  tamper(good, at('trigger.sqlite'), 'CREATE TRIGGER wipe_notes AFTER INSERT ON claims BEGIN DELETE FROM notes; END;');
  tamper(good, at('view-for-table.sqlite'), 'DROP TABLE note_tags; CREATE VIEW note_tags AS SELECT * FROM notes;');
  tamper(
    good,
    at('runaway-view.sqlite'),
    'CREATE VIEW forever AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n;',
  );
  tamper(good, at('extra-column.sqlite'), 'ALTER TABLE notes ADD COLUMN payload TEXT;');
  tamper(good, at('future.sqlite'), 'SELECT 1;', ['user_version = 7']);

  copyFileSync(good, at('with-wal.sqlite'));
  writeFileSync(at('with-wal.sqlite-wal'), Buffer.alloc(4096, 1));
  writeFileSync(at('empty.sqlite'), '');

  return [
    { name: 'not SQLite at all', path: at('random.sqlite'), code: 'not-a-brief', message: /not a database at all/ },
    { name: 'an HTML page renamed .sqlite', path: at('page.sqlite'), code: 'not-a-brief', message: /web page/ },
    { name: 'a truncated file', path: at('truncated.sqlite'), code: 'incomplete', message: /incomplete \(\d+ of \d+ bytes\)/ },
    { name: 'a file with a corrupted page', path: at('corrupt-page.sqlite'), code: 'damaged', message: /damaged \(page \d+ of \d+\)/ },
    { name: 'a SQLite file of another application', path: at('other-app.sqlite'), code: 'not-a-brief', message: /another application/ },
    {
      name: 'our schema with a planted trigger',
      path: at('trigger.sqlite'),
      code: 'untrusted-code',
      message: /database code \(trigger "wipe_notes"\)/,
    },
    {
      name: 'a view in place of a table',
      path: at('view-for-table.sqlite'),
      code: 'untrusted-code',
      message: /database code \(view "note_tags"\)/,
    },
    {
      name: 'a view with a runaway recursive query',
      path: at('runaway-view.sqlite'),
      code: 'untrusted-code',
      message: /database code \(view "forever"\)/,
    },
    {
      name: 'a table with an extra column',
      path: at('extra-column.sqlite'),
      code: 'unexpected-schema',
      message: /table "notes" is not one Briefing Desk makes/,
    },
    {
      name: 'a future schema version',
      path: at('future.sqlite'),
      code: 'newer-schema',
      message: /newer Briefing Desk \(schema 7\); update the app/,
    },
    {
      name: 'a -wal file planted beside the file',
      path: at('with-wal.sqlite'),
      code: 'journal-beside',
      message: /"wal" file lies beside this file/,
    },
    { name: 'a 0-byte file', path: at('empty.sqlite'), code: 'empty', message: /empty \(0 bytes\)/ },
  ];
}
