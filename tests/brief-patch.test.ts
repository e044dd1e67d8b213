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

test('for every kind of edit, undo and redo, the brief patched in the view equals the brief read afresh', (t) => {
  const workspace = openWorkspace(join(tempDir(t), 'w.sqlite'), 'me');
  t.after(() => workspace.close());
  const writer = new BriefWriter(workspace.db, 'me');
  let view = workspace.briefs.getBrief()!;
  const check = (what: string, result: { touched: { table: string; id: string }[] } | null) => {
    assert.ok(result, `${what} did nothing`);
    view = applyPatch(view, workspace.briefs.getPatch(result.touched));
    assert.deepEqual(view, workspace.briefs.getBrief(), what);
  };
  for (const edit of edits(view)) {
    check(edit.kind, writer.apply(edit));
  }
  const highlight = view.highlights[0]!;
  check('highlight.update', writer.apply({ kind: 'highlight.update', id: highlight.id, colour: 'red', comment: 'Changed' }));
  check('highlight.delete', writer.apply({ kind: 'highlight.delete', id: highlight.id }));
  for (let step = writer.undo(); step; step = writer.undo()) check('undo', step);
  for (let step = writer.redo(); step; step = writer.redo()) check('redo', step);
});
