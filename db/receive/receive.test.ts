import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Search, BriefStore } from '../read/index.ts';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openStore, readSchemaState, SCHEMA_VERSION } from '../store/index.ts';
import { makeBriefFile, buildAdversarialCorpus, fingerprintFolder, sha256, tempDir, type CorpusFile } from '../test-support/index.ts';
import { NODE_RECEIVE_WORKER, RECEIVE_WORKER_NODE_FLAGS } from './node-worker.ts';
import { receiveBrief, spawnLauncher, type WorkerLauncher } from './receive.ts';
import { limitSqliteMemory, SQLITE_CACHE_KIB, SQLITE_HEAP_LIMIT_BYTES } from './inspect.ts';
import Database from 'better-sqlite3';

/** The adversarial corpus, built once for this file's tests (none of which may change a byte of it) and removed after them. */
let corpusDir: string | undefined;
let corpusFiles: CorpusFile[] = [];
after(() => {
  if (corpusDir) rmSync(corpusDir, { recursive: true, force: true });
});
function corpus(): { dir: string; files: CorpusFile[] } {
  if (!corpusDir) {
    corpusDir = mkdtempSync(join(tmpdir(), 'briefing-test-corpus-'));
    corpusFiles = buildAdversarialCorpus(corpusDir);
  }
  return { dir: corpusDir, files: corpusFiles };
}

/** The files the receive must refuse, each with its code and sentence. */
const refusals = () => corpus().files.flatMap((f) => (f.refused ? [{ name: f.name, path: f.path, ...f.refused }] : []));

test('every hostile or damaged file is refused with its own message, in time, and its bytes are unchanged', async (t) => {
  const { dir } = corpus();
  const hostile = refusals();
  assert.equal(hostile.length, process.platform === 'win32' ? 55 : 57);
  const out = tempDir(t);
  const messages = new Map<string, string>();
  for (const file of hostile) {
    const before = fingerprintFolder(dir);
    const started = performance.now();
    await assert.rejects(
      receiveBrief(file.path, join(out, `${file.name}.sqlite`), NODE_RECEIVE_WORKER),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, file.code, `${file.name}: ${error.message}`);
        assert.match(error.message, file.message, file.name);
        messages.set(error.message, String(file.message));
        return true;
      },
    );
    assert.ok(performance.now() - started < 10_000, `${file.name} refused within 10 s`);
    assert.deepEqual(fingerprintFolder(dir), before, `${file.name}: nothing beside it was written or created`);
  }
  assert.equal(messages.size, new Set(hostile.map((file) => String(file.message))).size, 'each kind of fault gets its own message');
  assert.deepEqual(readdirSync(out), [], 'no partial store is left behind');
});

test('every file of the adversarial corpus the receive does not refuse is received into a store of our own', async (t) => {
  const { dir, files } = corpus();
  const out = tempDir(t);
  const accepted = files.filter((file) => !file.refused);
  assert.ok(accepted.length >= 10);
  for (const file of accepted) {
    const before = fingerprintFolder(dir);
    const output = join(out, `${accepted.indexOf(file)}.sqlite`);
    const received = await receiveBrief(file.path, output, NODE_RECEIVE_WORKER);
    assert.equal(received.output, output, file.name);
    assert.deepEqual(fingerprintFolder(dir), before, `${file.name}: nothing beside it was written or created`);
  }
});

/** A launcher that records that it was asked to start a check, and starts the real one. */
function countingLauncher(): { launch: WorkerLauncher; started: () => number } {
  let count = 0;
  return {
    launch: (payload) => {
      count++;
      return NODE_RECEIVE_WORKER(payload);
    },
    started: () => count,
  };
}

