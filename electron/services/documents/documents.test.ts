import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BriefStore } from '../../../db/read/index.ts';
import { BriefWriter } from '../../../db/edit/index.ts';
import { openStore } from '../../../db/store/index.ts';
import { NODE_RECEIVE_WORKER } from '../../../db/receive/index.ts';
import { makeBriefFile, sha256, tempDir } from '../../../db/test-support/index.ts';
import { DocumentSession } from './documents.ts';
import { ScriptedDialogs } from './scripted-dialogs.ts';

function session(t: Parameters<typeof tempDir>[0], userData = tempDir(t)) {
  const dialogs = new ScriptedDialogs();
  const documents = new DocumentSession({ userData, author: () => 'me', dialogs, receiveWorker: NODE_RECEIVE_WORKER });
  t.after(() => documents.close());
  return { documents, dialogs, userData };
}

test('a new user starts on the embedded brief, untitled and unchanged', (t) => {
  const { documents } = session(t);
  assert.deepEqual(documents.state(), {
    name: '俄总理返回莫斯科后,普京下令了:即日起,减少对中国的依赖',
    filePath: null,
    dirty: false,
    recent: [],
    openConflicts: 0,
    history: { undo: null, redo: null },
  });
});

test('Save As writes one clean file, Save rewrites it, and a colleague’s file opened never changes', async (t) => {
  const { documents, dialogs } = session(t);
  const folder = tempDir(t);
  const target = join(folder, 'rare-earths.sqlite');
  dialogs.answerNext(target);
  const saved = await documents.saveAs();
  assert.equal(saved?.name, 'rare-earths.sqlite');
  assert.equal(saved?.dirty, false);
  assert.deepEqual(readdirSync(folder), ['rare-earths.sqlite'], 'no -wal or temporary file beside it');
  assert.deepEqual(saved?.recent, [target]);

  const colleague = join(folder, 'colleague.sqlite');
  makeBriefFile(colleague, 'colleague');
  const before = sha256(colleague);
  dialogs.answerNext(colleague);
  const opened = await documents.open();
  assert.equal(opened?.name, 'colleague.sqlite');
  new BriefWriter(documents.workspace.db, 'me').addNote({ targetKind: 'brief', targetId: null, body: 'x' });
  documents.markEdited();
  assert.equal(documents.state().dirty, true);
  assert.equal(sha256(colleague), before, 'edits go to the working copy, not the received file');
  await documents.save();
  assert.notEqual(sha256(colleague), before, 'Save writes the file the user opened');
  assert.equal(documents.state().dirty, false);
  assert.deepEqual(readdirSync(folder).sort(), ['colleague.sqlite', 'rare-earths.sqlite']);
});

test('Revert goes back to the saved file; cancelled dialogs change nothing', async (t) => {
  const { documents, dialogs } = session(t);
  assert.equal(await documents.open(), null);
  assert.equal(await documents.saveAs(), null);
  await assert.rejects(documents.revert(), /never been saved/);

  const file = join(tempDir(t), 'brief.sqlite');
  dialogs.answerNext(file);
  await documents.saveAs();
  const claim = documents.workspace.briefs.getBrief()!.themes[0]!.claims[0]!;
  new BriefWriter(documents.workspace.db, 'me').updateClaimText(claim.id, 'Changed');
  documents.markEdited();
  const reverted = await documents.revert();
  assert.equal(reverted.dirty, false);
  assert.equal(documents.workspace.briefs.getBrief()!.themes[0]!.claims[0]!.text, claim.text);
});

test('the last brief, with its unsaved changes, is reopened on the next start; recent files are remembered', async (t) => {
  const userData = tempDir(t);
  const first = session(t, userData);
  const file = join(tempDir(t), 'kept.sqlite');
  makeBriefFile(file, 'colleague');
  first.dialogs.answerNext(file);
  await first.documents.open();
  new BriefWriter(first.documents.workspace.db, 'me').addNote({ targetKind: 'brief', targetId: null, body: 'unsaved note' });
  first.documents.markEdited();
  first.documents.close();

  const second = session(t, userData);
  assert.deepEqual(second.documents.state().filePath, file);
  assert.equal(second.documents.state().dirty, true);
  assert.equal(new BriefStore(second.documents.workspace.db).counts().notes, 1);
  assert.deepEqual(second.documents.state().recent, [file]);
  await assert.rejects(second.documents.openRecent('/etc/passwd'), /not in the recent list/);
});

test('a refused file leaves the open brief as it was', async (t) => {
  const { documents, dialogs } = session(t);
  const bad = join(tempDir(t), 'bad.sqlite');
  writeFileSync(bad, '<html>nope</html>');
  dialogs.answerNext(bad);
  const before = documents.state();
  await assert.rejects(documents.open(), /web page/);
  assert.deepEqual(documents.state(), before);
  assert.equal(documents.workspace.briefs.getBrief()!.themes.length, 4);
});

