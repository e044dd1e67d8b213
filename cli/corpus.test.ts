import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { RECEIVE_TIME_LIMIT_MS } from '../db/receive/index.ts';
import {
  buildAdversarialCorpus,
  fingerprintFolder,
  RAW_ERROR_WORDING,
  tempDir,
  UNSAFE_FOR_TERMINAL,
  type CorpusClass,
  type CorpusFile,
} from '../db/test-support/index.ts';
import { runCli } from './commands.ts';

// Every command of `briefing` that reads a file, over every file of the adversarial corpus
// (db/test-support/hostile-corpus.ts): whatever the file, the command ends with 0 or 1, in time,
// says what went wrong in one sentence of ours, prints no character a terminal would obey, and
// changes no byte of the file or of anything beside it.

/** Time for a command beyond the receive's own limit: starting the checks, merging, writing, on a busy machine. */
const MARGIN_MS = 10_000;

/** A line our own output never starts with: the corpus's text tries to forge these. */
const FORGED_LINE = /^(Merged nothing|briefing: all good)/m;

interface Outcome {
  command: string;
  code: number;
  out: string;
  err: string;
  ms: number;
}

async function runOnce(command: string, argv: string[]): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const started = performance.now();
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { command, code, out: out.join('\n'), err: err.join('\n'), ms: performance.now() - started };
}

/** Checks that ran out of time on a machine other tests keep busy, each retried once (a file that is really slow is slow again). */
const retriedAsTooSlow: string[] = [];

async function run(command: string, argv: string[], file: CorpusFile): Promise<Outcome> {
  const first = await runOnce(command, argv);
  if (file.refused || !/took longer than \d+ seconds to check/.test(first.err)) return first;
  retriedAsTooSlow.push(`${file.name}, ${command}`);
  return runOnce(command, argv);
}

/** Runs the jobs, at most `width` at a time (each command starts one or two checks, each a process of its own). */
async function inPool<T>(jobs: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await jobs[index]!();
      }
    }),
  );
  return results;
}

/** The file and everything named after it (its -wal, -shm, -journal), copied to `dir`: MINE for a merge that writes it. */
function copyWithNeighbours(file: CorpusFile, corpusDir: string, dir: string): string {
  const base = file.path.slice(corpusDir.length + 1);
  for (const name of readdirSync(corpusDir).filter((n) => n.startsWith(base))) copyFileSync(join(corpusDir, name), join(dir, name));
  return join(dir, base);
}