test('a folder, a FIFO, a device or a file over the size limit is refused before any copy, without starting the check', async (t) => {
  const kinds = [
    'a FIFO named .sqlite',
    'a link to a device',
    'a folder named .sqlite',
    'a file over the size limit',
    'a path that does not exist',
  ];
  const special = refusals().filter((file) => kinds.includes(file.name));
  assert.equal(special.length, process.platform === 'win32' ? 3 : 5);
  const { launch, started } = countingLauncher();
  const out = tempDir(t);
  for (const file of special) {
    const began = performance.now();
    await assert.rejects(receiveBrief(file.path, join(out, 'out.sqlite'), launch), { code: file.code, message: file.message });
    assert.ok(performance.now() - began < 1000, `${file.name}: refused at once`);
  }
  assert.equal(started(), 0, 'no check was started, so nothing was copied');
});

/** A stand-in for the worker that writes into the private folder and beside the output, then hangs until killed. */
const HANGING_WORKER = `
const fs = require('node:fs');
const payload = JSON.parse(process.argv.at(-1));
fs.writeFileSync(require('node:path').join(payload.privateDir, 'received.sqlite'), Buffer.alloc(1 << 20));
fs.writeFileSync(payload.partial, 'partial');
fs.writeFileSync(payload.partial + '-wal', 'partial');
process.stdout.write('copied');
setTimeout(() => {}, 60000);
`;

/** A brief file to receive (named `name`), a private root for the check's copy, and where the received store goes. */
function receiveSetup(t: Parameters<typeof tempDir>[0], name: string) {
  const dir = tempDir(t);
  const file = join(dir, name);
  makeBriefFile(file);
  return { dir, file, privateRoot: tempDir(t), out: join(tempDir(t), 'out.sqlite') };
}

test('a check that runs past the time limit is stopped and reported, and its private copy is removed', async (t) => {
  const { dir, privateRoot, file, out } = receiveSetup(t, 'slow.sqlite');
  const hanging = spawnLauncher(process.execPath, ['-e', HANGING_WORKER, '--']);
  await assert.rejects(receiveBrief(file, out, hanging, { timeoutMs: 1500, privateRoot }), {
    code: 'too-slow',
    message: /took longer than .* so it was not opened/,
  });
  assert.deepEqual(readdirSync(privateRoot), [], 'the private folder the parent made is gone with its copy');
  assert.deepEqual(readdirSync(join(out, '..')), [], 'no partial store is left beside the output');
  assert.deepEqual(readdirSync(dir), ['slow.sqlite']);
});

test('a worker that dies leaves nothing behind either', async (t) => {
  const { privateRoot, file, out } = receiveSetup(t, 'brief.sqlite');
  const dying = spawnLauncher(process.execPath, ['-e', HANGING_WORKER.replace('setTimeout(() => {}, 60000)', 'process.abort()'), '--']);
  await assert.rejects(receiveBrief(file, out, dying, { privateRoot }), { code: 'damaged', message: /stopped unexpectedly/ });
  assert.deepEqual(readdirSync(privateRoot), []);
  assert.deepEqual(readdirSync(join(out, '..')), []);
});

test('private folders and partial stores left by crashed runs are removed at the next receive, once they are an hour old', async (t) => {
  const dir = tempDir(t);
  const privateRoot = tempDir(t);
  const outDir = tempDir(t);
  const file = join(dir, 'brief.sqlite');
  makeBriefFile(file);
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  const make = (path: string, folder: boolean, old: boolean) => {
    if (folder) {
      mkdirSync(path);
      writeFileSync(join(path, 'received.sqlite'), 'copy');
    } else writeFileSync(path, 'partial');
    if (old) utimesSync(path, twoHoursAgo, twoHoursAgo);
  };
  make(join(privateRoot, 'briefing-receive-Crash1'), true, true);
  make(join(privateRoot, 'briefing-receive-Run123'), true, false);
  make(join(privateRoot, 'someone-elses-folder'), true, true);
  // Named like ours, but not what the receive makes: left alone.
  make(join(privateRoot, 'briefing-receive-notes-of-mine'), true, true);
  make(join(outDir, '.briefing-receive-Crash1.receiving.sqlite'), false, true);
  make(join(outDir, '.briefing-receive-Crash1.receiving.sqlite-wal'), false, true);
  make(join(outDir, 'working-copy.sqlite'), false, true);
  await receiveBrief(file, join(outDir, 'received.sqlite'), NODE_RECEIVE_WORKER, { privateRoot });
  assert.deepEqual(readdirSync(privateRoot).sort(), ['briefing-receive-Run123', 'briefing-receive-notes-of-mine', 'someone-elses-folder']);
  assert.deepEqual(readdirSync(outDir).sort(), ['received.sqlite', 'working-copy.sqlite']);
});

