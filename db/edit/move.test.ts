import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { BriefWriter } from './brief-writer.ts';
import { mergeInto, openConflicts } from '../merge/index.ts';
import { prepared, saveCopy, type Db } from '../store/index.ts';
import { openWorkspace } from '../seed/index.ts';
import { tempDir } from '../test-support/index.ts';

// Alt+↑ and Alt+↓ move a claim (or a theme) among its neighbours. The neighbours are not edited
// by that: they must not show "Edited by" whoever moved, and a colleague's edit of one of them
// must merge as an edit nobody else made.

function setup(t: Parameters<typeof tempDir>[0]) {
  const dir = tempDir(t);
  const workspace = openWorkspace(join(dir, 'w.sqlite'), 'author');
  t.after(() => workspace.close());
  return { dir, workspace, db: workspace.db, mover: new BriefWriter(workspace.db, 'mover') };
}

interface Stamp {
  id: string;
  rev: string;
  author: string;
  updated_at: string;
}

/** Each row's revision and who last wrote it when ("Edited by"), by id. */
function stamps(db: Db, table: 'claims' | 'themes'): Map<string, Stamp> {
  const rows = prepared(db, `SELECT id, rev, author, updated_at FROM ${table} WHERE deleted_at IS NULL`).all() as Stamp[];
  return new Map(rows.map((row) => [row.id, row]));
}

/** The claims of a theme in reading order, by their first words. */
const order = (db: Db, themeId: string) =>
  (
    prepared(db, 'SELECT text FROM claims WHERE theme_id = ? AND deleted_at IS NULL ORDER BY position, id').pluck().all(themeId) as string[]
  ).map((text) => text.slice(0, 24));

const themeWithClaims = (workspace: ReturnType<typeof openWorkspace>, atLeast: number) =>
  workspace.briefs.getBrief()!.themes.find((theme) => theme.claims.length >= atLeast)!;

test('moving a claim shows only the moved claim as edited; once there is room, only its revision changes', (t) => {
  const { db, workspace, mover } = setup(t);
  const theme = themeWithClaims(workspace, 3);
  const [first, second, third] = theme.claims.map((c) => c.id) as [string, string, string];
  const [a, b, c, ...rest] = order(db, theme.id);

  // The first move in a brief imported with positions 0, 1, 2…: no neighbour is "edited by" the mover.
  let before = stamps(db, 'claims');
  mover.apply({ kind: 'claim.move', id: third, direction: 'up' });
  assert.deepEqual(order(db, theme.id), [a, c, b, ...rest]);
  let after = stamps(db, 'claims');
  assert.equal(after.get(third)!.author, 'mover');
  for (const [id, row] of before) {
    if (id === third) continue;
    assert.equal(after.get(id)!.author, row.author, 'a neighbour is not edited by the mover');
    assert.equal(after.get(id)!.updated_at, row.updated_at, 'a neighbour keeps the time it was last edited');
  }
  const shown = workspace.briefs.getBrief()!.themes.find((th) => th.id === theme.id)!.claims;
  assert.deepEqual(
    shown.filter((claim) => claim.updatedAt !== claim.createdAt).map((claim) => claim.id),
    [third],
    'only the moved claim shows “Edited by”',
  );

  // Moves after it find room: nothing but the moved claim is written at all.
  for (const [id, direction, expected] of [
    [second, 'up', [a, b, c]],
    [first, 'down', [b, a, c]],
    [third, 'up', [b, c, a]],
    [second, 'down', [c, b, a]],
    [first, 'up', [c, a, b]],
  ] as const) {
    before = stamps(db, 'claims');
    mover.apply({ kind: 'claim.move', id, direction });
    assert.deepEqual(order(db, theme.id), [...expected, ...rest]);
    after = stamps(db, 'claims');
    const written = [...after.values()].filter((row) => row.rev !== before.get(row.id)!.rev).map((row) => row.id);
    assert.deepEqual(written, [id], `moving ${direction} writes only the moved claim`);
  }
});

