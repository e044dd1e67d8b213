import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StoreError } from '../../common/errors.ts';
import { readFailure } from '../files/index.ts';
import { APPLICATION_ID, SCHEMA_VERSION } from '../store/index.ts';
import { expectedSchema, readSchema } from './expected-schema.ts';

// Checks of a brief file someone else made. Everything here reads; nothing writes to the file
// it is given. The order matters: cheap byte checks first, then SQLite only on a private copy,
// and the schema is compared before any query could run code planted in it.

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

const refuse = (code: ConstructorParameters<typeof StoreError>[0], message: string) => new StoreError(code, message);

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Checks on the received file's bytes and its neighbours, before any copy is made. */
export function checkReceivedBytes(path: string): void {
  if (!existsSync(path)) throw refuse('not-found', `${path} does not exist; check the path.`);
  for (const suffix of ['-wal', '-journal']) {
    if (existsSync(path + suffix)) {
      throw refuse(
        'journal-beside',
        `A "${suffix.slice(1)}" file lies beside this file, holding changes that were never saved into it; ask the sender to save the brief again from Briefing Desk and send only the .sqlite file.`,
      );
    }
  }
  const size = statSync(path).size;
  if (size === 0) throw refuse('empty', 'This file is empty (0 bytes); ask the sender for a fresh copy.');

  const header = readHeader(path);
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
  if (size % pageSize !== 0 || size < expected) {
    throw refuse(
      'incomplete',
      `This file is incomplete (${size} of ${expected || 'a whole number of pages of'} bytes); it may have been cut off in transfer. Ask the sender for a fresh copy.`,
    );
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
          `This file contains database code (${entry.type} "${entry.name}") that Briefing Desk does not run; it was not opened.`,
        );
      }
    }
    for (const entry of actual.values()) {
      const mine = expected.get(entry.name);
      if (!mine || mine.type !== entry.type || mine.sql !== entry.sql) {
        throw refuse(
          'unexpected-schema',
          `This file's ${entry.type} "${entry.name}" is not one Briefing Desk makes; it was not opened. Ask the sender to save it again from Briefing Desk.`,
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
      const page = /[Pp]age (\d+)/.exec(problems.map((p) => p.quick_check).join('\n'))?.[1];
      throw refuse(
        'damaged',
        `This file is damaged (${page ? `page ${page} of ${pageCount}` : 'its structure does not check out'}); ask the sender for a fresh copy.`,
      );
    }
    return { schemaVersion: version, pageCount };
  } catch (error) {
    throw readFailure(error) ?? error;
  } finally {
    db?.close();
  }
}
