import { closeSync, constants, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { parseJsonObject } from '../../common/json-object.ts';
import { CONFIDENCES, CREDIBILITIES, EVIDENCE_KINDS, LIKELIHOODS, RELIABILITIES, STANCES } from '../../common/vocabulary.ts';
import { SOURCE_FORMATS } from '../../common/parsed-source.ts';
import { LIMITS } from '../../common/limits.ts';
import { StoreError } from '../../common/errors.ts';
import { readFailure } from '../files/index.ts';
import { APPLICATION_ID, ITEM_TABLES, SCHEMA_VERSION, isItemTable, readExportSettings } from '../store/index.ts';
import { expectedSchema, readSchema } from './expected-schema.ts';

// Checks of a brief file someone else made. Everything here reads; nothing writes to the file
// it is given. The order matters: cheap checks of what the file is and of its bytes first (before
// any copy), then SQLite only on a private copy, and the schema is compared before any query
// could run code planted in it; the rows are looked at last.

/**
 * The largest file the receive copies. A brief of 10,000 claims and 100,000 highlights (the
 * largest the app is built and tested for) is about 60 MB; 2 GB leaves room for anything real,
 * while refusing at once, before a copy fills the temporary folder, what could never be copied,
 * checked and read within the receive's time limit anyway.
 */
export const RECEIVE_SIZE_LIMIT_BYTES = 2 * 1024 ** 3;

/**
 * The largest single value (a note, a claim, a title) the receive takes. The writer caps a note at
 * 2,000,000 characters (common/limits.ts), at most 8 MB of UTF-8; nothing Briefing Desk writes is
 * longer. A longer value would only cost memory: the search index is built over it in one piece.
 */
export const RECEIVE_VALUE_LIMIT_BYTES = 8 * 1024 ** 2;

/** SQLite's page cache per connection of the check, in KiB (32 MiB, in place of SQLite's default 2,000 pages or better-sqlite3's 16 MB). */
export const SQLITE_CACHE_KIB = 32 * 1024;

/** What SQLite may allocate in the check's process in all (it asks the OS for no more). */
export const SQLITE_HEAP_LIMIT_BYTES = 512 * 1024 ** 2;

/**
 * Keeps SQLite's memory in the check within bounds. cache_size bounds each connection's page
 * cache. hard_heap_limit bounds all of SQLite's allocations in this process, where SQLite keeps
 * memory statistics; better-sqlite3's build turns them off (SQLITE_DEFAULT_MEMSTATUS=0), so there
 * it is set but not enforced, and what bounds memory is the file size limit, the value size limit
 * (checked before the search index is built) and the time limit. Only for the check's own
 * process: the heap limit is process-wide.
 */
export function limitSqliteMemory(db: Database.Database): void {
  db.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  db.pragma(`hard_heap_limit = ${SQLITE_HEAP_LIMIT_BYTES}`);
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

const refuse = (code: ConstructorParameters<typeof StoreError>[0], message: string) => new StoreError(code, message);

/** A name from the file's schema, as quoted in a sentence: the file chose it, so it is cut short (the CLI and the app each show it safely). */
const named = (name: string) => (name.length > 80 ? `${name.slice(0, 80)}…` : name);

const notOrdinary = () =>
  refuse(
    'not-a-brief',
    'This is not an ordinary file (it is a pipe, a device or a socket), so Briefing Desk does not read it; save the brief as a file and choose that.',
  );
const tooLarge = (size: number) =>
  refuse(
    'not-a-brief',
    `This file is larger than the 2 GB Briefing Desk receives (it is ${size.toLocaleString('en')} bytes); a brief is rarely more than a few megabytes, so check that it is the right file.`,
  );
const empty = () => refuse('empty', 'This file is empty (0 bytes); ask the sender for a fresh copy.');

/**
 * What can be told of the file without opening it: that it exists, is an ordinary file, is not too
 * large or empty, and has no journal of unsaved changes beside it. Cheap, and it never blocks (a
 * FIFO is refused here, not opened), so the parent runs it before starting the check at all.
 */
export function checkReceivable(path: string): void {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw refuse('not-found', `${path} does not exist; check the path.`);
    throw readFailure(error) ?? refuse('not-found', 'This file cannot be opened: check that it exists and that you may read it.');
  }
  if (stat.isDirectory()) throw refuse('not-a-brief', 'This is a folder, not a brief file; choose the .sqlite file inside it.');
  if (!stat.isFile()) throw notOrdinary();
  for (const suffix of ['-wal', '-journal']) {
    if (existsSync(path + suffix)) {
      throw refuse(
        'journal-beside',
        `A "${suffix.slice(1)}" file lies beside this file, holding changes that were never saved into it; ask the sender to save the brief again from Briefing Desk and send only the .sqlite file.`,
      );
    }
  }
  if (stat.size > RECEIVE_SIZE_LIMIT_BYTES) throw tooLarge(stat.size);
  if (stat.size === 0) throw empty();
}

/** Checks on the header's 100 bytes: SQLite's, a whole number of pages, text stored as UTF-8. */
function checkHeader(header: Buffer, size: number): void {
  if (header.length < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) {
    const start = header.toString('latin1').trimStart().slice(0, 200).toLowerCase();
    if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<')) {
      throw refuse('not-a-brief', 'This is not a Briefing Desk file: it is a web page saved under a .sqlite name.');
    }
    throw refuse('not-a-brief', 'This is not a Briefing Desk file (it is not a database at all).');
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pagesInHeader = header.readUInt32BE(28);
  const headerCountValid = header.readUInt32BE(24) === header.readUInt32BE(92);
  const expected = headerCountValid ? pagesInHeader * pageSize : 0;
  if (pageSize < 512 || size % pageSize !== 0 || size < expected) {
    throw refuse(
      'incomplete',
      `This file is incomplete (${size} of ${expected || 'a whole number of pages of'} bytes); it may have been cut off in transfer. Ask the sender for a fresh copy.`,
    );
  }
  // 1 is UTF-8, what Briefing Desk writes; 2 and 3 are the two UTF-16s, which a store of ours cannot attach.
  if (header.readUInt32BE(56) !== 1) {
    throw refuse(
      'not-a-brief',
      'This file stores its text in an encoding Briefing Desk does not write; ask the sender to save it again from Briefing Desk.',
    );
  }
}

/**
 * Opens the received file for reading after checkReceivable, without blocking (O_NONBLOCK: a file
 * swapped for a FIFO since is not waited on), checks again what was opened, and its header. The
 * caller copies from the descriptor it returns and closes it.
 */
export function openReceivedFile(path: string): { fd: number; size: number } {
  checkReceivable(path);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw readFailure(error) ?? error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notOrdinary();
    if (stat.size > RECEIVE_SIZE_LIMIT_BYTES) throw tooLarge(stat.size);
    if (stat.size === 0) throw empty();
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    checkHeader(header.subarray(0, read), stat.size);
    return { fd, size: stat.size };
  } catch (error) {
    closeSync(fd);
    throw readFailure(error) ?? error;
  }
}

