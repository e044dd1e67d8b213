import assert from 'node:assert/strict';
import { test } from 'node:test';
import { saveStatus } from '../renderer/src/lib/save-status.ts';

// The one status in the top bar says where the work is, and agrees with the close question
// (which asks exactly when the file lacks changes the working copy has).

test('a brief saved to its file says so; with changes since, it says the file does not have them yet', () => {
  assert.deepEqual(saveStatus({ name: 'rare-earth.sqlite', filePath: '/x/rare-earth.sqlite', dirty: false }), {
    text: 'Saved to rare-earth.sqlite',
    short: 'Saved',
    pending: false,
  });
  const edited = saveStatus({ name: 'rare-earth.sqlite', filePath: '/x/rare-earth.sqlite', dirty: true });
  assert.equal(edited.text, 'Saved in this computer’s working copy · not yet saved to rare-earth.sqlite');
  assert.equal(edited.pending, true);
});

test('a brief never saved to a file lives in the working copy', () => {
  const fresh = saveStatus({ name: 'Untitled brief', filePath: null, dirty: false });
  assert.equal(fresh.text, 'Saved in this computer’s working copy · not saved to a file yet');
  assert.equal(fresh.pending, false);
  assert.equal(saveStatus({ name: 'Untitled brief', filePath: null, dirty: true }).pending, true);
});
