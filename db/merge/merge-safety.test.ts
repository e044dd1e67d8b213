import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { closeAsSingleFile, openStore, type Db, newId } from '../store/index.ts';
import { BriefStore } from '../read/index.ts';
import { BriefWriter, paletteId } from '../edit/index.ts';
import { StoreError } from '../../common/errors.ts';
import { conflictViews } from './merge-review.ts';
import { mergeInto, openConflicts, resolveConflict } from './merge.ts';
import { briefCopies, tempDir } from '../test-support/index.ts';

// Issue 12: merges that never fail and never lose a colleague's work. Each test below failed on
// the merge as it was before the fix.

/** Copies of one brief file, as colleagues would have after passing it around. */
const copies = (t: Parameters<typeof tempDir>[0], ...names: string[]) => briefCopies(tempDir(t), ...names);

/** Opens a copy, lets `work` change it, and closes it as the one file that travels. */
function edit<T>(path: string, work: (db: Db) => T): T {
  const db = openStore(path);
  try {
    return work(db);
  } finally {
    closeAsSingleFile(db);
  }
}

function open(t: { after: (fn: () => void) => void }, path: string): Db {
  const db = openStore(path);
  t.after(() => db.close());
  return db;
}

const claimIds = (db: Db): string[] => new BriefStore(db).getBrief()!.themes.flatMap((theme) => theme.claims.map((claim) => claim.id));
const claimText = (db: Db, id: string) => db.prepare('SELECT text FROM claims WHERE id = ?').pluck().get(id);
const claimRev = (db: Db, id: string) => db.prepare('SELECT rev FROM claims WHERE id = ?').pluck().get(id) as string;

/** Rewords claim `index` (from 0) of the copy at `path` as `author`; answers the claim's id. */
const reword = (path: string, index: number, author: string, text: string) =>
  edit(path, (db) => {
    const id = claimIds(db)[index]!;
    new BriefWriter(db, author).updateClaimText(id, text);
    return id;
  });

/** Rewords the claim `id` in the copy at `path` as `author`; answers its new revision. */
const rewordClaim = (path: string, id: string, author: string, text: string) =>
  edit(path, (db) => {
    new BriefWriter(db, author).updateClaimText(id, text);
    return claimRev(db, id);
  });
const tagsOfNotes = (db: Db) =>
  db
    .prepare(
      `SELECT n.body, t.name FROM note_tags nt JOIN notes n ON n.id = nt.note_id JOIN tags t ON t.id = nt.tag_id
       WHERE nt.deleted_at IS NULL ORDER BY n.body, t.name`,
    )
    .all();

function assertSound(db: Db): void {
  assert.deepEqual(db.pragma('foreign_key_check'), []);
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
}

const note = (body: string, tags: string[]) => ({ kind: 'note.add' as const, targetKind: 'brief' as const, targetId: null, body, tags });

test('bug 1: two colleagues tagging notes "urgent" merge both ways, one tag, every note keeps it', (t) => {
  const [mine, theirs] = copies(t, 'mine', 'theirs');
  edit(theirs!, (db) => new BriefWriter(db, 'colleague').apply(note('Theirs', ['urgent', 'ports'])));
  edit(mine!, (db) => new BriefWriter(db, 'me').apply(note('Mine', ['urgent'])));
  const mineBefore = join(mine! + '.before');
  copyFileSync(mine!, mineBefore);

  const db = open(t, mine!);
  mergeInto(db, theirs!);
  assertSound(db);
  assert.deepEqual(tagsOfNotes(db), [
    { body: 'Mine', name: 'urgent' },
    { body: 'Theirs', name: 'ports' },
    { body: 'Theirs', name: 'urgent' },
  ]);
  assert.equal(db.prepare("SELECT count(*) FROM tags WHERE name = 'urgent'").pluck().get(), 1);
  assert.deepEqual(openConflicts(db), []);

  const other = open(t, theirs!);
  mergeInto(other, mineBefore);
  assertSound(other);
  assert.deepEqual(tagsOfNotes(other), tagsOfNotes(db));
});