test('the check runs with its memory capped: a small V8 heap, and SQLite told to keep within a limit', (t) => {
  const heap = spawnSync(process.execPath, [...RECEIVE_WORKER_NODE_FLAGS, '-p', 'require("node:v8").getHeapStatistics().heap_size_limit'], {
    encoding: 'utf8',
  });
  // V8's limit is the old space asked for plus the young generation's spaces; by default it is gigabytes.
  assert.ok(Number(heap.stdout) <= 512 * 1024 * 1024, `heap limit ${heap.stdout}`);
  const db = new Database(join(tempDir(t), 'x.sqlite'));
  t.after(() => {
    db.pragma('hard_heap_limit = 0');
    db.close();
  });
  limitSqliteMemory(db);
  assert.equal(db.pragma('cache_size', { simple: true }), -SQLITE_CACHE_KIB);
  assert.equal(db.pragma('hard_heap_limit', { simple: true }), SQLITE_HEAP_LIMIT_BYTES);
});

test('a good file is received into a new store of our own; the file itself is untouched', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'colleague.sqlite');
  makeBriefFile(file, 'colleague');
  const before = sha256(file);
  const output = join(tempDir(t), 'working.sqlite');
  const received = await receiveBrief(file, output, NODE_RECEIVE_WORKER);
  assert.deepEqual(received, { schemaVersion: SCHEMA_VERSION, migrated: false, output });
  assert.equal(sha256(file), before);
  assert.deepEqual(readdirSync(dir), ['colleague.sqlite']);

  const db = openStore(output);
  t.after(() => db.close());
  const brief = new BriefStore(db).getBrief()!;
  assert.equal(brief.themes.length, 4);
  assert.equal(brief.author, 'colleague');
});

const FIXTURES = readdirSync(new URL('../fixtures/', import.meta.url))
  .filter((name) => /^schema-v\d+\.sqlite$/.test(name))
  .sort();

test('there is a fixture file of every released schema version before the current one', () => {
  const versions = FIXTURES.map((name) => Number(/v(\d+)/.exec(name)![1]));
  assert.deepEqual(
    versions,
    Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1),
  );
});

for (const fixture of FIXTURES) {
  test(`a file of the released ${fixture.replace('.sqlite', '')} opens through the migrations, on a copy, and is searchable`, async (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'old.sqlite');
    copyFileSync(new URL(`../fixtures/${fixture}`, import.meta.url), file);
    const before = sha256(file);
    const output = join(dir, 'migrated.sqlite');
    const received = await receiveBrief(file, output, NODE_RECEIVE_WORKER);
    assert.equal(received.schemaVersion, Number(/v(\d+)/.exec(fixture)![1]));
    assert.equal(received.migrated, true);
    assert.equal(sha256(file), before, 'the old file itself is not migrated');
    const db = openStore(output);
    t.after(() => db.close());
    assert.equal(readSchemaState(db).version, SCHEMA_VERSION);
    // The released v5 file was made by every edit of the README's example (one claim added).
    // (and a bottom line that names the engineers).
    const v5 = fixture === 'schema-v5.sqlite';
    assert.equal(new BriefStore(db).counts().claims, v5 ? 13 : 12);
    assert.equal(new Search(db).query('engineers').length, v5 ? 3 : 2);
    assert.ok(existsSync(output));
  });
}
