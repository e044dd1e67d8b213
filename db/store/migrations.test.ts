import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.ts';
import { schemaAfter, schemaOf } from './migrations/snapshot.ts';

// A migration is frozen at release: files in the wild were made by it, so it must produce the same
// schema forever. These tests fail when a released migration's schema changes, or when a migration
// borrows live code that could change under it.
const here = new URL('./migrations/', import.meta.url);
const snapshot = (version: number) => JSON.parse(readFileSync(new URL(`snapshots/schema-v${version}.json`, here), 'utf8')) as unknown;

test('every schema version is exactly its committed snapshot', () => {
  for (const migration of MIGRATIONS) {
    assert.deepEqual(
      schemaAfter(migration.version),
      snapshot(migration.version),
      `schema v${migration.version} differs from snapshots/schema-v${migration.version}.json`,
    );
  }
  const snapshots = readdirSync(new URL('snapshots/', here)).filter((name) => /^schema-v\d+\.json$/.test(name));
  assert.equal(snapshots.length, MIGRATIONS.length, 'one snapshot per released version; a new migration commits its own');
});

test('the released files of every older version have the schema their snapshot says', () => {
  for (const { version } of MIGRATIONS.slice(0, -1)) {
    const db = new Database(new URL(`../fixtures/schema-v${version}.sqlite`, import.meta.url).pathname, {
      readonly: true,
      fileMustExist: true,
    });
    try {
      assert.deepEqual(schemaOf(db), snapshot(version), `db/fixtures/schema-v${version}.sqlite`);
    } finally {
      db.close();
    }
  }
});

test('migrations import nothing live: only their own type', () => {
  for (const file of readdirSync(here).filter((name) => /^\d{3}-.*\.ts$/.test(name))) {
    const imports = [...readFileSync(new URL(file, here), 'utf8').matchAll(/^\s*import\s+(type\s+)?[^'"]*['"]([^'"]+)['"]/gm)].map(
      (m) => `${m[1] ? 'type ' : ''}${m[2]}`,
    );
    assert.deepEqual(imports, ['type ./types.ts'], `${file} imports ${imports.join(', ')}`);
  }
});

test('versions are numbered in order and files in tens', () => {
  assert.deepEqual(
    MIGRATIONS.map((m) => m.version),
    MIGRATIONS.map((_, index) => index + 1),
  );
  const files = readdirSync(here)
    .filter((name) => /^\d{3}-.*\.ts$/.test(name))
    .sort();
  assert.deepEqual(
    files.map((name) => Number(name.slice(0, 3))),
    MIGRATIONS.map((m) => m.version * 10),
  );
});