test('bug 1: tags made by an older version (random ids, names differing in case) are matched by name', (t) => {
  const [mine, theirs] = copies(t, 'mine', 'theirs');
  edit(mine!, (db) => new BriefWriter(db, 'me').apply(note('Mine', ['urgent'])));
  edit(theirs!, (db) => {
    new BriefWriter(db, 'colleague').apply(note('Theirs', ['Urgent']));
    // What an older Briefing Desk wrote: a random id per tag and per link.
    db.pragma('foreign_keys = OFF');
    const tag = newId();
    db.prepare('UPDATE note_tags SET tag_id = ?, id = ?').run(tag, newId());
    db.prepare('UPDATE tags SET id = ?').run(tag);
    db.pragma('foreign_keys = ON');
  });
  const db = open(t, mine!);
  mergeInto(db, theirs!);
  assertSound(db);
  assert.deepEqual(
    tagsOfNotes(db).map((row) => (row as { body: string }).body),
    ['Mine', 'Theirs'],
  );
  assert.equal(db.prepare('SELECT count(*) FROM tags').pluck().get(), 1);
  // The spelling differs: kept for review rather than silently dropped.
  assert.deepEqual(
    conflictViews(db).map((c) => [c.table, c.fields]),
    [['tags', [{ field: 'Name', ours: 'urgent', theirs: 'Urgent' }]]],
  );
  const again = mergeInto(db, theirs!);
  assert.deepEqual([again.added, again.updated, again.conflicts], [0, 0, 0]);
});

test('bug 2: ancestor rows of a file are taken only with the revision they describe', (t) => {
  const [mine, poisoned, colleague] = copies(t, 'mine', 'poisoned', 'colleague');
  const claim = reword(colleague!, 3, 'colleague', 'The colleague’s correction.');
  const colleagueRev = edit(colleague!, (db) => claimRev(db, claim));
  // A file whose claim is untouched, but which says the colleague's (future) revision came before it.
  edit(poisoned!, (db) => {
    db.prepare("INSERT INTO row_ancestors (table_name, row_id, rev) VALUES ('claims', ?, ?)").run(claim, colleagueRev);
    // And claims about rows it does not even carry.
    db.prepare("INSERT INTO row_ancestors (table_name, row_id, rev) VALUES ('notes', ?, ?)").run(newId(), newId());
  });
  const db = open(t, mine!);
  mergeInto(db, poisoned!);
  assert.equal(db.prepare('SELECT count(*) FROM row_ancestors WHERE rev = ?').pluck().get(colleagueRev), 0);
  const report = mergeInto(db, colleague!);
  assert.equal(report.updated, 1);
  assert.equal(claimText(db, claim), 'The colleague’s correction.');
});

test('bug 2: a revision said to come before one written earlier than it is not believed; the edit is kept for review', (t) => {
  const [mine, poisoned, colleague] = copies(t, 'mine', 'poisoned', 'colleague');
  const claim = reword(poisoned!, 3, 'other', 'An earlier edit elsewhere.');
  const colleagueRev = rewordClaim(colleague!, claim, 'colleague', 'The colleague’s correction.');
  // The poisoned file lists the colleague's later revision among the ancestors of its own, earlier one.
  edit(poisoned!, (db) =>
    db.prepare("INSERT INTO row_ancestors (table_name, row_id, rev) VALUES ('claims', ?, ?)").run(claim, colleagueRev),
  );
  const db = open(t, mine!);
  mergeInto(db, poisoned!);
  assert.equal(claimText(db, claim), 'An earlier edit elsewhere.');
  const report = mergeInto(db, colleague!);
  assert.equal(report.conflicts, 1, 'not dropped silently');
  assert.deepEqual(
    openConflicts(db).map((c) => [c.rowId, c.theirs.text, c.theirs.author]),
    [[claim, 'The colleague’s correction.', 'colleague']],
  );
});

