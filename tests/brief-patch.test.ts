import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { BriefWriter } from '../db/edit/index.ts';
import type { BriefEdit } from '../common/edits.ts';
import { formatClaim } from '../common/claim-text.ts';
import type { Brief } from '../common/model.ts';
import { openWorkspace } from '../db/seed/index.ts';
import { tempDir } from '../db/test-support/index.ts';
import { applyPatch } from '../renderer/src/lib/brief-patch.ts';
import { defaultExportOptions } from '../db/export/index.ts';

// Main sends the view only the parts of the brief an edit changed (db/brief-store.ts getPatch);
// the renderer applies them (renderer/src/lib/brief-patch.ts). Across the process boundary this
// checks that, for every kind of edit and its undo and redo, the patched brief is the brief read afresh.

function edits(brief: Brief): BriefEdit[] {
  const claim = brief.themes[0]!.claims[0]!;
  const theme = brief.themes[1]!;
  const indicator = brief.indicators[0]!;
  return [
    { kind: 'highlight.add', targetKind: 'claim', targetId: claim.id, start: 4, end: 18, colour: 'yellow', comment: 'Check' },
    { kind: 'highlight.add', targetKind: 'source', targetId: brief.sources[0]!.id, start: 0, end: 3, colour: 'blue', comment: null },
    { kind: 'claim.update', id: claim.id, text: `Update: ${formatClaim(claim)}` },
    { kind: 'claim.update', id: claim.id, text: 'All new words [1]' },
    { kind: 'claim.assess', id: claim.id, confidence: 'low', judgement: 'Thin' },
    { kind: 'note.add', targetKind: 'theme', targetId: theme.id, body: 'On logistics', tags: ['logistics'] },
    { kind: 'claim.add', themeId: theme.id, text: 'Mine [2]' },
    { kind: 'claim.move', id: theme.claims[1]!.id, direction: 'down' },
    { kind: 'claim.delete', id: theme.claims[0]!.id },
    { kind: 'theme.add', title: 'Outlook' },
    { kind: 'theme.move', id: theme.id, direction: 'up' },
    { kind: 'indicator.update', id: indicator.id, name: 'Reserves', unit: 'Mt', claimId: null },
    { kind: 'observation.add', indicatorId: indicator.id, value: '29', unit: 'Mt', comparator: 'about', asOf: '2026-01-01', claimId: null },
    { kind: 'palette.rename', colour: 'green', meaning: 'Corroborated' },
  ];
}

/** The analyst's answer and the grades (issue 13): edits made against the brief as it is when each runs. */
function analysisEdits(brief: Brief): ((now: Brief) => BriefEdit)[] {
  const theme = brief.themes[1]!;
  const claim = theme.claims[1]!;
  const indicator = brief.indicators[1]!;
  const source = brief.sources[0]!;
  return [
    () => ({ kind: 'brief.bottomLine', text: 'Russia will likely build its own supply.' }),
    () => ({ kind: 'judgment.add', text: 'Magnet plants will be funded', likelihood: 'likely', confidence: 'moderate' }),
    () => ({ kind: 'judgment.add', text: 'Imports from China fall', likelihood: 'roughly-even', confidence: null }),
    (now) => ({
      kind: 'judgment.update',
      id: now.judgments[0]!.id,
      text: 'Plants will be funded',
      likelihood: 'very-likely',
      confidence: 'high',
    }),
    (now) => ({ kind: 'judgment.move', id: now.judgments[1]!.id, direction: 'up' }),
    (now) => ({ kind: 'evidence.link', judgmentId: now.judgments[0]!.id, targetKind: 'claim', targetId: claim.id, stance: 'supports' }),
    (now) => ({ kind: 'evidence.link', judgmentId: now.judgments[0]!.id, targetKind: 'claim', targetId: claim.id, stance: 'undercuts' }),
    (now) => ({
      kind: 'evidence.link',
      judgmentId: now.judgments[1]!.id,
      targetKind: 'indicator',
      targetId: indicator.id,
      stance: 'supports',
    }),
    // Deleting a claim a judgment rests on takes it out of the judgment's evidence (and undo brings it back).
    () => ({ kind: 'claim.delete', id: claim.id }),
    (now) => ({ kind: 'evidence.unlink', id: now.judgments[1]!.evidence[0]!.id }),
    () => ({ kind: 'citation.grade', sourceId: source.id, marker: 19, reliability: 'B', credibility: '2' }),
    () => ({ kind: 'citation.grade', sourceId: source.id, marker: 19, reliability: null, credibility: null }),
    () => ({ kind: 'source.grade', id: source.id, reliability: 'A', credibility: '3' }),
    () => ({ kind: 'export.settings', options: { ...defaultExportOptions(brief.title, 'me', '2026-01-15'), paper: 'letter' } }),
    (now) => ({ kind: 'judgment.delete', id: now.judgments[0]!.id }),
  ];
}

