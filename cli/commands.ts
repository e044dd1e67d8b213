import { existsSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { BriefStore } from '../db/read/index.ts';
import { BriefWriter } from '../db/edit/index.ts';
import { EDIT_KINDS, briefEditSchema, type EditKind } from '../common/edits.ts';
import { LineRefusal, readEditLines, resolveEdit } from './edit-lines.ts';
import { closeAsSingleFile, openStore, saveCopy } from '../db/store/index.ts';
import { conflictViews, mergeInto } from '../db/merge/index.ts';
import { articleFromSource, importArticle, type ImportOptions, type ParsedArticle } from '../db/import/index.ts';
import { ingestFile } from '../db/ingest/index.ts';
import { SOURCE_FORMAT_NAMES } from '../common/parsed-source.ts';
import { importEmbeddedBrief } from '../db/seed/index.ts';
import { makePrivateFolder, receiveBrief, NODE_RECEIVE_WORKER } from '../db/receive/index.ts';
import { StoreError } from '../common/errors.ts';
import { composeExport, defaultExportOptions, toMarkdown } from '../db/export/index.ts';
import { readFailure, refuseClashingTargets, removeSqliteFile, replaceFileAtomically, writeFileAtomic } from '../db/files/index.ts';
import { printDocument } from '../hosts/chromium/print-document.ts';
import { defaultAuthor } from '../electron/services/documents/index.ts';
import { terminalJson, terminalText as shown } from './terminal-text.ts';

// `briefing`, the command-line tool. Runs under plain Node; every command is a function of
// (arguments, output streams) returning an exit code, so tests run it in-process.
//
// Every command that reads a brief file reads only a copy made by the hardened receive
// (db/receive): the file itself is never opened by SQLite here, its neighbours are never looked
// for, and nothing planted in it runs. Everything printed that comes from a file (its text, its
// name) goes through terminal-text.ts; an error is one sentence, never SQLite's or JavaScript's.

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const USAGE = `Usage:
  briefing new OUT.sqlite [--from SOURCE]              write a brief file (the embedded brief without --from; SOURCE: .html, .pdf, .docx, .md, .txt)
  briefing info FILE.sqlite [--json]                   show the source, counts and schema version of a brief file
  briefing check FILE.sqlite                           check a brief someone sent, as the app does before opening it
  briefing merge MINE.sqlite THEIRS.sqlite [--out OUT] merge a colleague's copy into MINE (or into a new OUT)
  briefing export FILE.sqlite --pdf OUT.pdf | --md OUT.md | --html OUT.html [--marking TEXT] [--paper a4|letter] [--author NAME]
                                                       export the brief (any of the three at once)
  briefing edit FILE.sqlite --jsonl EDITS.jsonl [--author NAME]
                                                       apply edits, one JSON object a line (as the app makes them),
                                                       all or none; "as": "x" names a line's id, "$x" uses it
  briefing schema [KIND]                               the JSON Schema of an edit (of every kind, or of one)`;

class UsageError extends Error {}

async function cmdNew(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { from: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('briefing new takes one output file.');
  const out = positionals[0]!;
  if (existsSync(out)) throw new StoreError('exists', `${out} already exists; choose another name or remove it first.`);
  if (!existsSync(dirname(out) || '.'))
    throw new StoreError('not-found', `The folder ${dirname(out)} does not exist; create it first or choose another place.`);

  // Any everyday format (a saved web page, a PDF, a Word document, Markdown, text, the article
  // layout), read in the ingest room's isolated reader, never in this process.
  let article: ParsedArticle | undefined;
  let options: Omit<ImportOptions, 'author'> = {};
  if (values.from !== undefined) {
    const ingested = await ingestFile(values.from);
    for (const warning of ingested.source.warnings) io.err(`briefing: ${shown(warning)}`);
    article = articleFromSource(ingested.source, ingested.provenance.name);
    const { name: fileName, ...provenance } = ingested.provenance;
    options = {
      extras: { originalLanguage: ingested.source.headlineLanguage },
      provenance: { fileName, ...provenance, format: ingested.format },
    };
    io.out(
      `Read ${shown(ingested.provenance.name)} as ${SOURCE_FORMAT_NAMES[ingested.format]} (SHA-256 ${ingested.provenance.sha256}): ` +
        `${article.groups.length} themes, ${article.groups.reduce((n, g) => n + g.claims.length, 0)} claims.`,
    );
  }

  // Built under the one atomic replace's temporary name and renamed into place: a failure never
  // leaves a half-written brief under the name the user asked for.
  replaceFileAtomically(out, (temp) => {
    try {
      const db = openStore(temp);
      try {
        if (article) importArticle(db, article, { ...options, author: defaultAuthor() });
        else importEmbeddedBrief(db, defaultAuthor());
      } finally {
        closeAsSingleFile(db);
      }
    } catch (error) {
      removeSqliteFile(temp);
      throw error;
    }
  });
  io.out(`Wrote ${shown(out)}`);
  return 0;
}

async function cmdInfo(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) throw new UsageError('briefing info takes one brief file.');
  const file = positionals[0]!;
  const received = await receiveToTemp(file);
  try {
    const db = openStore(received.path, { readonly: true });
    try {
      const store = new BriefStore(db);
      const brief = store.getBrief();
      const counts = store.counts();
      // The version the file was made with; the received copy has been brought up to date.
      const schemaVersion = received.schemaVersion;
      const source = brief?.sources[0] ?? null;
      if (values.json) {
        io.out(
          terminalJson({
            file,
            schemaVersion,
            briefId: brief?.id ?? null,
            title: brief?.title ?? null,
            source,
            sources: brief?.sources ?? [],
            counts,
          }),
        );
        return 0;
      }
      const lines = [
        `File:         ${shown(file)}`,
        `Schema:       version ${schemaVersion}`,
        `Brief:        ${brief ? `${shown(brief.title)} (${shown(brief.id)})` : '(none)'}`,
      ];
      // Every source, each with the file it was read from (a brief may draw on several).
      (brief?.sources ?? []).forEach((each, index, all) => {
        const label = all.length > 1 ? `Source ${index + 1}:` : 'Source:';
        lines.push(`${label.padEnd(14)}${shown(each.titleOriginal)}${each.shortName ? ` (${shown(each.shortName)})` : ''}`);
        if (each.titleTranslation)
          lines.push(`Translation:  ${shown(each.titleTranslation)} [${shown(each.translationNote ?? 'translation')}]`);
        const published = [each.publisher, each.publishedText].filter((part) => part.trim() !== '').map((part) => shown(part));
        if (published.length > 0) lines.push(`Published:    ${published.join(', ')}`);
        if (each.provenance) {
          const { fileName, format, size, sha256, importedAt } = each.provenance;
          lines.push(
            `Read from:    ${shown(fileName)} (${SOURCE_FORMAT_NAMES[format]}, ${size.toLocaleString('en')} bytes, SHA-256 ${sha256}), ${shown(importedAt)}`,
          );
        }
      });
      lines.push(
        `Themes:       ${counts.themes}`,
        `Claims:       ${counts.claims}`,
        `Citations:    ${counts.citations}`,
        `Indicators:   ${counts.indicators} (${counts.observations} observations)`,
        `Notes:        ${counts.notes}`,
        `Annotations:  ${counts.annotations}`,
        `Tags:         ${counts.tags}`,
        `Judgments:    ${counts.judgments}`,
        `Graded refs:  ${counts.citationGrades}`,
      );
      io.out(lines.join('\n'));
      return 0;
    } finally {
      db.close();
    }
  } finally {
    received.done();
  }
}

interface ReceivedCopy {
  path: string;
  schemaVersion: number;
  done: () => void;
}

/**
 * Receives a file (a colleague's, or the user's own: any file is received the same way) into a
 * store of our own in a private folder; `done()` removes it. The folder is named as the receive's
 * own, so one left by a CLI run that was killed is removed by a later receive.
 */
async function receiveToTemp(file: string): Promise<ReceivedCopy> {
  const dir = makePrivateFolder();
  const path = join(dir, 'received.sqlite');
  try {
    const received = await receiveBrief(file, path, NODE_RECEIVE_WORKER);
    return { path, schemaVersion: received.schemaVersion, done: () => rmSync(dir, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Receives several files at once (each check is its own process); if one is refused, the others' copies are removed. */
async function receiveAll(files: string[]): Promise<ReceivedCopy[]> {
  const results = await Promise.allSettled(files.map(receiveToTemp));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    for (const r of results) if (r.status === 'fulfilled') r.value.done();
    throw failed.reason;
  }
  return results.map((r) => (r as PromiseFulfilledResult<ReceivedCopy>).value);
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
        `${shown(positionals[0])} is a sound Briefing Desk brief (schema ${received.schemaVersion}): ` +
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
  if (values.out !== undefined && existsSync(values.out))
    throw new StoreError('exists', `${values.out} already exists; choose another name or remove it first.`);
  if (values.out !== undefined && !existsSync(dirname(values.out) || '.'))
    throw new StoreError('save-failed', `The folder ${dirname(values.out)} does not exist; create it first or choose another place.`);
  const target = values.out ?? mine;

  // MINE is received like any other file: it may have come from anywhere too, and the merge
  // happens in a private copy of it, so nothing in MINE ever runs and a merge that fails leaves
  // MINE as it was. The result is written once, by the one atomic replace: over MINE, or at --out.
  const [ours, received] = await receiveAll([mine, theirs]);
  try {
    const db = openStore(ours!.path, { mustExist: true });
    try {
      let report;
      let conflicts;
      try {
        report = mergeInto(db, received!.path, basename(theirs));
        conflicts = conflictViews(db);
      } catch (error) {
        throw mergeFailure(error, mine, theirs);
      }
      // Over MINE itself, not over a link to it: the link stays, its file gets the merge.
      saveCopy(db, values.out ?? realpathSync(mine));
      io.out(
        `Merged ${shown(theirs)} into ${shown(target)}: ${report.added} added, ${report.updated} updated from their side, ` +
          `${report.keptOurs} kept as yours (newer), ${report.unchanged} unchanged, ${report.conflicts} new conflicts.`,
      );
      if (report.authors.length > 0)
        io.out(`Their items were written by: ${report.authors.map((author) => shown(author, { maxLength: 100 })).join(', ')}.`);
      if (conflicts.length > 0) {
        io.out(
          `${conflicts.length} conflict(s) need a decision; both versions are kept in ${shown(target)}, marked for review in Briefing Desk:`,
        );
        for (const conflict of conflicts) {
          const side = (s: { author: string; updatedAt: string }) =>
            `${shown(s.author, { maxLength: 100 })}, ${shown(s.updatedAt, { maxLength: 40 })}`;
          io.out(`  ${shown(conflict.itemLabel, { maxLength: 200 })}: yours (${side(conflict.ours)}) / theirs (${side(conflict.theirs)})`);
          for (const field of conflict.fields)
            io.out(`    ${shown(field.field, { maxLength: 40 })}: yours "${shown(field.ours)}" / theirs "${shown(field.theirs)}"`);
        }
      }
    } finally {
      db.close();
    }
  } finally {
    ours!.done();
    received!.done();
  }
  return 0;
}

/** A merge that failed part-way, said in one sentence: a refusal of ours as it is, anything else without SQLite's or JavaScript's words. */
function mergeFailure(error: unknown, mine: string, theirs: string): StoreError {
  if (error instanceof StoreError) return error;
  return new StoreError(
    'damaged',
    `${basename(theirs)} could not be merged into ${basename(mine)}: their rows do not fit together, so nothing was written.`,
  );
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
      author: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('briefing export takes one brief file.');
  if (!values.pdf && !values.md && !values.html) throw new UsageError('briefing export needs at least one of --pdf, --md or --html.');
  if (values.paper !== 'a4' && values.paper !== 'letter') throw new UsageError('--paper is a4 or letter.');
  for (const out of [values.pdf, values.md, values.html]) {
    if (out !== undefined && !existsSync(dirname(out) || '.'))
      throw new StoreError('save-failed', `The folder ${dirname(out)} does not exist; create it first or choose another place.`);
  }
  // Never over the brief being exported, nor two exports onto one file.
  refuseClashingTargets(
    [
      { path: values.pdf, what: 'PDF export' },
      { path: values.md, what: 'Markdown export' },
      { path: values.html, what: 'HTML export' },
    ].filter((output): output is { path: string; what: string } => output.path !== undefined),
    [{ path: positionals[0]!, what: 'the brief being exported' }],
  );

  const received = await receiveToTemp(positionals[0]!);
  let doc;
  try {
    const db = openStore(received.path, { readonly: true });
    try {
      const store = new BriefStore(db);
      const brief = store.getBrief();
      const options = {
        ...defaultExportOptions(brief?.title ?? null, values.author ?? defaultAuthor(), new Date().toISOString().slice(0, 10)),
        paper: values.paper,
      } as const;
      doc = composeExport(brief, values.marking === undefined ? options : { ...options, marking: values.marking });
    } finally {
      db.close();
    }
  } finally {
    received.done();
  }

  if (values.md) io.out(`Wrote ${shown(values.md)} (${writeFileAtomic(values.md, toMarkdown(doc))} bytes)`);
  if (values.pdf || values.html) {
    const printed = await printDocument(doc, { pdf: values.pdf !== undefined, html: values.html !== undefined });
    if (values.pdf) io.out(`Wrote ${shown(values.pdf)} (${writeFileAtomic(values.pdf, printed.pdf!)} bytes)`);
    if (values.html) io.out(`Wrote ${shown(values.html)} (${writeFileAtomic(values.html, printed.html!)} bytes)`);
  }
  return 0;
}

/**
 * Edits a brief file from a script: one edit a line, in the shape of the app's `brief:edit`
 * channel, checked by its schema and applied by its writer, all in one transaction (cli/edit-lines.ts
 * says how lines refer to what earlier lines made). The file is received like any other (it is
 * edited in a private copy) and written back once, by the one atomic replace, only when every line
 * has been applied: on a refusal it is left byte for byte as it was.
 */
async function cmdEdit(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { jsonl: { type: 'string' }, author: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('briefing edit takes one brief file.');
  if (values.jsonl === undefined)
    throw new UsageError('briefing edit needs --jsonl EDITS.jsonl (one edit a line; - reads them from stdin).');
  const file = positionals[0]!;
  const author = values.author?.trim() || defaultAuthor();
  if (author.length > 200) throw new UsageError('--author is a name, 200 characters at most.');
  let text: string;
  try {
    text = readFileSync(values.jsonl === '-' ? 0 : values.jsonl, 'utf8');
  } catch {
    throw new StoreError('not-found', `Cannot read the edits ${values.jsonl}; check the path.`);
  }
  const lines = readEditLines(text);
  if (lines.length === 0) {
    io.out(`${shown(values.jsonl)} holds no edits; ${shown(file)} is unchanged.`);
    return 0;
  }

  const ids = new Map<string, string>();
  const received = await receiveToTemp(file);
  try {
    const db = openStore(received.path, { mustExist: true });
    try {
      const store = new BriefStore(db);
      if (!store.hasBrief()) throw new StoreError('not-found', `${file} holds no brief to edit.`);
      const writer = new BriefWriter(db, author);
      // One transaction: the first refusal takes back every line before it (each edit is a savepoint inside it).
      db.transaction(() => {
        for (const line of lines) {
          const edit = resolveEdit(line, ids, () => store.getBrief());
          let id: string;
          try {
            id = writer.apply(edit).id;
          } catch (error) {
            if (error instanceof StoreError) throw new LineRefusal(line.line, error.field ?? edit.kind, error.message);
            throw error;
          }
          if (line.as) ids.set(line.as, id);
        }
      })();
      saveCopy(db, realpathSync(file));
    } finally {
      db.close();
    }
  } finally {
    received.done();
  }
  io.out(`Applied ${lines.length} ${lines.length === 1 ? 'edit' : 'edits'} to ${shown(file)}, as ${shown(author, { maxLength: 200 })}.`);
  // What each label stood for, so a script can go on from here.
  for (const [label, id] of ids) io.out(`  $${label} = ${id}`);
  return 0;
}

/** The JSON Schema of an edit: of every kind (one of them), or of one kind. */
async function cmdSchema(args: string[], io: Io): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length > 1) throw new UsageError('briefing schema takes at most one kind of edit.');
  const kind = positionals[0];
  if (kind !== undefined && !Object.hasOwn(EDIT_KINDS, kind))
    throw new UsageError(`"${kind}" is not a kind of edit; the kinds are ${Object.keys(EDIT_KINDS).join(', ')}.`);
  const schema = kind === undefined ? briefEditSchema : EDIT_KINDS[kind as EditKind].schema;
  io.out(JSON.stringify(z.toJSONSchema(schema), null, 2));
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<number>> = {
  new: cmdNew,
  info: cmdInfo,
  check: cmdCheck,
  merge: cmdMerge,
  export: cmdExport,
  edit: cmdEdit,
  schema: cmdSchema,
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
      io.err(`briefing: ${shown((error as Error).message, { maxLength: 2000 })}\n${USAGE}`);
      return 2;
    }
    // One sentence, one line: a refusal says what is wrong and what to do; a failure we did not
    // foresee says so, without SQLite's or JavaScript's words (BRIEFING_DEBUG=1 shows them).
    const known = readFailure(error);
    if (known) {
      io.err(`briefing: ${shown(known.message, { maxLength: 2000 })}`);
      return 1;
    }
    io.err(
      `briefing: ${command} stopped on a problem Briefing Desk did not foresee; please report it (BRIEFING_DEBUG=1 shows the details).`,
    );
    if (process.env.BRIEFING_DEBUG) io.err(String((error as Error).stack ?? error));
    return 1;
  }
}
