import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { BriefStore } from '../db/read/index.ts';
import { closeAsSingleFile, openStore, readSchemaState, saveCopy } from '../db/store/index.ts';
import { conflictViews, mergeInto } from '../db/merge/index.ts';
import { importArticle, parseArticle, type ParsedArticle } from '../db/import/index.ts';
import { importEmbeddedBrief } from '../db/seed/index.ts';
import { receiveBrief, NODE_RECEIVE_WORKER } from '../db/receive/index.ts';
import { StoreError } from '../common/errors.ts';
import { composeExport, defaultExportOptions, toMarkdown } from '../db/export/index.ts';
import { removeSqliteFile, replaceFileAtomically, writeFileAtomic } from '../db/files/index.ts';
import { printDocument } from '../hosts/chromium/print-document.ts';
import { defaultAuthor } from '../electron/services/documents/index.ts';

// `briefing`, the command-line tool. Runs under plain Node; every command is a function of
// (arguments, output streams) returning an exit code, so tests run it in-process.

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `Usage:
  briefing new OUT.sqlite [--from ARTICLE.txt]         write a brief file (the embedded brief without --from)
  briefing info FILE.sqlite [--json]                   show the source, counts and schema version of a brief file
  briefing check FILE.sqlite                           check a brief someone sent, as the app does before opening it
  briefing merge MINE.sqlite THEIRS.sqlite [--out OUT] merge a colleague's copy into MINE (or into a new OUT)
  briefing export FILE.sqlite --pdf OUT.pdf | --md OUT.md | --html OUT.html [--marking TEXT] [--paper a4|letter]
                                                       export the brief (any of the three at once)`;

class UsageError extends Error {}