test('for every kind of edit, undo and redo, the brief patched in the view equals the brief read afresh', (t) => {
  const workspace = openWorkspace(join(tempDir(t), 'w.sqlite'), 'me');
  t.after(() => workspace.close());
  const writer = new BriefWriter(workspace.db, 'me');
  let view = workspace.briefs.getBrief()!;
  const check = (what: string, result: { touched: { table: string; id: string }[] } | null) => {
    assert.ok(result, `${what} did nothing`);
    view = applyPatch(view, workspace.briefs.getPatch(result.touched));
    const fresh = workspace.briefs.getBrief()!;
    // The bottom line lives on the brief's own row, so editing it restamps the brief; no view reads
    // the brief's own stamps, and a patch does not carry them. Everything the brief holds must match.
    assert.deepEqual({ ...view, updatedAt: fresh.updatedAt, author: fresh.author }, fresh, what);
  };
  for (const edit of edits(view)) {
    check(edit.kind, writer.apply(edit));
  }
  for (const next of analysisEdits(view)) {
    const edit = next(view);
    check(edit.kind, writer.apply(edit));
  }
  const highlight = view.highlights[0]!;
  check('highlight.update', writer.apply({ kind: 'highlight.update', id: highlight.id, colour: 'red', comment: 'Changed' }));
  check('highlight.delete', writer.apply({ kind: 'highlight.delete', id: highlight.id }));
  for (let step = writer.undo(); step; step = writer.undo()) check('undo', step);
  for (let step = writer.redo(); step; step = writer.redo()) check('redo', step);
});

test('an edit’s patch carries only what it touched: one claim, not its theme or the brief’s other themes', (t) => {
  const workspace = openWorkspace(join(tempDir(t), 'w.sqlite'), 'me');
  t.after(() => workspace.close());
  const writer = new BriefWriter(workspace.db, 'me');
  const brief = workspace.briefs.getBrief()!;
  assert.ok(brief.themes.length >= 2 && brief.themes[0]!.claims.length >= 2, 'a brief of several themes and claims');
  const claim = brief.themes[0]!.claims[1]!;
  writer.apply({ kind: 'highlight.add', targetKind: 'claim', targetId: claim.id, start: 0, end: 5, colour: 'red', comment: null });
  writer.apply({ kind: 'note.add', targetKind: 'brief', targetId: null, body: 'Another note', tags: [] });

  const edited = writer.apply({ kind: 'claim.update', id: claim.id, text: `Revised: ${formatClaim(claim)}` });
  const patch = workspace.briefs.getPatch(edited.touched);
  assert.equal(patch.themes, undefined, 'no theme is sent for an edit of one of its claims');
  assert.deepEqual(
    patch.claims?.upsert.map((c) => c.id),
    [claim.id],
  );
  assert.deepEqual(patch.claims?.remove, []);
  assert.equal(patch.notes, undefined);
  assert.ok(patch.highlights!.upsert.length > 0 && patch.highlights!.upsert.every((h) => h.targetId === claim.id), 'only its highlights');

  const note = workspace.briefs.getBrief()!.notes.at(-1)!;
  const noted = workspace.briefs.getPatch(writer.apply({ kind: 'note.update', id: note.id, body: 'Changed', tags: ['x'] }).touched);
  assert.deepEqual(
    noted.notes?.upsert.map((n) => [n.id, n.body, n.tags]),
    [[note.id, 'Changed', ['x']]],
  );
  assert.equal(noted.themes ?? noted.claims ?? noted.highlights, undefined);

  // Moving a claim sends the claims whose places changed; the view puts them in their new order.
  const moved = workspace.briefs.getPatch(writer.apply({ kind: 'claim.move', id: claim.id, direction: 'up' }).touched);
  assert.equal(moved.themes, undefined);
  const view = applyPatch(brief, moved);
  assert.equal(view.themes[0]!.claims[0]!.id, claim.id);
  assert.equal(view.themes[1], brief.themes[1], 'a theme the patch does not name is the same object');
});
