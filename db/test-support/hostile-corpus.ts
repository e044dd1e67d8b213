import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BriefWriter } from '../edit/index.ts';
import { BriefStore } from '../read/index.ts';
import { APPLICATION_ID, ITEM_TABLES, MIGRATIONS, openStore, saveCopy } from '../store/index.ts';
import { RECEIVE_SIZE_LIMIT_BYTES, RECEIVE_VALUE_LIMIT_BYTES } from '../receive/index.ts';
import { makeBriefFile } from './brief-files.ts';
import { defaultExportOptions } from '../export/index.ts';

// Damaged, hostile and merely strange files, built by the tests themselves (nothing large is
// committed): every way a file handed to Briefing Desk can be wrong, by class. The receive must
// refuse some of them with their own sentence; the others it receives, and whatever text they
// hold must then be shown safely.

/** A damaged or hostile file, built by the tests themselves, and how it must be refused. */
export type CorpusClass = 'not a brief' | 'beside the file' | 'not a regular file' | 'hostile schema' | 'hostile data' | 'sound';

/** One file of the adversarial corpus. */
export interface CorpusFile {
  name: string;
  class: CorpusClass;
  path: string;
  /** How the receive refuses it; absent for a file the receive takes in (its text must then be shown safely). */
  refused?: { code: string; message: RegExp };
}

/**
 * Text with everything a terminal or a reader could be fooled by: an OSC title, an erase-line, a
 * carriage return and a newline forging a "Merged nothing" line, C1 controls (CSI, NEL), bidi
 * overrides and isolates, invisible formatting, NUL, DEL and backspace.
 */
export const HOSTILE_TEXT =
  '\x1b]0;pwned\x07\x1b[2K\rMerged nothing.\nbriefing: all good\u009b2J\u0085\u202egnp.exe\u2066x\u2069\u200b\u200f\ufeff\u00ad\u2028\x00\x7f\x08';

/** Characters that must never reach a terminal from a file: ESC, C0 but the line break, C1, bidi controls, invisible formatting. */
export const UNSAFE_FOR_TERMINAL = new RegExp(
  String.raw`[\x00-\x09\x0b-\x1f\x7f-\x9f\xad\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff\u{e0000}-\u{e007f}]`,
  'u',
);

/** What a raw SQLite or JavaScript error looks like: none of it may reach a user. */
export const RAW_ERROR_WORDING =
  /SQLITE_|constraint failed|no such (table|column)|syntax error|TypeError|ReferenceError|RangeError|SyntaxError|Cannot read prop|at .*\.ts:\d+|malformed|cannot modify .* because it is a view|UTF-16|Unexpected token|is not valid JSON|Maximum call stack/;

/** Opens a copy of a good brief with plain SQLite (no checks of ours) to plant something in it. */
function tamper(good: string | URL, path: string, sql: string | ((db: Database.Database) => void), pragmas: string[] = []): string {
  copyFileSync(good, path);
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  for (const pragma of pragmas) db.pragma(pragma);
  if (typeof sql === 'string') db.exec(sql);
  else sql(db);
  db.pragma('journal_mode = DELETE');
  db.close();
  return path;
}

/** The text columns of an item table that no CHECK, key or reference constrains: what a hostile sender fills freely. */
function freeTextColumns(db: Database.Database, table: string): string[] {
  const fixed = new Set([
    ...['id', 'rev', 'deleted_at', 'target_kind', 'target_id', 'comparator', 'as_of', 'confidence', 'colour'],
    // Schema v5: closed vocabularies, and the export settings (JSON the receive reads; hostile variants of it are their own files).
    ...['likelihood', 'stance', 'reliability', 'credibility', 'options'],
    // Schema v6: a source's file (hash, format, name, import time) and short name, held to their
    // lengths by the receive (hostile variants of them are their own files).
    ...['file_sha256', 'file_format', 'file_name', 'imported_at', 'short_name'],
  ]);
  return (db.pragma(`table_info(${table})`) as { name: string; type: string }[])
    .filter((c) => c.type === 'TEXT' && !fixed.has(c.name) && !c.name.endsWith('_id'))
    .map((c) => c.name);
}

/** Sets every free text column of every item table to `value(column)`; with `forgeRevisions`, every row gets a new revision. */
function rewriteText(
  db: Database.Database,
  value: (quoted: string) => string,
  forgeRevisions: 'keep' | 'forge' | 'forge-with-history',
): void {
  for (const table of ITEM_TABLES) {
    const sets = freeTextColumns(db, table).map((c) => `"${c}" = ${value(`coalesce("${c}", '')`)}`);
    if (forgeRevisions === 'forge-with-history')
      db.prepare(`INSERT OR IGNORE INTO row_ancestors (table_name, row_id, rev) SELECT ?, id, rev FROM ${table}`).run(table);
    if (forgeRevisions !== 'keep') sets.push(`rev = :evil || id`);
    if (sets.length > 0) db.prepare(`UPDATE ${table} SET ${sets.join(', ')}`).run({ evil: HOSTILE_TEXT });
  }
}

