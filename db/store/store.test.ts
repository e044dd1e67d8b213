import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { openStore } from './connection.ts';
import { migrate, readSchemaState } from './migrate.ts';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './migrations/index.ts';
import { BriefStore } from '../read/index.ts';
import { openWorkspace, SEED_ARTICLE } from '../seed/index.ts';
import { importArticle, parseArticle } from '../import/index.ts';
import { sha256, tempDir } from '../test-support/index.ts';

const tables = (db: Database.Database) =>
  // FTS5 keeps its data in shadow tables named after the index; they are not tables of ours.
  db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%' ORDER BY name",
    )
    .pluck()
    .all();

test('an empty file migrates to the current schema with our application id, in WAL mode with foreign keys on', (t) => {
  const path = join(tempDir(t), 'new.sqlite');
  const db = openStore(path);
  t.after(() => db.close());
  assert.deepEqual(readSchemaState(db), { applicationId: APPLICATION_ID, version: SCHEMA_VERSION });
  assert.equal(SCHEMA_VERSION, MIGRATIONS.at(-1)!.version);
  assert.deepEqual(tables(db), [
    'annotations',
    'brief',
    'citation_grades',
    'citations',
    'claims',
    'dismissed_figures',
    'edit_history',
    'evidence_links',
    'export_settings',
    'indicators',
    'judgments',
    'merge_conflicts',
    'note_tags',
    'notes',
    'observations',
    'palette',
    'row_ancestors',
    'search_index',
    'sources',
    'tags',
    'themes',
  ]);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
});

