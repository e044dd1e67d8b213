import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { closeAsSingleFile, openStore, type Db, ITEM_TABLES } from '../store/index.ts';
import { BriefStore } from '../read/index.ts';
import { BriefWriter } from '../edit/index.ts';
import { mergeInto, openConflicts, resolveConflict } from './merge.ts';
import { briefCopies, makeBriefFile, tempDir } from '../test-support/index.ts';

/** Every item of every table, in a stable order: what "the same brief" means. */
function snapshot(db: Db): string {
  return JSON.stringify(ITEM_TABLES.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all()));
}

function claimIds(db: Db): string[] {
  return new BriefStore(db).getBrief()!.themes.flatMap((theme) => theme.claims.map((claim) => claim.id));
}

/** Copies of one brief file, as colleagues would have after passing it around. */
const copies = (t: Parameters<typeof tempDir>[0], ...names: string[]) => briefCopies(tempDir(t), ...names);

/** Saves a working copy the way it would travel: one closed, self-contained file. */
function close(db: Db): void {
  closeAsSingleFile(db);
}

test('a change on one side only is taken, with its author; new items from both sides are kept', (t) => {
  const [mine, theirs] = copies(t, 'mine', 'theirs');
  const their = openStore(theirs!);
  const claim = claimIds(their)[4]!;
  new BriefWriter(their, 'colleague').updateClaimText(claim, 'Revised by the colleague.');
  const theirNote = new BriefWriter(their, 'colleague').addNote({ targetKind: 'claim', targetId: claim, body: 'Check the 2% figure.' });
  close(their);

  const db = openStore(mine!);
  t.after(() => db.close());
  const myNote = new BriefWriter(db, 'me').addNote({ targetKind: 'brief', targetId: null, body: 'My note' });
  const report = mergeInto(db, theirs!);
  assert.equal(report.updated, 1);
  assert.equal(report.added, 1);
  assert.equal(report.conflicts, 0);
  assert.deepEqual(report.authors, ['colleague']);
  const merged = new BriefStore(db)
    .getBrief()!
    .themes.flatMap((theme) => theme.claims)
    .find((c) => c.id === claim)!;
  assert.equal(merged.text, 'Revised by the colleague.');
  assert.equal(merged.author, 'colleague');
  const notes = db.prepare('SELECT id, author FROM notes ORDER BY author').all();
  assert.deepEqual(notes, [
    { id: theirNote, author: 'colleague' },
    { id: myNote, author: 'me' },
  ]);
});

test('a change on both sides is a conflict kept for review; each resolution sticks through a second merge', (t) => {
  const [mine, theirs] = copies(t, 'mine', 'theirs');
  const their = openStore(theirs!);
  const [first, second] = claimIds(their);
  const colleague = new BriefWriter(their, 'colleague');
  colleague.updateClaimText(first!, 'Theirs 1');
  colleague.updateClaimText(second!, 'Theirs 2');
  close(their);

  const db = openStore(mine!);
  t.after(() => db.close());
  const me = new BriefWriter(db, 'me');
  me.updateClaimText(first!, 'Mine 1');
  me.updateClaimText(second!, 'Mine 2');
  const report = mergeInto(db, theirs!, 'theirs.sqlite');
  assert.equal(report.conflicts, 2);
  const conflicts = openConflicts(db);
  assert.deepEqual(conflicts.map((c) => [c.ours?.text, c.theirs.text, c.theirs.author]).sort(), [
    ['Mine 1', 'Theirs 1', 'colleague'],
    ['Mine 2', 'Theirs 2', 'colleague'],
  ]);
  assert.equal(new BriefStore(db).getBrief()!.themes[0]!.claims[0]!.text, 'Mine 1', 'until resolved, ours stays in place');

  resolveConflict(db, conflicts.find((c) => c.rowId === first)!.id, 'ours');
  resolveConflict(db, conflicts.find((c) => c.rowId === second)!.id, 'theirs');
  const claims = new BriefStore(db).getBrief()!.themes[0]!.claims;
  assert.deepEqual(
    claims.slice(0, 2).map((c) => [c.text, c.author]),
    [
      ['Mine 1', 'me'],
      ['Theirs 2', 'colleague'],
    ],
  );
  assert.deepEqual(openConflicts(db), []);

  const before = snapshot(db);
  const again = mergeInto(db, theirs!);
  assert.deepEqual([again.added, again.updated, again.conflicts], [0, 0, 0]);
  assert.equal(snapshot(db), before, 'merging the same file twice changes nothing the second time');
});

