import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefPathFromArgv } from './argv.ts';

test('a launch names a brief file by its last .sqlite argument, made absolute', () => {
  assert.equal(briefPathFromArgv(['/opt/Briefing Desk/briefing-desk', '/home/a/brief.sqlite'], '/x'), '/home/a/brief.sqlite');
  assert.equal(briefPathFromArgv(['electron', '.', 'briefs/Mine.SQLITE'], '/home/a'), '/home/a/briefs/Mine.SQLITE');
  assert.equal(briefPathFromArgv(['app', '--inspect', '--flag=x.sqlite', 'notes.txt'], '/x'), null);
  assert.equal(briefPathFromArgv(['app'], '/x'), null);
  assert.equal(briefPathFromArgv(['app', 'a.sqlite', 'b.sqlite'], '/w'), '/w/b.sqlite');
});