test('a file from a newer Briefing Desk is refused with its schema version, and left unchanged', (t) => {
  const path = join(tempDir(t), 'future.sqlite');
  const future = new Database(path);
  future.pragma(`application_id = ${APPLICATION_ID}`);
  future.pragma('user_version = 7');
  future.exec('CREATE TABLE brief (id TEXT)');
  future.close();
  const before = sha256(path);
  assert.throws(() => openStore(path), { code: 'newer-schema', message: /newer Briefing Desk \(schema 7;.*update the app/ });
  assert.equal(sha256(path), before);
});

test('a SQLite file of another application, and a file that is not SQLite, are refused as not ours', (t) => {
  const dir = tempDir(t);
  const other = join(dir, 'other.sqlite');
  const foreign = new Database(other);
  foreign.exec('CREATE TABLE contacts (name TEXT)');
  foreign.close();
  assert.throws(() => openStore(other), { code: 'not-a-brief', message: /not a Briefing Desk file/ });

  const html = join(dir, 'page.sqlite');
  writeFileSync(html, '<!doctype html><title>not a database</title>'.repeat(200));
  assert.throws(() => openStore(html), { code: 'not-a-brief' });
});

test('all pending migrations run in one transaction: a failing one leaves the file as it was', (t) => {
  const db = new Database(join(tempDir(t), 'rollback.sqlite'));
  t.after(() => db.close());
  const broken = { version: 2, name: 'broken', sql: 'CREATE TABLE extra (x); SELECT * FROM no_such_table;' };
  assert.throws(() => migrate(db, { migrations: [...MIGRATIONS, broken] }), /no such table/);
  assert.deepEqual(readSchemaState(db), { applicationId: 0, version: 0 });
  assert.deepEqual(tables(db), []);
});

test('the working store is seeded once with the embedded brief, and reopening shows the same brief', (t) => {
  const path = join(tempDir(t), 'work.sqlite');
  const first = openWorkspace(path, 'analyst');
  const brief = first.briefs.getBrief();
  first.close();
  const again = openWorkspace(path, 'analyst');
  t.after(() => again.close());
  assert.deepEqual(again.briefs.getBrief(), brief);
  assert.equal(again.briefs.counts().themes, 4);
});

test('the embedded brief holds every theme, claim and citation of the article, each row stamped for merging', (t) => {
  const workspace = openWorkspace(join(tempDir(t), 'seed.sqlite'), 'analyst');
  t.after(() => workspace.close());
  const brief = workspace.briefs.getBrief()!;
  const article = parseArticle(SEED_ARTICLE);

  assert.equal(brief.sources.length, 1);
  const [source] = brief.sources;
  assert.equal(source!.titleOriginal, article.headline);
  assert.equal(source!.publisher, 'Sou Hu Cai Jing');
  assert.equal(source!.publishedOn, '2025-11-09');
  assert.match(source!.translationNote ?? '', /not part of the source/);

  assert.deepEqual(
    brief.themes.map((theme) => theme.label),
    article.groups.map((g) => g.label),
  );
  assert.deepEqual(
    brief.themes.map((theme) => theme.claims.map((claim) => [claim.text, claim.citations.map((c) => [c.marker, c.offset])])),
    article.groups.map((g) => g.claims.map((claim) => [claim.text, claim.citations.map((c) => [c.marker, c.offset])])),
  );
  const rows = [brief, ...brief.sources, ...brief.themes, ...brief.themes.flatMap((th) => th.claims), ...brief.indicators];
  for (const row of rows) {
    assert.match(row.id, /^[0-9a-f-]{36}$/);
    assert.equal(row.author, 'analyst');
    assert.ok(!Number.isNaN(Date.parse(row.createdAt)) && row.updatedAt >= row.createdAt);
  }
  assert.equal(new Set(rows.map((row) => row.id)).size, rows.length);

  // The analyst's own answer is theirs to write: a new user starts with none of it.
  assert.equal(brief.bottomLine, null);
  assert.deepEqual(brief.judgments, []);
  assert.deepEqual(brief.citationGrades, []);
  assert.equal(brief.exportSettings, null);
  assert.deepEqual(
    brief.sources.map((s) => s.grade),
    [{ reliability: null, credibility: null }],
  );
});

test('a file of every older schema version opens as the user’s own, migrated, with its work kept and nothing of a later schema invented', (t) => {
  const dir = tempDir(t);
  for (const { version } of MIGRATIONS.slice(0, -1)) {
    const path = join(dir, `v${version}.sqlite`);
    copyFileSync(new URL(`../fixtures/schema-v${version}.sqlite`, import.meta.url), path);
    const db = openStore(path);
    try {
      assert.equal(readSchemaState(db).version, SCHEMA_VERSION);
      const brief = new BriefStore(db).getBrief()!;
      const claims = brief.themes.flatMap((theme) => theme.claims);
      // The released v5 file was made by every edit of the README's example (one claim added).
      assert.equal(claims.length, version === 5 ? 13 : 12, `v${version}`);
      if (version < 5) {
        assert.deepEqual(
          [brief.bottomLine, brief.judgments, brief.citationGrades, brief.exportSettings],
          [null, [], [], null],
          `v${version}`,
        );
      }
      // Schema 6 (several sources): one source, no file it was read from, no short name, no translation of a claim, nothing dismissed.
      assert.deepEqual(
        brief.sources.map((source) => [source.shortName, source.provenance]),
        [[null, null]],
        `v${version}`,
      );
      assert.ok(
        claims.every((claim) => claim.translation === null),
        `v${version}`,
      );
      assert.ok(
        brief.themes.every((theme) => theme.sourceId === null),
        `v${version}`,
      );
      assert.deepEqual(brief.dismissedFigures, [], `v${version}`);
      if (version === 4) {
        // The released v4 file holds an assessment, a renamed colour, a highlight with a comment and a tagged note.
        assert.equal(brief.themes[0]!.claims[0]!.confidence, 'moderate');
        assert.equal(brief.palette.find((p) => p.colour === 'red')!.meaning, 'Check this');
        assert.deepEqual(
          brief.highlights.map((h) => [h.comment, h.anchor !== null]),
          [['Which year?', true]],
        );
        assert.deepEqual(
          brief.notes.map((n) => n.tags),
          [['follow-up']],
        );
      }
      if (version === 5) {
        // The released v5 file: a bottom line, key judgments with evidence, graded references and source, export settings.
        assert.ok(brief.bottomLine);
        assert.ok(brief.judgments.length > 0 && brief.judgments.some((judgment) => judgment.evidence.length > 0));
        assert.ok(brief.citationGrades.length > 0);
        assert.notEqual(brief.sources[0]!.grade.reliability, null);
        assert.notEqual(brief.exportSettings, null);
      }
    } finally {
      db.close();
    }
  }
});

test('every figure in the claims is an indicator with value, unit, date and the claim it comes from', (t) => {
  const workspace = openWorkspace(join(tempDir(t), 'seed.sqlite'), 'analyst');
  t.after(() => workspace.close());
  const brief = workspace.briefs.getBrief()!;
  const claims = new Map(brief.themes.flatMap((theme) => theme.claims).map((claim) => [claim.id, claim]));
  const observations = brief.indicators.flatMap((indicator) => indicator.observations);

  for (const indicator of brief.indicators) {
    assert.ok(indicator.claimId && claims.has(indicator.claimId), `${indicator.name} links to a claim`);
    assert.ok(indicator.unit !== '', `${indicator.name} has a unit`);
    assert.ok(indicator.observations.length > 0);
  }
  for (const observation of observations) {
    const claim = claims.get(observation.claimId!)!;
    assert.ok(claim.text.includes(observation.quote!), `"${observation.quote}" is in claim "${claim.text}"`);
    assert.ok(
      observation.quote!.replaceAll(',', '').includes(String(observation.value)) ||
        observation.comparator === 'rank' ||
        /three/.test(observation.quote!),
    );
    assert.ok(observation.asOf !== null || /no date/.test(observation.asOfNote ?? ''), 'undated only where the source gives no date');
  }
  // Completeness: each number written in a claim (digits or number words) is quoted by an indicator of that claim.
  for (const claim of claims.values()) {
    const figures = [
      ...claim.text.matchAll(/\d[\d,.]*%?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|first|second|third|fourth|fifth)\b/g),
    ].map((m) => m[0]);
    for (const figure of figures) {
      const covered = observations.some((o) => o.claimId === claim.id && o.quote!.includes(figure));
      assert.ok(covered, `"${figure}" in "${claim.text.slice(0, 60)}…" is covered by an indicator`);
    }
  }
  const recycling = brief.indicators.find((indicator) => /recycling/i.test(indicator.name))!;
  assert.deepEqual(
    recycling.observations.map((o) => [o.value, o.unit, o.asOf]),
    [
      [55, '%', null],
      [78, '%', '2025-11-09'],
    ],
  );
});

test('an indicator that quotes words its claim does not say is refused, and nothing is written', (t) => {
  const db = openStore(join(tempDir(t), 'bad.sqlite'));
  t.after(() => db.close());
  const indicators = [
    {
      name: 'Invented',
      unit: '%',
      group: 1,
      claim: 1,
      observations: [{ value: 99, comparator: 'equal' as const, quote: '99% of everything', asOfNote: 'x' }],
    },
  ];
  assert.throws(() => importArticle(db, parseArticle(SEED_ARTICLE), { author: 'a', indicators }), {
    code: 'bad-article',
    message: /does not say/,
  });
  assert.equal(new BriefStore(db).hasBrief(), false);
});
