import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { Search, BriefStore } from '../read/index.ts';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore, readSchemaState, SCHEMA_VERSION } from '../store/index.ts';
import { makeBriefFile, buildHostileCorpus, sha256, tempDir } from '../test-support/index.ts';
import { NODE_RECEIVE_WORKER } from './node-worker.ts';
import { receiveBrief, spawnLauncher } from './receive.ts';

test('every hostile or damaged file is refused with its own message, in time, and its bytes are unchanged', async (t) => {
  const dir = tempDir(t);
  const corpus = buildHostileCorpus(dir);
  assert.equal(corpus.length, 12);
  const out = tempDir(t);
  const messages = new Set<string>();
  for (const file of corpus) {
    const before = readdirSync(dir).map((name) => [name, sha256(join(dir, name))]);
    const started = performance.now();
    await assert.rejects(
      receiveBrief(file.path, join(out, `${file.name}.sqlite`), NODE_RECEIVE_WORKER),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, file.code, `${file.name}: ${error.message}`);
        assert.match(error.message, file.message, file.name);
        messages.add(error.message);
        return true;
      },
    );
    assert.ok(performance.now() - started < 10_000, `${file.name} refused within 10 s`);
    assert.deepEqual(
      readdirSync(dir).map((name) => [name, sha256(join(dir, name))]),
      before,
      `${file.name}: nothing beside it was written or created`,
    );
  }
  assert.equal(messages.size, corpus.length, 'each file gets its own message');
  assert.deepEqual(readdirSync(out), [], 'no partial store is left behind');
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
    assert.equal(new BriefStore(db).counts().claims, 12);
    assert.equal(new Search(db).query('engineers').length, 2);
    assert.ok(existsSync(output));
  });
}

test('a check that runs past the time limit is stopped and reported', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'slow.sqlite');
  makeBriefFile(file);
  const sleeper = spawnLauncher(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', '--']);
  await assert.rejects(receiveBrief(file, join(dir, 'out.sqlite'), sleeper, 300), {
    code: 'too-slow',
    message: /took longer than .* so it was not opened/,
  });
});