export interface InspectedFile {
  schemaVersion: number;
  pageCount: number;
}

/**
 * Opens the private copy read-only with SQLite's defences up and checks identity, schema and
 * integrity. Throws a StoreError whose message is the sentence the user sees.
 */
export function inspectPrivateCopy(copyPath: string): InspectedFile {
  let db: Database.Database | undefined;
  try {
    db = new Database(copyPath, { readonly: true, fileMustExist: true });
    limitSqliteMemory(db);
    db.pragma('trusted_schema = OFF');
    db.pragma('cell_size_check = ON');
    db.pragma('mmap_size = 0');

    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) {
      throw refuse('not-a-brief', 'This is a database of another application, not a Briefing Desk file.');
    }
    if (version > SCHEMA_VERSION) {
      throw refuse('newer-schema', `This file was made by a newer Briefing Desk (schema ${version}); update the app to open it.`);
    }
    if (version < 1) throw refuse('not-a-brief', 'This is not a Briefing Desk file (it has no Briefing Desk schema).');

    const actual = readSchema(db);
    const expected = expectedSchema(version);
    for (const entry of actual.values()) {
      const mine = expected.get(entry.name);
      if ((entry.type === 'trigger' || entry.type === 'view') && !(mine && mine.type === entry.type && mine.sql === entry.sql)) {
        throw refuse(
          'untrusted-code',
          `This file contains database code (${entry.type} "${named(entry.name)}") that Briefing Desk does not run; it was not opened.`,
        );
      }
    }
    for (const entry of actual.values()) {
      const mine = expected.get(entry.name);
      if (!mine || mine.type !== entry.type || mine.sql !== entry.sql) {
        throw refuse(
          'unexpected-schema',
          `This file's ${entry.type} "${named(entry.name)}" is not one Briefing Desk makes; it was not opened. Ask the sender to save it again from Briefing Desk.`,
        );
      }
    }
    for (const name of expected.keys()) {
      if (!actual.has(name)) {
        throw refuse(
          'unexpected-schema',
          `This file lacks the "${name}" part of a Briefing Desk brief; it was not opened. Ask the sender for a fresh copy.`,
        );
      }
    }

    const pageCount = db.pragma('page_count', { simple: true }) as number;
    const problems = db.pragma('quick_check(20)', { simple: false }) as { quick_check: string }[];
    if (problems.length !== 1 || problems[0]!.quick_check !== 'ok') {
      const found = problems.map((p) => p.quick_check).join('\n');
      // A value of the wrong type in a STRICT table, a NULL or a failed CHECK: the structure is sound, the rows are not ours.
      const rule = /(?:non-\w+ value|NULL value|CHECK constraint failed) in "?(\w+)/.exec(found);
      if (rule) {
        throw refuse(
          'damaged',
          `This file holds values a Briefing Desk brief cannot hold (in "${rule[1]}"); it was not opened. Ask the sender to save it again from Briefing Desk.`,
        );
      }
      const page = /[Pp]age (\d+)/.exec(found)?.[1];
      throw refuse(
        'damaged',
        `This file is damaged (${page ? `page ${page} of ${pageCount}` : 'its structure does not check out'}); ask the sender for a fresh copy.`,
      );
    }
    checkRows(db, actual);
    return { schemaVersion: version, pageCount };
  } catch (error) {
    throw readFailure(error) ?? error;
  } finally {
    db?.close();
  }
}