test('bug 2: a file cannot make our current revision look superseded by a row that was written before it', (t) => {
  const [mine, poisoned] = copies(t, 'mine', 'poisoned');
  const claim = reword(poisoned!, 2, 'other', 'Written first, elsewhere.');
  const ours = rewordClaim(mine!, claim, 'me', 'My later wording.');
  edit(poisoned!, (db) => db.prepare("INSERT INTO row_ancestors (table_name, row_id, rev) VALUES ('claims', ?, ?)").run(claim, ours));
  const db = open(t, mine!);
  const report = mergeInto(db, poisoned!);
  assert.equal(claimText(db, claim), 'My later wording.');
  assert.equal(report.conflicts, 1);
  assert.equal(openConflicts(db)[0]!.theirs.text, 'Written first, elsewhere.');
});

test('bug 3: a file holding a second, foreign brief row is refused, whichever sorts first', (t) => {
  for (const createdAt of ['2000-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z']) {
    const [mine, theirs] = copies(t, 'mine', 'theirs');
    edit(theirs!, (db) => {
      db.prepare("INSERT INTO brief (id, rev, created_at, updated_at, author, title) VALUES (?, ?, ?, ?, 'stranger', 'Another brief')").run(
        newId(),
        newId(),
        createdAt,
        createdAt,
      );
      new BriefWriter(db, 'colleague').addNote({ targetKind: 'brief', targetId: null, body: 'Theirs' });
    });
    const db = open(t, mine!);
    const before = db.prepare('SELECT count(*) FROM brief').pluck().get();
    assert.throws(
      () => mergeInto(db, theirs!),
      (error: unknown) => error instanceof StoreError && error.code === 'not-a-brief' && /brief/.test(error.message),
    );
    assert.equal(db.prepare('SELECT count(*) FROM brief').pluck().get(), before);
    assert.equal(db.prepare('SELECT count(*) FROM notes').pluck().get(), 0);
  }
});

test('bug 3: a file whose only brief is deleted, or that holds none, is refused', (t) => {
  const [mine, deleted, none] = copies(t, 'mine', 'deleted', 'none');
  edit(deleted!, (db) => db.exec("UPDATE brief SET deleted_at = '2025-01-01T00:00:00.000Z'"));
  edit(none!, (db) => {
    db.pragma('foreign_keys = OFF');
    db.exec('DELETE FROM brief');
  });
  const db = open(t, mine!);
  for (const path of [deleted!, none!]) {
    assert.throws(
      () => mergeInto(db, path),
      (error: unknown) => error instanceof StoreError && error.code === 'not-a-brief',
    );
  }
});

test('bug 4: a damaged conflict row never breaks the listing, and a merge sets it aside', (t) => {
  const [mine, theirs, plain] = copies(t, 'mine', 'theirs', 'plain');
  const [first, second] = edit(theirs!, (db) => {
    const ids = claimIds(db);
    new BriefWriter(db, 'colleague').updateClaimText(ids[0]!, 'Theirs 1');
    new BriefWriter(db, 'colleague').updateClaimText(ids[1]!, 'Theirs 2');
    return ids;
  });
  const db = open(t, mine!);
  new BriefWriter(db, 'me').updateClaimText(first!, 'Mine 1');
  new BriefWriter(db, 'me').updateClaimText(second!, 'Mine 2');
  mergeInto(db, theirs!);
  assert.equal(openConflicts(db).length, 2);
  db.prepare("UPDATE merge_conflicts SET theirs_row = '{not json' WHERE row_id = ?").run(first);
  const damaged = db.prepare('SELECT id FROM merge_conflicts WHERE row_id = ?').pluck().get(first) as string;

  assert.deepEqual(
    conflictViews(db).map((c) => c.rowId),
    [second],
  );
  assert.deepEqual(
    openConflicts(db).map((c) => c.rowId),
    [second],
  );
  assert.throws(
    () => resolveConflict(db, damaged, 'theirs'),
    (error: unknown) => error instanceof StoreError && !/JSON/.test(error.message),
  );
  for (const json of ['null', '[1,2]', '"text"', '{"id": 7}']) {
    db.prepare('UPDATE merge_conflicts SET theirs_row = ? WHERE row_id = ?').run(json, first);
    assert.deepEqual(
      conflictViews(db).map((c) => c.rowId),
      [second],
    );
  }
  // A merge sets the damaged row aside (kept as ours)…
  mergeInto(db, plain!);
  assert.notEqual(db.prepare('SELECT resolved_at FROM merge_conflicts WHERE id = ?').pluck().get(damaged), null);
  assert.equal(openConflicts(db).length, 1);
  // …and merging their file again brings their version back for review, whole.
  mergeInto(db, theirs!);
  assert.deepEqual(
    openConflicts(db)
      .map((c) => [c.ours?.text, c.theirs.text])
      .sort(),
    [
      ['Mine 1', 'Theirs 1'],
      ['Mine 2', 'Theirs 2'],
    ],
  );
});

