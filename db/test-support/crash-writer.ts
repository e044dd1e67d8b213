// Child process for the crash tests: commits edits in a loop and reports each one on stdout
// only after its commit returned, until the parent kills it with SIGKILL.
//   crash-writer.ts edits FILE        notes through the store (WAL, synchronous=FULL)
//   crash-writer.ts control FILE      the same rows with journal_mode=OFF, synchronous=OFF
//   crash-writer.ts save-as FILE OUT  an edit, then Save As to OUT, again and again
import { writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { BriefWriter } from '../edit/index.ts';
import { openStore, saveCopy, newId, now } from '../store/index.ts';

const [mode, file, out] = process.argv.slice(2);
const body = (n: number) => `Edit ${n}: ${'rare earth supply chain '.repeat(80)}`;
const report = (line: string) => writeSync(1, `${line}\n`);

if (mode === 'edits') {
  const db = openStore(file!);
  const writer = new BriefWriter(db, 'crash-test');
  for (let n = 0; ; n++) report(writer.addNote({ targetKind: 'brief', targetId: null, body: body(n) }));
} else if (mode === 'control') {
  // No journal and no syncing: what the test must be able to catch.
  const db = new Database(file!);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = 8');
  const briefId = db.prepare('SELECT id FROM brief LIMIT 1').pluck().get();
  const insert = db.prepare(`INSERT INTO notes (id, rev, created_at, updated_at, author, brief_id, target_kind, target_id, body)
    VALUES (?, ?, ?, ?, 'crash-test', ?, 'brief', NULL, ?)`);
  const batch = db.transaction((n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const id = newId();
      insert.run(id, newId(), now(), now(), briefId, body(n * 40 + i));
      ids.push(id);
    }
    return ids;
  });
  for (let n = 0; ; n++) for (const id of batch(n)) report(id);
} else if (mode === 'save-as') {
  const db = openStore(file!);
  const writer = new BriefWriter(db, 'crash-test');
  for (let n = 0; ; n++) {
    writer.addNote({ targetKind: 'brief', targetId: null, body: body(n) });
    saveCopy(db, out!);
    report(String(db.prepare('SELECT count(*) FROM notes').pluck().get()));
  }
}