const among = (column: string, values: readonly string[]) =>
  `${column} IS NULL OR ${column} IN (${values.map((value) => `'${value}'`).join(', ')})`;

/**
 * The CHECK constraints of the tables and columns of schemas v5 and v6 (migrations 050, 060), checked by hand:
 * SQLite's quick_check does not evaluate CHECK constraints on a database opened read-only, as the
 * private copy is. The vocabularies are ours (common/vocabulary.ts), so writing them into SQL is safe.
 */
const RULES: Record<string, { column: string; holds: string }[]> = {
  sources: [
    { column: 'reliability', holds: among('reliability', RELIABILITIES) },
    { column: 'credibility', holds: among('credibility', CREDIBILITIES) },
    // Schema v6 (migration 060): where the source was read from.
    { column: 'file_size', holds: 'file_size IS NULL OR file_size >= 0' },
    { column: 'file_sha256', holds: "file_sha256 IS NULL OR (length(file_sha256) = 64 AND file_sha256 NOT GLOB '*[^0-9a-f]*')" },
    { column: 'file_format', holds: among('file_format', SOURCE_FORMATS) },
    // No longer than the writer lets them be: a short name stands beside every citation number it names.
    { column: 'short_name', holds: `short_name IS NULL OR length(short_name) <= ${LIMITS.shortText}` },
    { column: 'title_translation', holds: `title_translation IS NULL OR length(title_translation) <= ${LIMITS.claimChars}` },
    { column: 'file_name', holds: 'file_name IS NULL OR length(file_name) <= 1000' },
    { column: 'imported_at', holds: 'imported_at IS NULL OR length(imported_at) <= 1000' },
  ],
  claims: [{ column: 'translation', holds: `translation IS NULL OR length(translation) <= ${LIMITS.claimChars}` }],
  judgments: [
    { column: 'id', holds: 'length(id) = 36' },
    { column: 'likelihood', holds: among('likelihood', LIKELIHOODS) },
    { column: 'confidence', holds: among('confidence', CONFIDENCES) },
  ],
  evidence_links: [
    { column: 'id', holds: 'length(id) = 36' },
    { column: 'target_kind', holds: `target_kind IS NOT NULL AND (${among('target_kind', EVIDENCE_KINDS)})` },
    { column: 'target_id', holds: 'length(target_id) = 36' },
    { column: 'stance', holds: `stance IS NOT NULL AND (${among('stance', STANCES)})` },
  ],
  citation_grades: [
    { column: 'id', holds: 'length(id) = 36' },
    { column: 'marker', holds: 'marker >= 0' },
    { column: 'reliability', holds: among('reliability', RELIABILITIES) },
    { column: 'credibility', holds: among('credibility', CREDIBILITIES) },
  ],
  export_settings: [{ column: 'id', holds: 'length(id) = 36' }],
  dismissed_figures: [
    { column: 'id', holds: 'length(id) = 36' },
    // The words of a claim: no longer than a claim may be.
    { column: 'quote', holds: `length(quote) <= ${LIMITS.claimChars}` },
  ],
};