test('a deleted note stays deleted when an older copy that still has it is merged', (t) => {
  const [mine, theirs] = copies(t, 'mine', 'theirs');
  const db = openStore(mine!);
  t.after(() => db.close());
  const writer = new BriefWriter(db, 'me');
  const note = writer.addNote({ targetKind: 'brief', targetId: null, body: 'temporary' });
  closeAsSingleFile(db);
  copyFileSync(mine!, theirs!);
  const reopened = openStore(mine!);
  t.after(() => reopened.close());
  new BriefWriter(reopened, 'me').deleteNote(note);
  mergeInto(reopened, theirs!);
  assert.notEqual(reopened.prepare('SELECT deleted_at FROM notes WHERE id = ?').pluck().get(note), null);
});

test('a different brief is refused, and the merge leaves ours untouched', (t) => {
  const dir = tempDir(t);
  makeBriefFile(join(dir, 'a.sqlite'));
  makeBriefFile(join(dir, 'b.sqlite'));
  const db = openStore(join(dir, 'a.sqlite'));
  t.after(() => db.close());
  const before = snapshot(db);
  assert.throws(() => mergeInto(db, join(dir, 'b.sqlite')), /different brief/);
  assert.equal(snapshot(db), before);
});

// Random edits on copies of one brief, for the property tests.
type Edit =
  | { kind: 'claim'; index: number; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'edit-note'; index: number; text: string }
  | { kind: 'delete-note'; index: number };
// Notes of only spaces are refused by the writer, as in the app.
const noteText = fc.string({ minLength: 1, maxLength: 30 }).filter((text) => text.trim() !== '');
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('claim' as const), index: fc.nat(11), text: noteText }),
  fc.record({ kind: fc.constant('note' as const), text: noteText }),
  fc.record({ kind: fc.constant('edit-note' as const), index: fc.nat(5), text: noteText }),
  fc.record({ kind: fc.constant('delete-note' as const), index: fc.nat(5) }),
);

function applyEdits(path: string, author: string, edits: Edit[], claimsAllowed?: (index: number) => boolean): void {
  const db = openStore(path);
  const writer = new BriefWriter(db, author);
  const claims = claimIds(db);
  const liveNotes = () => db.prepare('SELECT id FROM notes WHERE deleted_at IS NULL ORDER BY created_at, id').pluck().all() as string[];
  for (const edit of edits) {
    if (edit.kind === 'claim' && (!claimsAllowed || claimsAllowed(edit.index))) writer.updateClaimText(claims[edit.index]!, edit.text);
    if (edit.kind === 'note') writer.addNote({ targetKind: 'brief', targetId: null, body: edit.text });
    const note = liveNotes()[(edit as { index?: number }).index ?? 0];
    if (edit.kind === 'edit-note' && note) writer.updateNote(note, edit.text);
    if (edit.kind === 'delete-note' && note) writer.deleteNote(note);
  }
  closeAsSingleFile(db);
}

test('property: merging is idempotent, and no item is lost or duplicated', (t) => {
  fc.assert(
    fc.property(fc.array(editArb, { maxLength: 8 }), fc.array(editArb, { maxLength: 8 }), (mineEdits, theirEdits) => {
      const [mine, theirs] = copies(t, 'mine', 'theirs');
      applyEdits(mine!, 'me', mineEdits);
      applyEdits(theirs!, 'colleague', theirEdits);
      const db = openStore(mine!);
      try {
        const ids = (d: Db, table: string) => d.prepare(`SELECT id FROM ${table}`).pluck().all() as string[];
        const theirDb = openStore(theirs!, { readonly: true });
        const theirIds = Object.fromEntries(ITEM_TABLES.map((table) => [table, ids(theirDb, table)]));
        theirDb.close();
        const myIds = Object.fromEntries(ITEM_TABLES.map((table) => [table, ids(db, table)]));

        mergeInto(db, theirs!);
        const once = snapshot(db);
        for (const table of ITEM_TABLES) {
          const merged = ids(db, table);
          assert.equal(new Set(merged).size, merged.length);
          assert.deepEqual(new Set(merged), new Set([...myIds[table]!, ...theirIds[table]!]), `${table}: the union, nothing lost`);
        }
        const second = mergeInto(db, theirs!);
        assert.deepEqual([second.added, second.updated, second.conflicts], [0, 0, 0]);
        assert.equal(snapshot(db), once);
      } finally {
        db.close();
      }
    }),
    { numRuns: 20 },
  );
});

