import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { BriefStore, closeAsSingleFile, importArticle, importEmbeddedBrief, openStore, parseArticle, readSchemaState, StoreError } from '../db/index.ts';
import { defaultAuthor } from '../electron/router/index.ts';

// `briefing`, the command-line tool. Runs under plain Node; every command is a function of
// (arguments, output streams) returning an exit code, so tests run it in-process.

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `Usage:
  briefing new OUT.sqlite [--from ARTICLE.txt]   write a brief file (the embedded brief without --from)
  briefing info FILE.sqlite [--json]             show the source, counts and schema version of a brief file`;

class UsageError extends Error {}

function cmdNew(args: string[], io: Io): number {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { from: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('briefing new takes one output file.');
  const out = positionals[0]!;
  if (existsSync(out)) throw new StoreError('exists', `${out} already exists; choose another name or remove it first.`);
  if (!existsSync(dirname(out) || '.')) throw new StoreError('not-found', `The folder ${dirname(out)} does not exist; create it first or choose another place.`);

  let article;
  if (values.from !== undefined) {
    let text: string;
    try {
      text = readFileSync(values.from, 'utf8');
    } catch {
      throw new StoreError('not-found', `Cannot read the article ${values.from}; check the path.`);
    }
    article = parseArticle(text);
  }

  // Built beside the target under a temporary name and renamed into place: a failure never
  // leaves a half-written brief under the name the user asked for.
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    const db = openStore(temp);
    try {
      if (article) importArticle(db, article, { author: defaultAuthor() });
      else importEmbeddedBrief(db, defaultAuthor());
    } finally {
      closeAsSingleFile(db);
    }
    renameSync(temp, out);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(temp + suffix, { force: true });
  }
  io.out(`Wrote ${out}`);
  return 0;
}

function cmdInfo(args: string[], io: Io): number {
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
      io.out(JSON.stringify({ file, schemaVersion: schema.version, briefId: brief?.id ?? null, title: brief?.title ?? null, source, counts }, null, 2));
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

const COMMANDS: Record<string, (args: string[], io: Io) => number> = { new: cmdNew, info: cmdInfo };

export function runCli(argv: string[], io: Io): number {
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
    return run(args, io);
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