/** The tables whose rows a received brief hands over (their names are ours: the schema was compared first). */
export const COPIED_TABLES = [...ITEM_TABLES, 'row_ancestors', 'merge_conflicts'] as const;

/**
 * What quick_check does not look at: rows that are well formed but that Briefing Desk never
 * writes and the rest of the app trusts it not to: a value too large to index, a second brief, an
 * item that refers to one the file lacks, a merge conflict that is not a row of ours as JSON.
 */
function checkRows(db: Database.Database, schema: ReturnType<typeof readSchema>): void {
  const tables = COPIED_TABLES.filter((table) => schema.get(table)?.type === 'table');
  for (const table of tables) {
    const columns = (db.pragma(`table_info(${table})`) as { name: string; type: string }[]).filter(
      (c) => c.type !== 'INTEGER' && c.type !== 'REAL',
    );
    if (columns.length === 0) continue;
    // octet_length reads a value's size from its record header, not the value itself.
    const sizes = columns.map((c) => `coalesce(octet_length("${c.name}"), 0)`).join(', ');
    const largest = (db.prepare(`SELECT max(max(${sizes}, 0)) FROM "${table}"`).pluck().get() as number | null) ?? 0;
    if (largest > RECEIVE_VALUE_LIMIT_BYTES) {
      throw refuse(
        'damaged',
        `This file holds a value of ${Math.round(largest / 1024 ** 2)} MB in "${table}", more than Briefing Desk ever writes; it was not opened. Ask the sender to save it again from Briefing Desk.`,
      );
    }
  }

  for (const [table, rules] of Object.entries(RULES)) {
    if (!tables.includes(table as (typeof COPIED_TABLES)[number])) continue;
    const columns = new Set((db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name));
    const checked = rules.filter((rule) => columns.has(rule.column)).map((rule) => `(${rule.holds})`);
    if (checked.length > 0 && db.prepare(`SELECT 1 FROM "${table}" WHERE NOT (${checked.join(' AND ')}) LIMIT 1`).get()) {
      throw refuse(
        'damaged',
        `This file holds values a Briefing Desk brief cannot hold (in "${table}"); it was not opened. Ask the sender to save it again from Briefing Desk.`,
      );
    }
  }

  const briefs = db.prepare('SELECT count(*) FROM brief').pluck().get() as number;
  if (briefs > 1) {
    throw refuse(
      'damaged',
      `This file holds ${briefs} briefs, where a Briefing Desk file holds one; it was not opened. Ask the sender to save it again from Briefing Desk.`,
    );
  }

  const orphan = db.prepare('PRAGMA foreign_key_check').get() as { table: string; parent: string } | undefined;
  if (orphan) {
    throw refuse(
      'damaged',
      `This file's rows do not fit together (an item in "${orphan.table}" refers to one missing from "${orphan.parent}"); it was not opened. Ask the sender to save it again from Briefing Desk.`,
    );
  }

  // Schema v5. A key judgment's evidence names a claim or an indicator by id (no foreign key can
  // say which table): it must be one the file holds. A deleted one is fine; the view leaves it out.
  if (tables.includes('evidence_links')) {
    const dangling = db
      .prepare(
        `SELECT 1 FROM evidence_links e WHERE NOT CASE e.target_kind
          WHEN 'claim' THEN EXISTS (SELECT 1 FROM claims c WHERE c.id = e.target_id)
          WHEN 'indicator' THEN EXISTS (SELECT 1 FROM indicators i WHERE i.id = e.target_id)
          ELSE 0 END LIMIT 1`,
      )
      .get();
    if (dangling) {
      throw refuse(
        'damaged',
        `This file's key judgments rest on a claim or indicator the file lacks; it was not opened. Ask the sender to save it again from Briefing Desk.`,
      );
    }
  }
  // The composer's settings: exactly what an export accepts (a setting a later version added aside), as flat JSON.
  if (tables.includes('export_settings')) {
    for (const options of db.prepare('SELECT options FROM export_settings').pluck().iterate() as Iterable<string>) {
      const value = parseJsonObject(options);
      if (!value || !nestsAtMost(value, SETTINGS_JSON_DEPTH) || readExportSettings(options) === null) {
        throw refuse(
          'damaged',
          'This file holds export settings Briefing Desk cannot read; it was not opened. Ask the sender to save it again from Briefing Desk.',
        );
      }
    }
  }

  if (tables.includes('merge_conflicts')) {
    const conflicts = db.prepare('SELECT table_name, theirs_row FROM merge_conflicts').iterate() as Iterable<{
      table_name: string;
      theirs_row: string;
    }>;
    // A version waiting in a conflict can become a row when merged: it is held to the rows' own rules
    // where a rule looks beyond its row (evidence names a claim or indicator the file holds; export
    // settings are what an export accepts), so a merged file never makes the user's next Save unreadable.
    const evidenceTarget = db
      .prepare(
        `SELECT CASE ? WHEN 'claim' THEN EXISTS (SELECT 1 FROM claims WHERE id = ?)
         WHEN 'indicator' THEN EXISTS (SELECT 1 FROM indicators WHERE id = ?) ELSE 0 END`,
      )
      .pluck();
    const unreadable = () =>
      refuse(
        'damaged',
        'This file holds a merge conflict Briefing Desk cannot read; it was not opened. Ask the sender to save it again from Briefing Desk.',
      );
    for (const conflict of conflicts) {
      if (!isItemTable(conflict.table_name) || !isRowAsJson(conflict.theirs_row)) throw unreadable();
      const row = parseJsonObject(conflict.theirs_row)!;
      if (conflict.table_name === 'evidence_links') {
        const { target_kind: kind, target_id: id, stance } = row;
        const known =
          typeof kind === 'string' &&
          typeof id === 'string' &&
          (STANCES as readonly unknown[]).includes(stance) &&
          evidenceTarget.get(kind, id, id) === 1;
        if (!known) throw unreadable();
      }
      if (conflict.table_name === 'export_settings' && (typeof row.options !== 'string' || readExportSettings(row.options) === null))
        throw unreadable();
    }
  }
}

/**
 * How deep a stored row may nest: merge writes a flat object (with, at most, a list of the row's
 * earlier revisions in it). Deeper JSON is nothing of ours, and walking it (String() of a nested
 * array, JSON.stringify) can exhaust the stack.
 */
const ROW_JSON_DEPTH = 4;

/** How deep export settings nest: an object of values and lists of ids. */
const SETTINGS_JSON_DEPTH = 2;

/** A row as merge writes it: a JSON object, nested no deeper than ROW_JSON_DEPTH. */
function isRowAsJson(text: string): boolean {
  const row = parseJsonObject(text);
  return row !== null && nestsAtMost(row, ROW_JSON_DEPTH);
}

/** Whether what JSON.parse built nests no deeper than `limit` (the value itself is depth 1). */
function nestsAtMost(parsed: object, limit: number): boolean {
  // Breadth first, without recursion: walking deep JSON recursively can exhaust the stack.
  let level: unknown[] = [parsed];
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > limit) return false;
    level = level
      .flatMap((value) => (typeof value === 'object' && value !== null ? Object.values(value) : []))
      .filter((v) => typeof v === 'object' && v !== null);
  }
  return true;
}