/**
 * A brief with something in every table: the embedded brief, a tagged note, a highlight, an
 * assessment, a renamed colour, a bottom line, key judgments with evidence, grades of the source
 * and of a reference, and export settings.
 */
function makeRichBrief(path: string): void {
  const scratch = `${path}.scratch.sqlite`;
  makeBriefFile(scratch, 'sender');
  const db = openStore(scratch);
  try {
    const writer = new BriefWriter(db, 'sender');
    const brief = new BriefStore(db).getBrief()!;
    const claim = brief.themes[0]!.claims.find((c) => c.citations.length > 0)!;
    const source = brief.sources[0]!;
    writer.apply({ kind: 'note.add', targetKind: 'claim', targetId: claim.id, body: 'A note on the first claim.', tags: ['evidence'] });
    writer.apply({ kind: 'highlight.add', targetKind: 'claim', targetId: claim.id, start: 0, end: 4, colour: 'yellow', comment: 'Key' });
    writer.apply({ kind: 'claim.assess', id: claim.id, confidence: 'moderate', judgement: 'Plausible.' });
    writer.apply({ kind: 'palette.rename', colour: 'red', meaning: 'Doubtful' });
    writer.apply({ kind: 'brief.bottomLine', text: 'Russia will likely reduce its reliance on Chinese rare earths.' });
    const judgment = writer.apply({
      kind: 'judgment.add',
      text: 'Magnet plants will be funded.',
      likelihood: 'likely',
      confidence: 'moderate',
    });
    writer.apply({ kind: 'judgment.add', text: 'Imports will fall.', likelihood: null, confidence: null });
    writer.apply({ kind: 'evidence.link', judgmentId: judgment.id, targetKind: 'claim', targetId: claim.id, stance: 'supports' });
    const indicator = brief.indicators[0]!.id;
    writer.apply({ kind: 'evidence.link', judgmentId: judgment.id, targetKind: 'indicator', targetId: indicator, stance: 'undercuts' });
    writer.apply({ kind: 'citation.grade', sourceId: source.id, marker: claim.citations[0]!.marker, reliability: 'B', credibility: '2' });
    writer.apply({ kind: 'source.grade', id: source.id, reliability: 'C', credibility: '3' });
    writer.apply({ kind: 'export.settings', options: defaultExportOptions(brief.title, 'sender', '2026-01-15') });
    // Schema v6: a second source read from a file, translations, a dismissed figure.
    const second = writer.apply({
      kind: 'source.add',
      receipt: null,
      provenance: { fileName: 'report.pdf', size: 1234, sha256: 'ab'.repeat(32), format: 'pdf', importedAt: '2026-01-15T10:00:00.000Z' },
      headline: 'Rare earth magnets in 2030',
      headlineLanguage: 'en',
      titleTranslation: null,
      shortName: 'Report',
      publisher: 'Institute',
      publishedOn: '2026-01-10',
      themes: [{ heading: 'Magnets', claims: ['Output will reach 5,000 tons by 2030 [4].'] }],
    });
    writer.apply({ kind: 'source.update', id: second.id, shortName: 'Magnet report', titleTranslation: 'Les aimants en 2030' });
    writer.apply({ kind: 'claim.translate', id: claim.id, translation: '俄罗斯的稀土储量' });
    writer.apply({ kind: 'figure.dismiss', claimId: claim.id, quote: claim.text.slice(0, 4) });
    saveCopy(db, path);
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(scratch + suffix, { force: true });
  }
}

/**
 * A copy of `good` in which every item was changed after it was made (new revisions, the old ones
 * kept as ancestors, some text changed): merged with a corpus file, every item the file changed too
 * becomes a conflict, so its text is printed.
 */
export function makePartnerCopy(good: string, path: string): string {
  return tamper(good, path, (db) => {
    for (const table of ITEM_TABLES) {
      db.prepare(`INSERT OR IGNORE INTO row_ancestors (table_name, row_id, rev) SELECT ?, id, rev FROM ${table}`).run(table);
      db.exec(`UPDATE ${table} SET rev = lower(hex(randomblob(16))), author = 'partner'`);
    }
    db.exec("UPDATE claims SET text = text || ' (partner)'; UPDATE brief SET title = title || ' (partner)'");
  });
}