test('bug 5: palette rows of one colour under different ids meet as one item: a conflict, never a UNIQUE error', (t) => {
  const [mine, theirs] = copies(t, 'mine', 'theirs');
  edit(mine!, (db) => new BriefWriter(db, 'me').apply({ kind: 'palette.rename', colour: 'yellow', meaning: 'Key fact' }));
  edit(theirs!, (db) => {
    // Another id for the same colour, as a file made elsewhere might hold.
    db.prepare(
      "INSERT INTO palette (id, rev, created_at, updated_at, author, colour, meaning) VALUES (?, ?, ?, ?, 'colleague', 'yellow', 'Check this')",
    ).run(newId(), newId(), '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
  });
  const db = open(t, mine!);
  const report = mergeInto(db, theirs!);
  assertSound(db);
  assert.equal(report.conflicts, 1);
  const [conflict] = conflictViews(db);
  assert.equal(conflict!.rowId, paletteId('yellow'));
  assert.deepEqual(conflict!.fields, [{ field: 'Meaning', ours: 'Key fact', theirs: 'Check this' }]);
  resolveConflict(db, conflict!.id, 'theirs');
  assert.equal(db.prepare("SELECT meaning FROM palette WHERE colour = 'yellow'").pluck().get(), 'Check this');
  assertSound(db);
});

test('bug 5: rows pointing at items the file does not hold are kept for review, not an aborted merge', (t) => {
  const [mine, theirs] = copies(t, 'mine', 'theirs');
  const kept = edit(theirs!, (db) => {
    const writer = new BriefWriter(db, 'colleague');
    const good = writer.addNote({ targetKind: 'brief', targetId: null, body: 'A good note' });
    writer.apply(note('Tagged', ['urgent']));
    // A damaged file: the tag its link points at is gone.
    db.pragma('foreign_keys = OFF');
    db.exec('DELETE FROM tags');
    return good;
  });
  const db = open(t, mine!);
  const report = mergeInto(db, theirs!);
  assertSound(db);
  assert.equal(db.prepare('SELECT body FROM notes WHERE id = ?').pluck().get(kept), 'A good note');
  assert.equal(report.conflicts, 1);
  const [view] = conflictViews(db);
  assert.equal(view!.table, 'note_tags');
  assert.equal(view!.ours.deleted, true, 'this copy has no such item');
  assert.throws(
    () => resolveConflict(db, view!.id, 'theirs'),
    (error: unknown) => error instanceof StoreError && !/constraint/i.test(error.message),
  );
  resolveConflict(db, view!.id, 'ours');
  assert.deepEqual(openConflicts(db), []);
});

test('bug 5: no raw SQLite message escapes a merge', (t) => {
  const [mine] = copies(t, 'mine');
  const dir = tempDir(t);
  const junk = join(dir, 'junk.sqlite');
  writeFileSync(junk, 'this is not a database at all, just some words in a file '.repeat(100));
  const db = open(t, mine!);
  assert.throws(
    () => mergeInto(db, junk),
    (error: unknown) => error instanceof StoreError && !/SQLITE|constraint|file is not a database/.test(error.message),
  );
  assert.deepEqual(db.prepare('PRAGMA database_list').all().length, 1, 'nothing stays attached');
});

// How the fixes above keep copies together, one case each (merge.property.test.ts tries them at random).

test('the same change made in two copies is joined, not a conflict, under one revision in both', (t) => {
  const [a, b] = copies(t, 'a', 'b');
  const claim = edit(a!, (db) => {
    const id = claimIds(db)[1]!;
    new BriefWriter(db, 'alice').apply({ kind: 'claim.assess', id, confidence: 'high', judgement: 'Two sources agree' });
    return id;
  });
  edit(b!, (db) =>
    new BriefWriter(db, 'bob').apply({ kind: 'claim.assess', id: claim, confidence: 'high', judgement: 'Two sources agree' }),
  );
  const aBefore = `${a!}.before`;
  copyFileSync(a!, aBefore);
  const left = open(t, a!);
  const right = open(t, b!);
  assert.equal(mergeInto(left, b!).conflicts, 0);
  assert.equal(mergeInto(right, aBefore).conflicts, 0);
  const revOf = (db: Db) => db.prepare('SELECT rev, author FROM claims WHERE id = ?').get(claim);
  assert.deepEqual(revOf(left), revOf(right));
});

test('a colleague who kept their own over two copies that agreed is newer than those copies once they have joined', (t) => {
  // Alice and Bob write the same bottom line; Carol writes another, meets both in turn and keeps hers.
  // Carol's line has seen both of theirs, so once Alice has joined Bob's, Carol's is simply later.
  const [alice, bob, carol] = copies(t, 'alice', 'bob', 'carol');
  const bottomLine = (text: string | null) => ({ kind: 'brief.bottomLine' as const, text });
  edit(alice!, (db) => new BriefWriter(db, 'alice').apply(bottomLine('Doubtful')));
  edit(bob!, (db) => new BriefWriter(db, 'bob').apply(bottomLine('Doubtful')));
  edit(carol!, (db) => {
    new BriefWriter(db, 'carol').apply(bottomLine('Undecided'));
    for (const path of [bob!, alice!]) {
      assert.equal(mergeInto(db, path).conflicts, 1);
      resolveConflict(db, openConflicts(db)[0]!.id, 'ours');
    }
  });
  const db = open(t, alice!);
  assert.equal(mergeInto(db, bob!).conflicts, 0, 'the same line twice is joined');
  const report = mergeInto(db, carol!);
  assert.deepEqual([report.updated, report.conflicts], [1, 0]);
  assert.equal(db.prepare('SELECT bottom_line FROM brief').pluck().get(), 'Undecided');
  assert.deepEqual(openConflicts(db), []);
});

test('a version waiting in the sender’s conflicts travels with their file', (t) => {
  const [alice, bob, carol] = copies(t, 'alice', 'bob', 'carol');
  const claim = reword(alice!, 0, 'alice', 'Alice’s wording.');
  rewordClaim(bob!, claim, 'bob', 'Bob’s wording.');
  // Bob merges Alice's copy and keeps his own for now; Carol then receives only Bob's.
  edit(bob!, (db) => assert.equal(mergeInto(db, alice!).conflicts, 1));
  const db = open(t, carol!);
  mergeInto(db, bob!);
  assert.equal(claimText(db, claim), 'Bob’s wording.');
  assert.deepEqual(
    openConflicts(db).map((c) => [c.theirs.text, c.theirs.author]),
    [['Alice’s wording.', 'alice']],
  );
});

test('a settled conflict is an ordinary, later edit for every other copy', (t) => {
  const [alice, bob, carol] = copies(t, 'alice', 'bob', 'carol');
  const claim = reword(alice!, 0, 'alice', 'Alice’s wording.');
  rewordClaim(bob!, claim, 'bob', 'Bob’s wording.');
  copyFileSync(alice!, carol!);
  edit(alice!, (db) => {
    mergeInto(db, bob!);
    resolveConflict(db, openConflicts(db)[0]!.id, 'theirs');
  });
  for (const path of [bob!, carol!]) {
    const db = open(t, path);
    const report = mergeInto(db, alice!);
    assert.deepEqual([report.updated, report.conflicts], [1, 0]);
    assert.equal(claimText(db, claim), 'Bob’s wording.');
    assert.deepEqual(openConflicts(db), []);
  }
});
