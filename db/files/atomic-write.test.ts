import assert from 'node:assert/strict';
import { chmodSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../test-support/index.ts';
import { writeFileAtomic } from './atomic-write.ts';

test('replacing a file through a link replaces the file it points to, keeps the link and the file’s permissions', (t) => {
  const dir = tempDir(t);
  const real = join(dir, 'real.md');
  const link = join(dir, 'link.md');
  writeFileSync(real, 'old');
  chmodSync(real, 0o600);
  symlinkSync(real, link);
  writeFileAtomic(link, 'new');
  assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
  assert.equal(readFileSync(real, 'utf8'), 'new');
  assert.equal(statSync(real).mode & 0o777, 0o600, 'a private file stays private');
  assert.deepEqual(readdirSync(dir).sort(), ['link.md', 'real.md'], 'no temporary file is left');
});