test('merging a colleague’s copy takes their one-sided changes and lists conflicts to resolve', async (t) => {
  const { documents, dialogs } = session(t);
  const folder = tempDir(t);
  const mine = join(folder, 'mine.sqlite');
  dialogs.answerNext(mine);
  await documents.saveAs();

  const theirs = join(folder, 'theirs.sqlite');
  const { copyFileSync } = await import('node:fs');
  copyFileSync(mine, theirs);
  const db = openStore(theirs);
  const claims = new BriefStore(db).getBrief()!.themes[0]!.claims;
  const colleague = new BriefWriter(db, 'colleague');
  colleague.updateClaimText(claims[0]!.id, 'Their wording');
  colleague.updateClaimText(claims[1]!.id, 'Their second wording');
  db.pragma('journal_mode = DELETE');
  db.close();

  new BriefWriter(documents.workspace.db, 'me').updateClaimText(claims[0]!.id, 'My wording');
  dialogs.answerNext(theirs);
  const outcome = await documents.merge();
  assert.equal(outcome?.report.updated, 1);
  assert.equal(outcome?.report.conflicts, 1);
  assert.equal(outcome?.state.dirty, true);
  assert.equal(outcome?.state.openConflicts, 1);
  const [conflict] = documents.conflicts();
  assert.equal(conflict?.itemLabel, 'Claim 1.1');
  assert.deepEqual(conflict?.fields, [{ field: 'Text', ours: 'My wording', theirs: 'Their wording' }]);
  assert.deepEqual([conflict?.ours.author, conflict?.theirs.author], ['me', 'colleague']);
  const state = documents.resolve(conflict!.id, 'theirs');
  assert.equal(state.openConflicts, 0);
  assert.equal(documents.workspace.briefs.getBrief()!.themes[0]!.claims[0]!.text, 'Their wording');
  assert.ok(!existsSync(join(folder, 'theirs.sqlite-wal')));
});

test('an edit marks the brief edited; its undo history is there after a restart, and a saved file carries none of it', async (t) => {
  const userData = tempDir(t);
  const first = session(t, userData);
  const outcome = first.documents.edit({
    kind: 'note.add',
    targetKind: 'brief',
    targetId: null,
    body: 'Ask the ministry',
    tags: ['follow-up'],
  });
  assert.equal(outcome.state.dirty, true);
  assert.deepEqual(
    outcome.patch.notes?.upsert.map((n) => [n.body, n.tags]),
    [['Ask the ministry', ['follow-up']]],
  );
  assert.deepEqual(outcome.state.history, { undo: 'Add note', redo: null });
  const target = join(tempDir(t), 'saved.sqlite');
  first.dialogs.answerNext(target);
  await first.documents.saveAs();
  first.documents.close();

  const saved = openStore(target, { readonly: true });
  assert.equal(saved.prepare('SELECT count(*) FROM edit_history').pluck().get(), 0);
  saved.close();

  const second = session(t, userData);
  assert.deepEqual(second.documents.state().history, { undo: 'Add note', redo: null });
  assert.deepEqual(second.documents.undo().patch.notes, { upsert: [], remove: [outcome.patch.notes!.upsert[0]!.id] });
  assert.deepEqual(
    second.documents.redo().patch.notes?.upsert.map((n) => n.body),
    ['Ask the ministry'],
  );
});

test('what a receive or a merge left behind when the app was killed is removed at the next start, once an hour old', (t) => {
  const userData = tempDir(t);
  const documentsDir = join(userData, 'documents');
  mkdirSync(documentsDir, { recursive: true });
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  const leftovers = [
    '.briefing-receive-AbC123.receiving.sqlite',
    '.briefing-receive-AbC123.receiving.sqlite-wal',
    '.briefing-receive-merge-0f8e.sqlite',
    '.briefing-receive-merge-0f8e.sqlite-shm',
  ];
  for (const name of [...leftovers, 'working-copy.sqlite', '.briefing-receive-running.receiving.sqlite']) {
    writeFileSync(join(documentsDir, name), 'x');
    if (name !== '.briefing-receive-running.receiving.sqlite') utimesSync(join(documentsDir, name), twoHoursAgo, twoHoursAgo);
  }
  session(t, userData);
  assert.deepEqual(readdirSync(documentsDir).sort(), ['.briefing-receive-running.receiving.sqlite', 'working-copy.sqlite']);
});

test('Merge receives the colleague’s file through a private copy it removes, whether the merge is done or refused', async (t) => {
  const { documents, dialogs, userData } = session(t);
  const folder = tempDir(t);
  const copy = join(folder, 'copy.sqlite');
  dialogs.answerNext(copy);
  await documents.saveAs();
  const other = join(folder, 'other.sqlite');
  makeBriefFile(other, 'colleague');
  dialogs.answerNext(copy);
  assert.ok(await documents.merge());
  dialogs.answerNext(other);
  await assert.rejects(documents.merge(), { code: 'not-a-brief' });
  assert.deepEqual(
    readdirSync(join(userData, 'documents')).filter((name) => name.startsWith('.')),
    [],
    'no received copy stays in the documents folder',
  );
});
