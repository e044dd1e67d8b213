import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { makeBriefFile, tempDir } from '../test-support/index.ts';
import { removeSqliteFile } from '../files/index.ts';

// Kills a writer with SIGKILL at random moments and checks what survives. Iterations:
// BRIEFING_CRASH_ITERATIONS (200 by default, also in CI: about a minute on 2 cores).
const ITERATIONS = Number(process.env.BRIEFING_CRASH_ITERATIONS ?? 200);
const CONTROL_ITERATIONS = Math.max(10, Math.round(ITERATIONS / 4));
const WRITER = fileURLToPath(new URL('../test-support/crash-writer.ts', import.meta.url));

/** A seeded-random delay, so a failing run can be repeated with the same seed. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Runs the writer, kills it `delayMs` after its first report, and returns every line it reported. */
function runAndKill(args: string[], delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself (code ${code}) instead of being killed`));
      // The last line may be cut mid-write by the kill; only whole lines were acknowledged.
      resolve(output.split('\n').slice(0, -1));
    });
  });
}

interface Outcome {
  runs: number;
  corrupt: number;
  lostEdits: number;
}

function check(path: string, acknowledged: string[], outcome: Outcome): void {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') {
      outcome.corrupt++;
      return;
    }
    const present = db.prepare('SELECT 1 FROM notes WHERE id = ?').pluck();
    outcome.lostEdits += acknowledged.filter((id) => !present.get(id)).length;
  } catch {
    outcome.corrupt++;
  } finally {
    db.close();
  }
}

async function crashLoop(t: Parameters<typeof tempDir>[0], mode: 'edits' | 'control', iterations: number, seed: number): Promise<Outcome> {
  const dir = tempDir(t);
  const path = join(dir, 'brief.sqlite');
  const random = randomSource(seed);
  const outcome: Outcome = { runs: 0, corrupt: 0, lostEdits: 0 };
  let fresh = true;
  for (let i = 0; i < iterations; i++) {
    if (fresh) {
      // Start again from a good file after damage, so every kill is judged on its own.
      removeSqliteFile(path);
      makeBriefFile(path);
    }
    const acknowledged = await runAndKill([mode, path], 5 + random() * 60);
    outcome.runs++;
    const corruptBefore = outcome.corrupt;
    check(path, acknowledged, outcome);
    fresh = outcome.corrupt > corruptBefore;
  }
  return outcome;
}

test(`edits committed through the store survive ${ITERATIONS} SIGKILLs: every acknowledged edit is there, integrity ok`, async (t) => {
  const outcome = await crashLoop(t, 'edits', ITERATIONS, 20261128);
  t.diagnostic(`store: ${outcome.runs} kills, ${outcome.corrupt} corrupt, ${outcome.lostEdits} acknowledged edits lost`);
  assert.deepEqual(outcome, { runs: ITERATIONS, corrupt: 0, lostEdits: 0 });
});

test('control: the same loop without journal or syncing is caught damaging the file', async (t) => {
  const outcome = await crashLoop(t, 'control', CONTROL_ITERATIONS, 7);
  t.diagnostic(
    `control (journal_mode=OFF, synchronous=OFF): ${outcome.runs} kills, ${outcome.corrupt} corrupt, ${outcome.lostEdits} acknowledged edits lost`,
  );
  assert.ok(outcome.corrupt + outcome.lostEdits > 0, 'the crash test can see damage when there is damage to see');
});

test(`Save As killed mid-write leaves the old or the new file, both valid (${Math.round(ITERATIONS / 2)} kills)`, async (t) => {
  const dir = tempDir(t);
  const working = join(dir, 'working.sqlite');
  const target = join(dir, 'saved.sqlite');
  makeBriefFile(working);
  const random = randomSource(99);
  let bad = 0;
  let lastSaved = 0;
  for (let i = 0; i < Math.round(ITERATIONS / 2); i++) {
    const lines = await runAndKill(['save-as', working, target], 5 + random() * 80);
    const acknowledged = Number(lines.at(-1) ?? lastSaved);
    if (!existsSync(target)) continue;
    const copy = join(dir, 'check.sqlite');
    copyFileSync(target, copy);
    const db = new Database(copy, { readonly: true });
    try {
      const notes = db.prepare('SELECT count(*) FROM notes').pluck().get() as number;
      // The file is the last acknowledged save, or the one whose rename landed just before the kill.
      if (db.pragma('integrity_check', { simple: true }) !== 'ok' || notes < acknowledged || notes > acknowledged + 1) bad++;
      lastSaved = notes;
    } catch {
      bad++;
    } finally {
      db.close();
      rmSync(copy);
    }
  }
  t.diagnostic(`save-as: ${Math.round(ITERATIONS / 2)} kills, ${bad} targets invalid or missing saves`);
  assert.equal(bad, 0);
});