/**
 * A file whose schema text says STRICT, but whose `themes` table was made without the word (and
 * given a text where a number belongs) before the bytes of the word were put back in place.
 */
function strictInName(good: string, path: string): void {
  // The same length as ") STRICT", inside the statement (SQLite keeps no comment after its last token).
  const marker = ' /*Xq*/)';
  tamper(good, path, (db) => {
    const table = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'themes'").pluck().get() as string;
    const index = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'themes_by_brief'").pluck().get() as string;
    db.exec('CREATE TABLE themes_aside AS SELECT * FROM themes; DROP TABLE themes;');
    db.exec(table.replace(/\) STRICT$/, marker));
    db.exec(index);
    db.exec('INSERT INTO themes SELECT * FROM themes_aside; DROP TABLE themes_aside;');
    db.exec("UPDATE themes SET position = 'first' WHERE rowid = (SELECT min(rowid) FROM themes)");
  });
  const bytes = readFileSync(path);
  const at = bytes.indexOf(marker, 0, 'latin1');
  if (at < 0 || bytes.indexOf(marker, at + 1, 'latin1') >= 0) throw new Error('The STRICT marker is not in the file exactly once.');
  bytes.write(') STRICT', at, 'latin1');
  writeFileSync(path, bytes);
}

/** A database whose text is stored as UTF-16, with our schema and identity. */
function utf16Brief(path: string): void {
  const db = new Database(path);
  db.pragma("encoding = 'UTF-16le'");
  for (const migration of MIGRATIONS) {
    db.exec(migration.sql);
    db.pragma(`user_version = ${migration.version}`);
  }
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.close();
}

/** The main file and the -wal of a brief in WAL mode whose last change lives only in the -wal. */
function withRealWal(good: string, path: string): void {
  const work = `${path}.work.sqlite`;
  copyFileSync(good, work);
  const db = new Database(work);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec("UPDATE brief SET title = 'Planted by the -wal'");
  copyFileSync(work, path);
  copyFileSync(`${work}-wal`, `${path}-wal`);
  db.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(work + suffix, { force: true });
}

const canMakeFifo = process.platform !== 'win32';

/** The size of the hostile bottom line: far over the receive's value limit. */
const HUGE_BOTTOM_LINE_BYTES = 100 * 1024 ** 2;

/**
 * Hostile rows in the tables of schema v5 (the bottom line, key judgments and their evidence,
 * grades, export settings): values off the closed vocabularies (planted past SQLite's own CHECK,
 * which the receive's quick_check finds), links to judgments or targets the file lacks, a value of
 * 100 MB, and export settings that are not JSON, nest deeply or do not fit an export.
 */