test('property: the order of non-conflicting merges does not matter', (t) => {
  fc.assert(
    fc.property(fc.array(editArb, { maxLength: 6 }), fc.array(editArb, { maxLength: 6 }), (aEdits, bEdits) => {
      const [m1, m2, a, b] = copies(t, 'm1', 'm2', 'a', 'b');
      // A edits only claims of the first half, B only the second: their changes never meet.
      applyEdits(
        a!,
        'alice',
        aEdits.filter((e) => e.kind !== 'edit-note' && e.kind !== 'delete-note'),
        (i) => i < 6,
      );
      applyEdits(
        b!,
        'bob',
        bEdits.filter((e) => e.kind !== 'edit-note' && e.kind !== 'delete-note'),
        (i) => i >= 6,
      );
      const first = openStore(m1!);
      const second = openStore(m2!);
      try {
        mergeInto(first, a!);
        mergeInto(first, b!);
        mergeInto(second, b!);
        mergeInto(second, a!);
        assert.equal(snapshot(first), snapshot(second));
        assert.deepEqual(first.prepare('SELECT count(*) FROM merge_conflicts').pluck().get(), 0);
      } finally {
        first.close();
        second.close();
      }
    }),
    { numRuns: 15 },
  );
});

test('a colleague’s claim under a source I took back with Undo is not lost: the merge keeps its theme and source, the same in both copies', (t) => {
  const [alice] = copies(t, 'alice');
  const bob = join(tempDir(t), 'bob.sqlite');
  const a = openStore(alice!);
  const aliceWriter = new BriefWriter(a, 'alice');
  const source = aliceWriter.apply({
    kind: 'source.add',
    receipt: null,
    provenance: null,
    headline: 'Magnet plants',
    headlineLanguage: 'en',
    titleTranslation: null,
    shortName: 'Institute',
    publisher: 'Institute',
    publishedOn: null,
    themes: [{ heading: 'Output', claims: ['Output will reach 5,000 tons by 2030 [1].'] }],
  });
  close(a);
  copyFileSync(alice!, bob);

  // Bob adds a claim to the imported theme; Alice takes the whole import back.
  const b = openStore(bob);
  const theme = new BriefStore(b).getBrief()!.themes.find((th) => th.sourceId === source.id)!;
  new BriefWriter(b, 'bob').apply({ kind: 'claim.add', themeId: theme.id, text: 'A second plant is planned [4].' });
  close(b);
  const a2 = openStore(alice!);
  assert.ok(new BriefWriter(a2, 'alice').undo(), 'the import is undone');
  assert.equal(new BriefStore(a2).getBrief()!.sources.length, 1);
  close(a2);

  const textsOf = (db: Db) =>
    new BriefStore(db)
      .getBrief()!
      .themes.filter((th) => th.sourceId === source.id)
      .flatMap((th) => th.claims.map((claim) => claim.text));
  const aliceMerged = openStore(alice!);
  mergeInto(aliceMerged, bob);
  // Bob's claim is shown, under the theme and the source it was written in; Alice's own claims stay taken back.
  assert.deepEqual(textsOf(aliceMerged), ['A second plant is planned.']);
  assert.equal(new BriefStore(aliceMerged).getBrief()!.sources.length, 2);
  close(aliceMerged);

  const bobMerged = openStore(bob);
  mergeInto(bobMerged, alice!);
  assert.deepEqual(textsOf(bobMerged), ['A second plant is planned.']);
  close(bobMerged);
  // Both copies hold the same rows, and merging again changes nothing.
  const [x, y] = [openStore(alice!), openStore(bob)];
  assert.equal(snapshot(x), snapshot(y));
  const again = mergeInto(x, bob);
  assert.deepEqual([again.added, again.updated, again.conflicts], [0, 0, 0]);
  close(x);
  close(y);
});