async function cmdNew(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { from: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('briefing new takes one output file.');
  const out = positionals[0]!;
  if (existsSync(out)) throw new StoreError('exists', `${out} already exists; choose another name or remove it first.`);
  if (!existsSync(dirname(out) || '.'))
    throw new StoreError('not-found', `The folder ${dirname(out)} does not exist; create it first or choose another place.`);

  let article: ParsedArticle | undefined;
  if (values.from !== undefined) {
    let text: string;
    try {
      text = readFileSync(values.from, 'utf8');
    } catch {
      throw new StoreError('not-found', `Cannot read the article ${values.from}; check the path.`);
    }
    article = parseArticle(text);
  }

  // Built under the one atomic replace's temporary name and renamed into place: a failure never
  // leaves a half-written brief under the name the user asked for.
  replaceFileAtomically(out, (temp) => {
    try {
      const db = openStore(temp);
      try {
        if (article) importArticle(db, article, { author: defaultAuthor() });
        else importEmbeddedBrief(db, defaultAuthor());
      } finally {
        closeAsSingleFile(db);
      }
    } catch (error) {
      removeSqliteFile(temp);
      throw error;
    }
  });
  io.out(`Wrote ${out}`);
  return 0;
}

async function cmdInfo(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new UsageError('briefing info takes one brief file.');
  const file = positionals[0]!;
  if (!existsSync(file)) throw new StoreError('not-found', `${file} does not exist; check the path.`);
  const db = openStore(file, { readonly: true, mustExist: true });
  try {
    const store = new BriefStore(db);
    const brief = store.getBrief();
    const counts = store.counts();
    const schema = readSchemaState(db);
    const source = brief?.sources[0] ?? null;
    if (values.json) {
      io.out(
        JSON.stringify(
          { file, schemaVersion: schema.version, briefId: brief?.id ?? null, title: brief?.title ?? null, source, counts },
          null,
          2,
        ),
      );
      return 0;
    }
    const lines = [
      `File:         ${file}`,
      `Schema:       version ${schema.version}`,
      `Brief:        ${brief ? `${brief.title} (${brief.id})` : '(none)'}`,
    ];
    if (source) {
      lines.push(`Source:       ${source.titleOriginal}`);
      if (source.titleTranslation) lines.push(`Translation:  ${source.titleTranslation} [${source.translationNote ?? 'translation'}]`);
      lines.push(`Published:    ${source.publisher}, ${source.publishedText}`);
    }
    lines.push(
      `Themes:       ${counts.themes}`,
      `Claims:       ${counts.claims}`,
      `Citations:    ${counts.citations}`,
      `Indicators:   ${counts.indicators} (${counts.observations} observations)`,
      `Notes:        ${counts.notes}`,
      `Annotations:  ${counts.annotations}`,
      `Tags:         ${counts.tags}`,
    );
    io.out(lines.join('\n'));
    return 0;
  } finally {
    db.close();
  }
}

/** Receives THEIRS (or any file from outside) into a private temporary store; removed by `done()`. */
async function receiveToTemp(file: string): Promise<{ path: string; schemaVersion: number; done: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-cli-'));
  const path = join(dir, 'received.sqlite');
  try {
    const received = await receiveBrief(file, path, NODE_RECEIVE_WORKER);
    return { path, schemaVersion: received.schemaVersion, done: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function cmdCheck(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError('briefing check takes one brief file.');
  const received = await receiveToTemp(positionals[0]!);
  try {
    const db = openStore(received.path, { readonly: true });
    try {
      const counts = new BriefStore(db).counts();
      io.out(
        `${positionals[0]} is a sound Briefing Desk brief (schema ${received.schemaVersion}): ` +
          `${counts.themes} themes, ${counts.claims} claims, ${counts.indicators} indicators, ${counts.notes} notes, ${counts.annotations} annotations.`,
      );
    } finally {
      db.close();
    }
  } finally {
    received.done();
  }
  return 0;
}

async function cmdMerge(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  if (positionals.length !== 2) throw new UsageError('briefing merge takes MINE.sqlite and THEIRS.sqlite.');
  const [mine, theirs] = positionals as [string, string];
  if (!existsSync(mine)) throw new StoreError('not-found', `${mine} does not exist; check the path.`);
  if (values.out !== undefined && existsSync(values.out))
    throw new StoreError('exists', `${values.out} already exists; choose another name or remove it first.`);

  const received = await receiveToTemp(theirs);
  try {
    let target = mine;
    if (values.out !== undefined) {
      // MINE stays untouched: the merge happens in a copy written where --out says.
      const source = openStore(mine, { readonly: true, mustExist: true });
      try {
        saveCopy(source, values.out);
      } finally {
        source.close();
      }
      target = values.out;
    }
    const db = openStore(target, { mustExist: true });
    try {
      const report = mergeInto(db, received.path, basename(theirs));
      const conflicts = conflictViews(db);
      io.out(
        `Merged ${theirs} into ${target}: ${report.added} added, ${report.updated} updated from their side, ` +
          `${report.keptOurs} kept as yours (newer), ${report.unchanged} unchanged, ${report.conflicts} new conflicts.`,
      );
      if (report.authors.length > 0) io.out(`Their items were written by: ${report.authors.join(', ')}.`);
      if (conflicts.length > 0) {
        io.out(`${conflicts.length} conflict(s) need a decision; both versions are kept in ${target}, marked for review in Briefing Desk:`);
        for (const conflict of conflicts) {
          io.out(
            `  ${conflict.itemLabel}: yours (${conflict.ours.author}, ${conflict.ours.updatedAt}) / theirs (${conflict.theirs.author}, ${conflict.theirs.updatedAt})`,
          );
          for (const field of conflict.fields) io.out(`    ${field.field}: yours "${field.ours}" / theirs "${field.theirs}"`);
        }
      }
    } finally {
      closeAsSingleFile(db);
    }
  } catch (error) {
    if (values.out !== undefined) rmSync(values.out, { force: true });
    throw error;
  } finally {
    received.done();
  }
  return 0;
}

async function cmdExport(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      pdf: { type: 'string' },
      md: { type: 'string' },
      html: { type: 'string' },
      marking: { type: 'string' },
      paper: { type: 'string', default: 'a4' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('briefing export takes one brief file.');
  if (!values.pdf && !values.md && !values.html) throw new UsageError('briefing export needs at least one of --pdf, --md or --html.');
  if (values.paper !== 'a4' && values.paper !== 'letter') throw new UsageError('--paper is a4 or letter.');
  for (const out of [values.pdf, values.md, values.html]) {
    if (out !== undefined && !existsSync(dirname(out) || '.'))
      throw new StoreError('save-failed', `The folder ${dirname(out)} does not exist; create it first or choose another place.`);
  }

  const received = await receiveToTemp(positionals[0]!);
  let doc;
  try {
    const db = openStore(received.path, { readonly: true });
    try {
      const store = new BriefStore(db);
      const brief = store.getBrief();
      const options = {
        ...defaultExportOptions(brief?.title ?? null, defaultAuthor(), new Date().toISOString().slice(0, 10)),
        paper: values.paper,
      } as const;
      doc = composeExport(
        brief,
        values.marking === undefined ? options : { ...options, marking: values.marking },
        store.annotationsForExport(),
      );
    } finally {
      db.close();
    }
  } finally {
    received.done();
  }

  if (values.md) io.out(`Wrote ${values.md} (${writeFileAtomic(values.md, toMarkdown(doc))} bytes)`);
  if (values.pdf || values.html) {
    const printed = await printDocument(doc, { pdf: values.pdf !== undefined, html: values.html !== undefined });
    if (values.pdf) io.out(`Wrote ${values.pdf} (${writeFileAtomic(values.pdf, printed.pdf!)} bytes)`);
    if (values.html) io.out(`Wrote ${values.html} (${writeFileAtomic(values.html, printed.html!)} bytes)`);
  }
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  new: cmdNew,
  info: cmdInfo,
  check: cmdCheck,
  merge: cmdMerge,
  export: cmdExport,
};

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`briefing: unknown command "${command}".\n${USAGE}`);
    return 2;
  }
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`briefing: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof StoreError) {
      io.err(`briefing: ${error.message}`);
      return 1;
    }
    io.err(`briefing: ${(error as Error).message}`);
    return 1;
  }
}