test('every command that reads a file, over the whole adversarial corpus: a sentence or a result, in time, text as text, nothing written beside it', async (t) => {
  const corpusDir = tempDir(t);
  const corpus = buildAdversarialCorpus(corpusDir);
  const partner = join(corpusDir, 'partner.sqlite');
  const figures = new Map<CorpusClass, { tried: number; refused: number; opened: number; changedBeside: number; merged: number }>();
  const fallbacks: string[] = [];

  for (const file of corpus) {
    const outDir = mkdtempSync(join(tmpdir(), 'briefing-corpus-out-'));
    try {
      // A merge without --out writes MINE: a file the receive takes is merged in a copy (with its neighbours), a refused one where it is.
      const mineDir = mkdtempSync(join(outDir, 'mine-'));
      const mine = file.refused ? file.path : copyWithNeighbours(file, corpusDir, mineDir);
      const mineNeighbours = readdirSync(mineDir).sort();
      const before = fingerprintFolder(corpusDir);
      const commands: [string, string[]][] = [
        ['info', ['info', file.path]],
        ['info --json', ['info', file.path, '--json']],
        ['check', ['check', file.path]],
        ['export --md', ['export', file.path, '--md', join(outDir, 'brief.md')]],
        ['merge as MINE --out', ['merge', file.path, partner, '--out', join(outDir, 'mine-merged.sqlite')]],
        ['merge as THEIRS --out', ['merge', partner, file.path, '--out', join(outDir, 'theirs-merged.sqlite')]],
        ['merge as MINE in place', ['merge', mine, partner]],
      ];
      const outcomes = await inPool(
        commands.map(
          ([command, argv]) =>
            () =>
              run(command, argv, file),
        ),
        3,
      );
      const after = fingerprintFolder(corpusDir);

      const figure = figures.get(file.class) ?? { tried: 0, refused: 0, opened: 0, changedBeside: 0, merged: 0 };
      figures.set(file.class, figure);
      figure.tried++;
      if (JSON.stringify(after) !== JSON.stringify(before)) figure.changedBeside++;
      if (outcomes.every((o) => o.code === 1)) figure.refused++;
      if (outcomes[0]!.code === 0) figure.opened++;
      figure.merged += outcomes.filter((o) => o.command.startsWith('merge') && o.code === 0).length;

      for (const o of outcomes) {
        const what = `${file.name}, ${o.command}`;
        assert.ok(o.code === 0 || o.code === 1, `${what}: exit ${o.code}`);
        assert.ok(o.ms < RECEIVE_TIME_LIMIT_MS + MARGIN_MS, `${what}: ${Math.round(o.ms)} ms`);
        assert.doesNotMatch(o.out, UNSAFE_FOR_TERMINAL, `${what}: stdout holds a character a terminal would act on`);
        assert.doesNotMatch(o.out, FORGED_LINE, `${what}: a line of stdout was forged`);
        if (o.code === 0) {
          assert.equal(o.err, '', what);
        } else {
          assert.match(o.err, /^briefing: [^\n]+\.$/, `${what}: one sentence on one line: ${o.err}`);
          assert.doesNotMatch(o.err, RAW_ERROR_WORDING, `${what}: ${o.err}`);
          assert.doesNotMatch(o.err, UNSAFE_FOR_TERMINAL, what);
          if (/did not foresee|could not be merged/.test(o.err)) fallbacks.push(`${what}: ${o.err}`);
        }
        if (file.refused) {
          assert.equal(o.code, 1, `${what}: must be refused`);
          assert.match(o.err, file.refused.message, what);
        }
      }
      if (!file.refused) {
        for (const o of outcomes.slice(0, 4)) assert.equal(o.code, 0, `${file.name}, ${o.command}: ${o.err}`);
        assert.ok(existsSync(join(outDir, 'brief.md')), `${file.name}: the Markdown was written`);
      }
      assert.deepEqual(after, before, `${file.name}: not a byte of it or beside it changed, no -wal or -shm made`);
      assert.deepEqual(readdirSync(mineDir).sort(), mineNeighbours, `${file.name}: a merge in place leaves nothing new beside MINE`);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }

  const lines = [...figures].map(
    ([cls, f]) =>
      `${cls.padEnd(20)} files ${String(f.tried).padStart(2)}, refused by every command ${String(f.refused).padStart(2)}, opened safely ${String(f.opened).padStart(2)}, merges that completed ${String(f.merged).padStart(2)}, bytes changed beside the file ${f.changedBeside}`,
  );
  const total = [...figures.values()].reduce((sum, f) => sum + f.tried, 0);
  t.diagnostic(`adversarial corpus: ${total} files x 7 commands`);
  for (const line of lines) t.diagnostic(line);
  t.diagnostic(`checks retried after running out of time on a busy machine: ${retriedAsTooSlow.length}`);
  for (const line of retriedAsTooSlow) t.diagnostic(`  ${line}`);
  t.diagnostic(`merges refused by merge itself (db/merge) or by an unforeseen failure: ${fallbacks.length}`);
  for (const line of fallbacks) t.diagnostic(`  ${line}`);
  assert.equal(total, corpus.length);
  assert.equal(fallbacks.filter((line) => /did not foresee/.test(line)).length, 0, 'every failure is one the code foresaw and worded');
});