test('undo puts the claims back in their order, redo moves again, and neither shows a neighbour as edited', (t) => {
  const { db, workspace, mover } = setup(t);
  const theme = themeWithClaims(workspace, 3);
  const moved = theme.claims[2]!.id;
  const start = order(db, theme.id);
  const stampsAtStart = stamps(db, 'claims');
  const positions = () => prepared(db, 'SELECT id, position FROM claims ORDER BY id').all();
  const positionsAtStart = positions();

  mover.apply({ kind: 'claim.move', id: moved, direction: 'up' });
  mover.apply({ kind: 'claim.move', id: moved, direction: 'up' });
  const moved2 = order(db, theme.id);
  assert.deepEqual(moved2, [start[2], start[0], start[1], ...start.slice(3)]);

  assert.ok(mover.undo());
  assert.deepEqual(order(db, theme.id), [start[0], start[2], start[1], ...start.slice(3)]);
  assert.ok(mover.undo());
  assert.deepEqual(order(db, theme.id), start);
  assert.deepEqual(positions(), positionsAtStart, 'undo restores every position as it was');
  for (const [id, row] of stamps(db, 'claims')) {
    if (id !== moved) assert.deepEqual([row.author, row.updated_at], [stampsAtStart.get(id)!.author, stampsAtStart.get(id)!.updated_at]);
  }

  assert.ok(mover.redo());
  assert.ok(mover.redo());
  assert.deepEqual(order(db, theme.id), moved2);
  for (const [id, row] of stamps(db, 'claims')) {
    if (id !== moved) assert.deepEqual([row.author, row.updated_at], [stampsAtStart.get(id)!.author, stampsAtStart.get(id)!.updated_at]);
  }
});

test('a colleague’s edit of a claim next to one I moved merges without a conflict', (t) => {
  const { dir, db, workspace, mover } = setup(t);
  const theme = themeWithClaims(workspace, 3);
  const [first, second, third] = theme.claims.map((c) => c.id) as [string, string, string];
  // A first move has spread the theme's claims out; the colleague's copy starts from there.
  mover.apply({ kind: 'claim.move', id: third, direction: 'up' });
  const theirs = join(dir, 'theirs.sqlite');
  saveCopy(db, theirs);

  // I move the second claim back above the third; the colleague corrects the third meanwhile.
  mover.apply({ kind: 'claim.move', id: second, direction: 'up' });
  const colleague = openWorkspace(theirs, 'colleague');
  new BriefWriter(colleague.db, 'colleague').updateClaimText(third, 'Corrected by the colleague');
  colleague.close();

  const report = mergeInto(db, theirs, 'theirs.sqlite');
  assert.equal(report.conflicts, 0);
  assert.deepEqual(openConflicts(db), []);
  const claims = workspace.briefs.getBrief()!.themes.find((th) => th.id === theme.id)!.claims;
  assert.deepEqual(
    claims.map((c) => c.id),
    [first, second, third],
  );
  assert.equal(claims[2]!.text, 'Corrected by the colleague');
});

test('moving a theme shows only the moved theme as edited; once there is room, only its revision changes', (t) => {
  const { db, workspace, mover } = setup(t);
  const themes = workspace.briefs.getBrief()!.themes.map((theme) => theme.id);
  assert.ok(themes.length >= 3);
  const themeOrder = () => prepared(db, 'SELECT id FROM themes WHERE deleted_at IS NULL ORDER BY position, id').pluck().all() as string[];

  let before = stamps(db, 'themes');
  mover.apply({ kind: 'theme.move', id: themes[2]!, direction: 'up' });
  assert.deepEqual(themeOrder(), [themes[0], themes[2], themes[1], ...themes.slice(3)]);
  let after = stamps(db, 'themes');
  for (const [id, row] of before) {
    if (id !== themes[2]) assert.deepEqual([after.get(id)!.author, after.get(id)!.updated_at], [row.author, row.updated_at]);
  }

  before = stamps(db, 'themes');
  mover.apply({ kind: 'theme.move', id: themes[0]!, direction: 'down' });
  assert.deepEqual(themeOrder(), [themes[2], themes[0], themes[1], ...themes.slice(3)]);
  after = stamps(db, 'themes');
  assert.deepEqual(
    [...after.values()].filter((row) => row.rev !== before.get(row.id)!.rev).map((row) => row.id),
    [themes[0]],
  );
});
