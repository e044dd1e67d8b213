import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { BriefWriter } from '../edit/index.ts';
import { Search } from './search.ts';
import { openWorkspace } from '../seed/index.ts';
import { tempDir } from '../test-support/index.ts';

function setup(t: Parameters<typeof tempDir>[0]) {
  const workspace = openWorkspace(join(tempDir(t), 'w.sqlite'), 'me');
  t.after(() => workspace.close());
  return { workspace, search: new Search(workspace.db), writer: new BriefWriter(workspace.db, 'me') };
}

const matched = (hits: ReturnType<Search['query']>) =>
  hits.map((h) =>
    h.parts
      .filter((p) => p.match)
      .map((p) => p.text)
      .join('|'),
  );

test('Chinese inside a run of characters, a Russian stem and an English word are all found, matches marked', (t) => {
  const { search, writer } = setup(t);
  writer.addNote({ targetKind: 'brief', targetId: null, body: 'Россия наращивает добычу редкоземельных металлов к 2030 году.' });

  const chinese = search.query('中国');
  assert.equal(chinese.length, 1);
  assert.equal(chinese[0]!.kind, 'source');
  assert.deepEqual(matched(chinese), ['中国']);

  const russian = search.query('редкоземельн');
  assert.deepEqual(
    russian.map((h) => h.kind),
    ['note'],
  );
  assert.deepEqual(matched(russian), ['редкоземельн']);

  const english = search.query('engineers');
  assert.deepEqual(english.map((h) => h.kind).sort(), ['claim', 'indicator']);
  assert.ok(matched(english).every((m) => m.split('|').every((part) => /^engineers$/i.test(part))));
});

test('edits are searchable at once; deleted notes are not', (t) => {
  const { search, writer, workspace } = setup(t);
  const note = writer.addNote({ targetKind: 'brief', targetId: null, body: 'Check Kazakhstan logistics' });
  assert.equal(search.query('Kazakhstan logistics').length, 1);
  writer.deleteNote(note);
  assert.equal(search.query('Kazakhstan logistics').length, 0);
  const claim = workspace.briefs.getBrief()!.themes[0]!.claims[0]!;
  writer.updateClaimText(claim.id, 'A corrected claim about lanthanum');
  assert.deepEqual(
    search.query('lanthanum').map((h) => h.id),
    [claim.id],
  );
});

test('query syntax in what the user types is taken as text, never as an FTS5 expression', (t) => {
  const { search } = setup(t);
  for (const q of ['"', '" OR 1', 'NEAR(a b)', 'rare* AND', '%', '_', '\\', '---', '*']) assert.doesNotThrow(() => search.query(q), q);
  assert.equal(search.query('   ').length, 0);
  assert.ok(search.query('%').length > 0, '% is a character to find (2%, 1%), not a wildcard');
});

const shown = (hit: ReturnType<Search['query']>[number] | undefined) => hit?.parts.map((p) => p.text).join('');

test('a note’s snippet is plain text: its Markdown is taken out, the words a reader sees are kept and the match marked', (t) => {
  const { search, writer, workspace } = setup(t);
  writer.addNote({ targetKind: 'brief', targetId: null, body: 'Output grew *far more* than forecast ![chart](http://x/y.png)' });
  writer.addNote({
    targetKind: 'brief',
    targetId: null,
    body: '# Eastern route\n\n> - **Rail** via [Dostyk](https://example.org/dostyk) and `Altynkol`\n1. Road: \\*slow\\* but __cheap__',
  });

  const farMore = search.query('far more');
  assert.equal(shown(farMore[0]), 'Output grew far more than forecast chart');
  assert.deepEqual(matched(farMore), ['far more']);

  const route = search.query('Eastern route');
  assert.equal(shown(route[0]), 'Eastern route Rail via Dostyk and Altynkol Road: *slow* but cheap');
  assert.deepEqual(matched(route), ['Eastern route']);
  // Found only in a link's address: still a hit, shown as the link's words, nothing marked.
  const link = search.query('example.org');
  assert.equal(shown(link[0]), 'Eastern route Rail via Dostyk and Altynkol Road: *slow* but cheap');
  assert.deepEqual(matched(link), ['']);

  // A claim is not Markdown: its characters are shown as written.
  const claim = workspace.briefs.getBrief()!.themes[0]!.claims[0]!;
  writer.updateClaimText(claim.id, 'Output fell *sharply*, by 2 * 3 [percent]');
  assert.equal(shown(search.query('sharply')[0]), 'Output fell *sharply*, by 2 * 3 [percent]');
});

test('a match is marked whole, never cut off at the edge of its snippet', (t) => {
  const { search } = setup(t);
  const hits = search.query('rare earth');
  assert.ok(hits.length > 5);
  for (const hit of hits) {
    assert.match(shown(hit)!, /rare earth/i);
    assert.ok(
      matched([hit])[0]!
        .split('|')
        .every((part) => /^rare earth$/i.test(part)),
      `${shown(hit)} marks ${matched([hit])[0]}`,
    );
  }
});

test('the snippet of a long note is the text around the match, cut at spaces', (t) => {
  const { search, writer } = setup(t);
  writer.addNote({
    targetKind: 'brief',
    targetId: null,
    body: `${'Long preamble words. '.repeat(20_000)}Then *far more* ${'after '.repeat(5_000)}`,
  });
  const [hit] = search.query('far more');
  // Whole words either side, an ellipsis where the text goes on.
  assert.match(shown(hit)!, /^…(?:(?:Long|preamble|words\.) )+Then far more(?: after)+…$/);
  assert.ok(shown(hit)!.length < 160, `${shown(hit)!.length} characters`);
  assert.deepEqual(matched([hit!]), ['far more']);
});

test('an edit replaces its item’s entry wherever an older version of the app wrote it, and leaves no second one', (t) => {
  const { workspace, search, writer } = setup(t);
  const claim = workspace.briefs.getBrief()!.themes[0]!.claims[0]!;
  // As migration 030 and earlier versions left an index: every entry at a rowid of its own, not its row's.
  const db = workspace.db;
  const entries = db.prepare('SELECT kind, item_id, text FROM search_index ORDER BY rowid').all();
  db.exec('DELETE FROM search_index');
  const insert = db.prepare('INSERT INTO search_index (rowid, kind, item_id, text) VALUES (?, @kind, @item_id, @text)');
  entries.forEach((entry, i) => insert.run(5_000 + i, entry));
  const entriesOf = (id: string) => db.prepare('SELECT count(*) FROM search_index WHERE item_id = ?').pluck().get(id);

  writer.apply({ kind: 'claim.update', id: claim.id, text: 'Lanthanum output doubled [1]' });
  assert.equal(entriesOf(claim.id), 1);
  writer.apply({ kind: 'claim.update', id: claim.id, text: 'Cerium output doubled [1]' });
  writer.undo();
  assert.equal(entriesOf(claim.id), 1);
  assert.deepEqual(
    search.query('lanthanum').map((h) => h.id),
    [claim.id],
  );
  writer.apply({ kind: 'claim.delete', id: claim.id });
  assert.equal(entriesOf(claim.id), 0);
  writer.undo();
  assert.equal(entriesOf(claim.id), 1);
  assert.equal(db.prepare('SELECT count(*) FROM search_index').pluck().get(), entries.length);
});
