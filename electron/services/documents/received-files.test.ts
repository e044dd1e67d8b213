import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { NODE_RECEIVE_WORKER } from '../../../db/receive/index.ts';
import { buildAdversarialCorpus, fingerprintFolder, RAW_ERROR_WORDING, tempDir } from '../../../db/test-support/index.ts';
import { ExportService } from '../exports/index.ts';
import { DocumentSession } from './documents.ts';
import { ScriptedDialogs } from './scripted-dialogs.ts';

// The app's side of the adversarial corpus: whatever a colleague's file holds, opening it either
// refuses it with one sentence of ours, or gives a document whose every view can be drawn (state,
// brief, conflicts, search, the composed export). A crafted row never breaks the document state.
test('every file of the adversarial corpus is refused with a sentence or opens into a document every view can read', async (t) => {
  const dir = tempDir(t);
  const corpusDir = join(dir, 'corpus');
  mkdirSync(corpusDir);
  const corpus = buildAdversarialCorpus(corpusDir);
  const dialogs = new ScriptedDialogs();
  const documents = new DocumentSession({ userData: dir, author: () => 'me', dialogs, receiveWorker: NODE_RECEIVE_WORKER });
  t.after(() => documents.close());
  const exports = new ExportService({
    documents,
    dialogs,
    printer: { open: () => Promise.reject(new Error('nothing is printed in this test')) },
    author: () => 'me',
    emit: () => {},
  });
  const before = fingerprintFolder(corpusDir);
  let opened = 0;
  let refused = 0;
  for (const file of corpus) {
    try {
      await documents.openPath(file.path);
    } catch (error) {
      refused++;
      assert.ok(file.refused, `${file.name} is one the receive takes in, but opening it failed: ${(error as Error).message}`);
      const message = (error as Error).message;
      assert.doesNotMatch(message, RAW_ERROR_WORDING, `${file.name}: a sentence of ours, not SQLite's or JavaScript's`);
      assert.match(message, /\.$/, `${file.name}: one sentence`);
      continue;
    }
    opened++;
    assert.equal(file.refused, undefined, `${file.name} should have been refused`);
    const state = documents.state();
    assert.equal(typeof state.name, 'string');
    const brief = documents.workspace.briefs.getBrief();
    assert.ok(brief, `${file.name} opens with a brief`);
    documents.conflicts();
    documents.search('rare');
    documents.search('中国');
    const doc = exports.compose(exports.defaults());
    assert.equal(typeof doc.title, 'string');
  }
  t.diagnostic(`corpus through the app: ${corpus.length} files, ${opened} opened and drawn, ${refused} refused`);
  assert.ok(opened > 0 && refused > 0);
  assert.deepEqual(fingerprintFolder(corpusDir), before, 'no byte of the corpus or beside it changed');
});
