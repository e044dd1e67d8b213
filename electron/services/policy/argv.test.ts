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

test('a file:// URL (a Linux desktop entry hands over %U) is the path it names; another machine’s file is not a path', () => {
  assert.equal(
    briefPathFromArgv(['/opt/Briefing Desk/briefing-desk', 'file:///home/a/My%20Brief.sqlite'], '/x'),
    '/home/a/My Brief.sqlite',
  );
  assert.equal(briefPathFromArgv(['app', 'FILE:///home/a/brief%2Esqlite'], '/x'), '/home/a/brief.sqlite');
  assert.equal(briefPathFromArgv(['app', 'file:///home/a/notes.txt'], '/x'), null);
  assert.equal(briefPathFromArgv(['app', 'file://server/share/brief.sqlite'], '/x'), null);
  assert.equal(briefPathFromArgv(['app', 'b.sqlite', 'file://server/share/brief.sqlite'], '/w'), '/w/b.sqlite');
  assert.equal(briefPathFromArgv(['app', 'file:///home/a/brief.sqlite', '--flag'], '/x'), '/home/a/brief.sqlite');
});