function analysisVariants(
  good: string,
  at: (name: string) => string,
  add: (cls: CorpusClass, name: string, path: string, refused?: CorpusFile['refused']) => void,
): void {
  const unchecked = ['ignore_check_constraints = ON'];
  const offVocabulary: [string, string, string, string][] = [
    [
      'likelihood-off-scale.sqlite',
      'a key judgment whose likelihood is not on the scale',
      "UPDATE judgments SET likelihood = 'probably';",
      'judgments',
    ],
    [
      'stance-unknown.sqlite',
      'evidence that neither supports nor undercuts',
      "UPDATE evidence_links SET stance = 'ignores';",
      'evidence_links',
    ],
    ['reference-grade-off-scale.sqlite', 'a reference graded G', "UPDATE citation_grades SET reliability = 'G';", 'citation_grades'],
    ['source-grade-off-scale.sqlite', 'a source graded 7', "UPDATE sources SET credibility = '7';", 'sources'],
    [
      'source-hash-not-hex.sqlite',
      'a source whose file hash is not a SHA-256',
      "UPDATE sources SET file_sha256 = 'zz' || substr(file_sha256, 3) WHERE file_sha256 IS NOT NULL;",
      'sources',
    ],
    ['source-format-unknown.sqlite', 'a source read from an unknown format', "UPDATE sources SET file_format = 'exe';", 'sources'],
    [
      'source-short-name-huge.sqlite',
      'a source whose short name (printed beside each of its numbers) is 100,000 characters',
      "UPDATE sources SET short_name = replace(hex(zeroblob(50000)), '00', 'ab');",
      'sources',
    ],
    [
      'claim-translation-huge.sqlite',
      'a claim translation longer than a claim may be',
      "UPDATE claims SET translation = replace(hex(zeroblob(20001)), '00', 'ab');",
      'claims',
    ],
  ];
  for (const [name, what, sql, table] of offVocabulary) {
    tamper(good, at(name), sql, unchecked);
    add('hostile data', what, at(name), { code: 'damaged', message: new RegExp(`cannot hold \\(in "${table}"\\)`) });
  }
  tamper(
    good,
    at('evidence-missing-judgment.sqlite'),
    `INSERT INTO evidence_links (id, created_at, updated_at, author, rev, judgment_id, target_kind, target_id, stance)
     SELECT '00000000-0000-4000-8000-0000000000e1', '2000-01-01', '2000-01-01', 'x', 'r', '00000000-0000-4000-8000-0000000000e2', 'claim', id, 'supports'
     FROM claims LIMIT 1;`,
  );
  add('hostile data', 'evidence for a key judgment the file lacks', at('evidence-missing-judgment.sqlite'), {
    code: 'damaged',
    message: /an item in "evidence_links" refers to one missing from "judgments"/,
  });
  tamper(good, at('theme-missing-source.sqlite'), "UPDATE themes SET source_id = '00000000-0000-4000-8000-0000000000e4';");
  add('hostile data', 'a theme read from a source the file lacks', at('theme-missing-source.sqlite'), {
    code: 'damaged',
    message: /an item in "themes" refers to one missing from "sources"/,
  });
  const danglingEvidence = { code: 'damaged', message: /key judgments rest on a claim or indicator the file lacks/ };
  tamper(good, at('evidence-missing-target.sqlite'), "UPDATE evidence_links SET target_id = '00000000-0000-4000-8000-0000000000e3';");
  add('hostile data', 'evidence naming a claim the file lacks', at('evidence-missing-target.sqlite'), danglingEvidence);
  tamper(good, at('evidence-wrong-kind.sqlite'), "UPDATE evidence_links SET target_kind = 'indicator' WHERE target_kind = 'claim';");
  add('hostile data', 'evidence naming a claim as an indicator', at('evidence-wrong-kind.sqlite'), danglingEvidence);
  tamper(good, at('huge-bottom-line.sqlite'), (db) =>
    db.prepare('UPDATE brief SET bottom_line = ?').run('Bottom line. '.repeat(Math.ceil(HUGE_BOTTOM_LINE_BYTES / 13))),
  );
  add('hostile data', 'a bottom line of 100 MB', at('huge-bottom-line.sqlite'), {
    code: 'damaged',
    message: /holds a value of \d+ MB in "brief"/,
  });
  const unreadableSettings = { code: 'damaged', message: /holds export settings Briefing Desk cannot read/ };
  const settings: [string, string, (options: string) => string][] = [
    ['settings-not-json.sqlite', 'export settings that are not JSON', () => '{"title": "Brief", '],
    [
      'settings-deep.sqlite',
      'export settings with deeply nested JSON',
      (options) => `${options.slice(0, -1)},"extra":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    ],
    [
      'settings-wrong-shape.sqlite',
      'export settings an export does not accept',
      (options) => JSON.stringify({ ...JSON.parse(options), paper: 'a3', marking: 7 }),
    ],
    ['settings-array.sqlite', 'export settings that are a list', () => '[[[[]]]]'],
  ];
  for (const [name, what, change] of settings) {
    tamper(good, at(name), (db) => {
      const options = db.prepare('SELECT options FROM export_settings').pluck().get() as string;
      db.prepare('UPDATE export_settings SET options = ?').run(change(options));
    });
    add('hostile data', what, at(name), unreadableSettings);
  }
}

/**
 * Every kind of file the receive meets: not a brief at all, something beside it, not a regular
 * file, a hostile schema, hostile data, and sound files. Built in `dir`, beside a good brief
 * (`good.sqlite`) and a partner copy (`partner.sqlite`) that are not part of the list.
 */
export function buildAdversarialCorpus(dir: string): CorpusFile[] {
  const good = join(dir, 'good.sqlite');
  makeRichBrief(good);
  makePartnerCopy(good, join(dir, 'partner.sqlite'));
  const at = (name: string) => join(dir, name);
  const files: CorpusFile[] = [];
  const add = (cls: CorpusClass, name: string, path: string, refused?: CorpusFile['refused']) =>
    files.push(refused ? { name, class: cls, path, refused } : { name, class: cls, path });

  // Not a brief: bytes that are not ours, damaged or cut short.
  writeFileSync(at('random.sqlite'), Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
  add('not a brief', 'not SQLite at all', at('random.sqlite'), { code: 'not-a-brief', message: /not a database at all/ });
  writeFileSync(
    at('page.sqlite'),
    `<!doctype html>\n<html><head><title>Download</title></head><body>${'<p>Not a database.</p>'.repeat(300)}</body></html>`,
  );
  add('not a brief', 'an HTML page renamed .sqlite', at('page.sqlite'), { code: 'not-a-brief', message: /web page/ });
  copyFileSync(good, at('truncated.sqlite'));
  truncateSync(at('truncated.sqlite'), Math.floor(readFileSync(good).length / 2));
  add('not a brief', 'a truncated file', at('truncated.sqlite'), { code: 'incomplete', message: /incomplete \(\d+ of \d+ bytes\)/ });
  const corrupt = readFileSync(good);
  const pageSize = corrupt.readUInt16BE(16);
  corrupt.fill(0x5a, pageSize * 2 + 8, pageSize * 3);
  writeFileSync(at('corrupt-page.sqlite'), corrupt);
  add('not a brief', 'a file with a corrupted page', at('corrupt-page.sqlite'), {
    code: 'damaged',
    message: /damaged \(page \d+ of \d+\)/,
  });
  const other = new Database(at('other-app.sqlite'));
  other.exec("CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('A', '1');");
  other.close();
  add('not a brief', 'a SQLite file of another application', at('other-app.sqlite'), {
    code: 'not-a-brief',
    message: /another application/,
  });
  writeFileSync(at('empty.sqlite'), '');
  add('not a brief', 'a 0-byte file', at('empty.sqlite'), { code: 'empty', message: /empty \(0 bytes\)/ });
  const forged = Buffer.alloc(4096, 0x41);
  readFileSync(good).copy(forged, 0, 0, 100);
  forged.writeUInt32BE(1, 28);
  writeFileSync(at('forged-header.sqlite'), forged);
  add('not a brief', 'a SQLite header over garbage', at('forged-header.sqlite'), {
    code: 'damaged',
    message: /damaged; ask the sender|not a database SQLite can read|structure does not check out/,
  });
  utf16Brief(at('utf16.sqlite'));
  add('not a brief', 'a database storing its text as UTF-16', at('utf16.sqlite'), {
    code: 'not-a-brief',
    message: /stores its text in an encoding Briefing Desk does not write/,
  });
  tamper(good, at('version-0.sqlite'), 'SELECT 1;', ['user_version = 0']);
  add('not a brief', 'our identity with no schema version', at('version-0.sqlite'), {
    code: 'not-a-brief',
    message: /has no Briefing Desk schema/,
  });

  // Beside the file: what SQLite would read from next to it.
  copyFileSync(good, at('with-wal.sqlite'));
  writeFileSync(at('with-wal.sqlite-wal'), Buffer.alloc(4096, 1));
  add('beside the file', 'a -wal file planted beside the file', at('with-wal.sqlite'), {
    code: 'journal-beside',
    message: /"wal" file lies beside this file/,
  });
  withRealWal(good, at('real-wal.sqlite'));
  add('beside the file', 'a real -wal holding a change the file does not have', at('real-wal.sqlite'), {
    code: 'journal-beside',
    message: /"wal" file lies beside this file/,
  });
  copyFileSync(good, at('with-journal.sqlite'));
  writeFileSync(at('with-journal.sqlite-journal'), Buffer.alloc(4096, 7));
  add('beside the file', 'a -journal file planted beside the file', at('with-journal.sqlite'), {
    code: 'journal-beside',
    message: /"journal" file lies beside this file/,
  });
  copyFileSync(good, at('with-shm.sqlite'));
  writeFileSync(at('with-shm.sqlite-shm'), Buffer.alloc(32768, 3));
  add('beside the file', 'a stray -shm beside a sound file', at('with-shm.sqlite'));
  const walHeader = readFileSync(good);
  walHeader[18] = 2;
  walHeader[19] = 2;
  writeFileSync(at('wal-mode.sqlite'), walHeader);
  add('beside the file', 'a sound file whose header says WAL mode', at('wal-mode.sqlite'));

  // Not a regular file: nothing to copy, or far too much.
  if (canMakeFifo) {
    execFileSync('mkfifo', [at('fifo.sqlite')]);
    add('not a regular file', 'a FIFO named .sqlite', at('fifo.sqlite'), { code: 'not-a-brief', message: /is not an ordinary file/ });
    symlinkSync('/dev/null', at('device.sqlite'));
    add('not a regular file', 'a link to a device', at('device.sqlite'), { code: 'not-a-brief', message: /is not an ordinary file/ });
  }
  mkdirSync(at('folder.sqlite'));
  writeFileSync(join(at('folder.sqlite'), 'inside.txt'), 'a folder, not a file');
  add('not a regular file', 'a folder named .sqlite', at('folder.sqlite'), {
    code: 'not-a-brief',
    message: /is a folder, not a brief file/,
  });
  // Sparse: the size is real, the disk holds almost nothing.
  copyFileSync(good, at('huge.sqlite'));
  truncateSync(at('huge.sqlite'), RECEIVE_SIZE_LIMIT_BYTES + 4096);
  add('not a regular file', 'a file over the size limit', at('huge.sqlite'), {
    code: 'not-a-brief',
    message: /larger than the 2 GB Briefing Desk receives/,
  });
  add('not a regular file', 'a path that does not exist', at('missing.sqlite'), { code: 'not-found', message: /does not exist/ });

  // Hostile schema: code, or a shape that is not ours.
  // Our schema, tampered with: [file, what it is, the SQL planted, how the receive refuses it].
  const tampered: [string, string, string, string, RegExp][] = [
    [
      'trigger.sqlite',
      'our schema with a planted trigger',
      'CREATE TRIGGER wipe_notes AFTER INSERT ON claims BEGIN DELETE FROM notes; END;',
      'untrusted-code',
      /database code \(trigger "wipe_notes"\)/,
    ],
    [
      'trigger-on-update.sqlite',
      'a trigger that fires on a merge',
      'CREATE TRIGGER keep_me AFTER UPDATE ON claims BEGIN DELETE FROM annotations; END;',
      'untrusted-code',
      /database code \(trigger "keep_me"\)/,
    ],
    [
      'trigger-escapes.sqlite',
      'a trigger named with terminal escapes',
      `CREATE TRIGGER "t${HOSTILE_TEXT.replaceAll('\x00', '')}" AFTER INSERT ON notes BEGIN SELECT 1; END;`,
      'untrusted-code',
      /database code \(trigger "t/,
    ],
    [
      'view-for-table.sqlite',
      'a view in place of a table',
      'DROP TABLE note_tags; CREATE VIEW note_tags AS SELECT * FROM notes;',
      'untrusted-code',
      /database code \(view "note_tags"\)/,
    ],
    [
      'runaway-view.sqlite',
      'a view with a runaway recursive query',
      'CREATE VIEW forever AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n;',
      'untrusted-code',
      /database code \(view "forever"\)/,
    ],
    [
      'runaway-tags.sqlite',
      'a runaway recursive view where the tags table belongs',
      `DROP TABLE note_tags; DROP TABLE tags;
     CREATE VIEW tags AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT printf('%036d', x) AS id, x AS name, NULL AS deleted_at FROM n;
     CREATE VIEW note_tags AS SELECT * FROM tags;`,
      'untrusted-code',
      /database code \(view "(tags|note_tags)"\)/,
    ],
    [
      'extra-column.sqlite',
      'a table with an extra column',
      'ALTER TABLE notes ADD COLUMN payload TEXT;',
      'unexpected-schema',
      /table "notes" is not one Briefing Desk makes/,
    ],
    [
      'extra-table.sqlite',
      'an extra table',
      'CREATE TABLE exfiltrate (x TEXT);',
      'unexpected-schema',
      /table "exfiltrate" is not one Briefing Desk makes/,
    ],
    [
      'extra-index.sqlite',
      'an extra index',
      'CREATE INDEX claims_by_text ON claims(text);',
      'unexpected-schema',
      /index "claims_by_text" is not one Briefing Desk makes/,
    ],
    ['missing-index.sqlite', 'a missing index', 'DROP INDEX claims_by_theme;', 'unexpected-schema', /lacks the "claims_by_theme" part/],
    ['missing-table.sqlite', 'a missing table', 'DROP TABLE palette;', 'unexpected-schema', /lacks the "palette" part/],
  ];
  for (const [name, what, sql, code, message] of tampered) {
    tamper(good, at(name), sql);
    add('hostile schema', what, at(name), { code, message });
  }
  tamper(good, at('future.sqlite'), 'SELECT 1;', ['user_version = 7']);
  add('hostile schema', 'a future schema version', at('future.sqlite'), {
    code: 'newer-schema',
    message: /newer Briefing Desk \(schema 7\); update the app/,
  });
  tamper(
    new URL('../fixtures/schema-v1.sqlite', import.meta.url),
    at('old-with-trigger.sqlite'),
    'CREATE TRIGGER old_trick AFTER UPDATE ON brief BEGIN SELECT 1; END;',
  );
  add('hostile schema', 'an older schema with a planted trigger', at('old-with-trigger.sqlite'), {
    code: 'untrusted-code',
    message: /database code \(trigger "old_trick"\)/,
  });

  // Hostile data: our exact schema, rows no Briefing Desk writes.
  tamper(good, at('escapes.sqlite'), (db) => rewriteText(db, (c) => `:evil || ${c} || :evil`, 'forge'));
  add('hostile data', 'terminal escapes in every text column, forged revisions', at('escapes.sqlite'));
  tamper(good, at('escapes-descended.sqlite'), (db) => rewriteText(db, (c) => `:evil || ${c}`, 'forge-with-history'));
  add('hostile data', 'terminal escapes in every text column, as a later version', at('escapes-descended.sqlite'));
  tamper(good, at('deep-json.sqlite'), (db) => {
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    rewriteText(db, () => `'${deep}'`, 'keep');
  });
  add('hostile data', 'deeply nested JSON in every text column', at('deep-json.sqlite'));
  tamper(good, at('long-text.sqlite'), (db) => {
    db.prepare('UPDATE brief SET title = ?').run(`${'Long title '.repeat(100_000)}${HOSTILE_TEXT}`);
    db.prepare('UPDATE claims SET text = ? WHERE rowid = (SELECT min(rowid) FROM claims)').run('claim '.repeat(700_000));
    db.prepare('UPDATE sources SET title_original = ?').run('source '.repeat(50_000));
  });
  add('hostile data', 'megabytes of text in one value, under the limit', at('long-text.sqlite'));
  tamper(good, at('oversized-value.sqlite'), (db) =>
    db.prepare('UPDATE notes SET body = ?').run('x'.repeat(RECEIVE_VALUE_LIMIT_BYTES + 1)),
  );
  add('hostile data', 'a value over the size limit', at('oversized-value.sqlite'), {
    code: 'damaged',
    message: /holds a value of \d+ MB in "notes"/,
  });
  tamper(
    good,
    at('second-brief.sqlite'),
    `INSERT INTO brief (id, created_at, updated_at, author, title, rev)
     VALUES ('00000000-0000-4000-8000-000000000000', '2000-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000Z', 'x', 'Second', 'r');`,
  );
  add('hostile data', 'a second brief row', at('second-brief.sqlite'), { code: 'damaged', message: /holds 2 briefs/ });
  tamper(
    good,
    at('dangling.sqlite'),
    `INSERT INTO claims (id, created_at, updated_at, author, theme_id, position, text, rev)
     VALUES ('00000000-0000-4000-8000-00000000000a', '2000-01-01', '2000-01-01', 'x', '00000000-0000-4000-8000-00000000000b', 0, 'Orphan', 'r');`,
  );
  add('hostile data', 'a row pointing at an item the file lacks', at('dangling.sqlite'), {
    code: 'damaged',
    message: /an item in "claims" refers to one missing from "themes"/,
  });
  tamper(good, at('forged-ancestors.sqlite'), (db) => {
    const insert = db.prepare('INSERT OR IGNORE INTO row_ancestors (table_name, row_id, rev) VALUES (?, ?, ?)');
    for (let i = 0; i < 2000; i++) insert.run(i % 2 ? 'claims' : 'sqlite_schema', `row-${i}`, `${HOSTILE_TEXT}${i}`);
    db.exec("UPDATE claims SET rev = ''");
  });
  add('hostile data', 'forged revisions and ancestors', at('forged-ancestors.sqlite'));
  tamper(good, at('strange-numbers.sqlite'), (db) => {
    db.exec('UPDATE observations SET value = 9e999 WHERE rowid = (SELECT min(rowid) FROM observations)');
    db.exec('UPDATE observations SET value = -9e999 WHERE rowid = (SELECT max(rowid) FROM observations)');
    db.exec('UPDATE themes SET position = 9223372036854775807 WHERE rowid = (SELECT min(rowid) FROM themes)');
    db.exec('UPDATE claims SET position = -5');
    db.exec('UPDATE citations SET char_offset = 4000000000, marker = 2000000000');
    db.exec('UPDATE annotations SET position_start = 0, position_end = 9000000000');
    db.exec('UPDATE judgments SET position = -9223372036854775808 WHERE rowid = (SELECT min(rowid) FROM judgments)');
    db.exec('UPDATE citation_grades SET marker = 2000000000');
  });
  add('hostile data', 'numbers out of every range', at('strange-numbers.sqlite'));
  tamper(
    good,
    at('bad-utf8.sqlite'),
    "UPDATE notes SET body = CAST(X'C0AF1B5B324BFFFE80E280AE' AS TEXT); UPDATE brief SET author = CAST(X'1B5D303B78079B' AS TEXT);",
  );
  add('hostile data', 'text that is not valid UTF-8', at('bad-utf8.sqlite'));
  const conflict = (name: string, theirsRow: string, table = 'claims') =>
    tamper(good, at(name), (db) => {
      const claim = db.prepare('SELECT id, rev FROM claims ORDER BY rowid LIMIT 1').get() as { id: string; rev: string };
      db.prepare(
        `INSERT INTO merge_conflicts (id, table_name, row_id, mine_rev, theirs_rev, theirs_row, theirs_author, theirs_updated_at, received_from, created_at)
         VALUES ('c0000000-0000-4000-8000-000000000000', ?, ?, ?, 'forged', ?, ?, ?, ?, '2000-01-01')`,
      ).run(table, claim.id, claim.rev, theirsRow, HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT);
    });
  conflict('conflict-not-json.sqlite', 'not json {');
  add('hostile data', 'a merge conflict that is not JSON', at('conflict-not-json.sqlite'), {
    code: 'damaged',
    message: /holds a merge conflict Briefing Desk cannot read/,
  });
  conflict('conflict-null.sqlite', 'null');
  add('hostile data', 'a merge conflict that is JSON null', at('conflict-null.sqlite'), {
    code: 'damaged',
    message: /holds a merge conflict Briefing Desk cannot read/,
  });
  conflict('conflict-deep.sqlite', `{"text": ${'['.repeat(5000)}${']'.repeat(5000)}}`);
  add('hostile data', 'a merge conflict of deeply nested JSON', at('conflict-deep.sqlite'), {
    code: 'damaged',
    message: /holds a merge conflict Briefing Desk cannot read/,
  });
  // A waiting version that would become a row on merge is held to that row's rules.
  conflict(
    'conflict-evidence-nowhere.sqlite',
    JSON.stringify({
      id: 'e0000000-0000-4000-8000-000000000000',
      judgment_id: 'a0000000-0000-4000-8000-000000000000',
      target_kind: 'claim',
      target_id: 'f0000000-0000-4000-8000-000000000000',
      stance: 'supports',
    }),
    'evidence_links',
  );
  add('hostile data', 'a waiting merge version of evidence for a claim the file lacks', at('conflict-evidence-nowhere.sqlite'), {
    code: 'damaged',
    message: /holds a merge conflict Briefing Desk cannot read/,
  });
  conflict(
    'conflict-settings.sqlite',
    JSON.stringify({ id: 'e0000000-0000-4000-8000-000000000001', options: '{"paper":"papyrus"}' }),
    'export_settings',
  );
  add('hostile data', 'a waiting merge version of export settings no export accepts', at('conflict-settings.sqlite'), {
    code: 'damaged',
    message: /holds a merge conflict Briefing Desk cannot read/,
  });
  conflict('conflict-table.sqlite', '{}', 'sqlite_schema');
  add('hostile data', 'a merge conflict about a table that is not ours', at('conflict-table.sqlite'), {
    code: 'damaged',
    message: /holds a merge conflict Briefing Desk cannot read/,
  });
  conflict('conflict-escapes.sqlite', JSON.stringify({ text: HOSTILE_TEXT, author: HOSTILE_TEXT, updated_at: HOSTILE_TEXT, position: 0 }));
  add('hostile data', 'an open merge conflict full of terminal escapes', at('conflict-escapes.sqlite'));
  analysisVariants(good, at, add);
  strictInName(good, at('wrong-types.sqlite'));
  add('hostile data', 'a text where a STRICT table holds numbers', at('wrong-types.sqlite'), {
    code: 'damaged',
    message: /holds values a Briefing Desk brief cannot hold/,
  });

  // Sound: these open, and nothing about them changes.
  copyFileSync(good, at('sound.sqlite'));
  add('sound', 'a sound brief', at('sound.sqlite'));
  if (process.platform !== 'win32') {
    symlinkSync(at('sound.sqlite'), at('link.sqlite'));
    add('sound', 'a link to a sound brief', at('link.sqlite'));
  }
  copyFileSync(new URL('../fixtures/schema-v1.sqlite', import.meta.url), at('schema-v1.sqlite'));
  add('sound', 'a brief of schema version 1', at('schema-v1.sqlite'));
  copyFileSync(new URL('../fixtures/schema-v4.sqlite', import.meta.url), at('schema-v4.sqlite'));
  add('sound', 'a brief of schema version 4 (assessed, highlighted, annotated)', at('schema-v4.sqlite'));
  copyFileSync(new URL('../fixtures/schema-v5.sqlite', import.meta.url), at('schema-v5.sqlite'));
  add(
    'sound',
    'a brief of schema version 5 (every edit kind of that version: judgments, evidence, grades, settings)',
    at('schema-v5.sqlite'),
  );
  return files;
}
