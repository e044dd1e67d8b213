import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { BriefWriter } from './brief-writer.ts';
import { citationGradeId, evidenceLinkId, exportSettingsId } from './values.ts';
import type { BriefEdit } from '../../common/edits.ts';
import type { StoreError } from '../../common/errors.ts';
import type { Brief } from '../../common/model.ts';
import { defaultExportOptions } from '../export/index.ts';
import { Search } from '../read/index.ts';
import { openWorkspace } from '../seed/index.ts';
import { tempDir } from '../test-support/index.ts';

// The analyst's answer and the grades (issue 13) as the writer keeps them: key judgments with
// their evidence, the bottom line, Admiralty grades of the source and of its references, and the
// composer's settings.

function setup(t: Parameters<typeof tempDir>[0]) {
  const workspace = openWorkspace(join(tempDir(t), 'w.sqlite'), 'me');
  t.after(() => workspace.close());
  const writer = new BriefWriter(workspace.db, 'me');
  return {
    db: workspace.db,
    store: workspace.briefs,
    writer,
    brief: (): Brief => workspace.briefs.getBrief()!,
    apply: (edit: BriefEdit) => writer.apply(edit).id,
  };
}

const addJudgment = (s: ReturnType<typeof setup>, text: string) =>
  s.apply({ kind: 'judgment.add', text, likelihood: 'likely', confidence: 'moderate' });

const refusedAt = (field: string, message: RegExp) => (error: StoreError) => error.field === field && message.test(error.message);

test('key judgments keep their order; a move writes only the moved judgment', (t) => {
  const s = setup(t);
  const [a, b, c] = ['First', 'Second', 'Third'].map((text) => addJudgment(s, text));
  assert.deepEqual(
    s.brief().judgments.map((j) => j.text),
    ['First', 'Second', 'Third'],
  );
  const before = new Map(s.brief().judgments.map((j) => [j.id, j.updatedAt]));
  const moved = s.writer.apply({ kind: 'judgment.move', id: c!, direction: 'up' });
  assert.deepEqual(moved.touched, [{ table: 'judgments', id: c }], 'only the moved judgment is written');
  assert.deepEqual(
    s.brief().judgments.map((j) => j.id),
    [a, c, b],
  );
  assert.equal(s.brief().judgments.find((j) => j.id === a)!.updatedAt, before.get(a!));
  s.writer.undo();
  assert.deepEqual(
    s.brief().judgments.map((j) => j.text),
    ['First', 'Second', 'Third'],
  );
});

test('a judgment rests on claims and indicators; linking one again with the other stance changes the one link', (t) => {
  const s = setup(t);
  const judgment = addJudgment(s, 'Russia will fund its own magnet plants');
  const claim = s.brief().themes[0]!.claims[0]!;
  const indicator = s.brief().indicators[0]!;
  const link = s.apply({ kind: 'evidence.link', judgmentId: judgment, targetKind: 'claim', targetId: claim.id, stance: 'supports' });
  assert.equal(link, evidenceLinkId(judgment, 'claim', claim.id), 'the id is derived from what it links');
  s.apply({ kind: 'evidence.link', judgmentId: judgment, targetKind: 'indicator', targetId: indicator.id, stance: 'undercuts' });
  s.apply({ kind: 'evidence.link', judgmentId: judgment, targetKind: 'claim', targetId: claim.id, stance: 'undercuts' });
  assert.deepEqual(
    s.brief().judgments[0]!.evidence.map((e) => [e.targetKind, e.targetId, e.stance]),
    [
      ['claim', claim.id, 'undercuts'],
      ['indicator', indicator.id, 'undercuts'],
    ],
  );
  assert.equal(s.db.prepare('SELECT count(*) FROM evidence_links').pluck().get(), 2);
});

test('evidence that does not exist, or no longer does, is refused at its field; nothing is written', (t) => {
  const s = setup(t);
  const judgment = addJudgment(s, 'A judgment');
  const claim = s.brief().themes[0]!.claims[1]!;
  s.apply({ kind: 'claim.delete', id: claim.id });
  const missing = '00000000-0000-4000-8000-00000000abcd';
  const link = { kind: 'evidence.link', judgmentId: judgment, targetKind: 'claim', stance: 'supports' } as const;
  assert.throws(() => s.apply({ ...link, targetId: claim.id }), refusedAt('targetId', /That claim no longer exists/));
  assert.throws(() => s.apply({ ...link, targetId: missing }), refusedAt('targetId', /That claim no longer exists/));
  assert.throws(
    () => s.apply({ ...link, targetKind: 'indicator', targetId: claim.id }),
    refusedAt('targetId', /That indicator no longer exists/),
    'a claim id given as an indicator',
  );
  assert.throws(
    () => s.apply({ ...link, judgmentId: missing, targetId: s.brief().themes[0]!.claims[0]!.id }),
    refusedAt('judgmentId', /key judgment/),
  );
  assert.deepEqual(s.brief().judgments[0]!.evidence, []);
  assert.equal(s.db.prepare('SELECT count(*) FROM evidence_links').pluck().get(), 0);
});

test('deleting a judgment takes its evidence with it, and undo brings all of it back', (t) => {
  const s = setup(t);
  const judgment = addJudgment(s, 'Output will stay small');
  const [first, second] = s.brief().themes[0]!.claims;
  for (const claim of [first!, second!])
    s.apply({ kind: 'evidence.link', judgmentId: judgment, targetKind: 'claim', targetId: claim.id, stance: 'supports' });
  const before = s.brief().judgments;
  const deleted = s.writer.apply({ kind: 'judgment.delete', id: judgment });
  assert.deepEqual(deleted.touched.map((row) => row.table).sort(), ['evidence_links', 'evidence_links', 'judgments']);
  assert.deepEqual(s.brief().judgments, []);
  assert.equal(s.db.prepare('SELECT count(*) FROM evidence_links WHERE deleted_at IS NULL').pluck().get(), 0, 'the links are tombstoned');
  s.writer.undo();
  assert.deepEqual(
    s.brief().judgments.map((j) => [j.text, j.evidence.length]),
    [['Output will stay small', 2]],
  );
  assert.deepEqual(
    s.brief().judgments[0]!.evidence.map((e) => e.id),
    before[0]!.evidence.map((e) => e.id),
  );
});

test('a deleted claim is not shown as evidence; its link is kept and comes back when the claim does', (t) => {
  const s = setup(t);
  const judgment = addJudgment(s, 'Judgment');
  const claim = s.brief().themes[0]!.claims[0]!;
  s.apply({ kind: 'evidence.link', judgmentId: judgment, targetKind: 'claim', targetId: claim.id, stance: 'supports' });
  const deleted = s.writer.apply({ kind: 'claim.delete', id: claim.id });
  assert.deepEqual(s.brief().judgments[0]!.evidence, [], 'no live evidence on a deleted claim');
  assert.equal(s.db.prepare('SELECT count(*) FROM evidence_links WHERE deleted_at IS NULL').pluck().get(), 1, 'the link row stays');
  assert.deepEqual(s.store.getPatch(deleted.touched).judgments?.[0]?.evidence, [], 'the view is told the evidence is gone');
  const undone = s.writer.undo()!;
  assert.deepEqual(
    s.brief().judgments[0]!.evidence.map((e) => e.targetId),
    [claim.id],
  );
  assert.deepEqual(
    s.store.getPatch(undone.touched).judgments?.[0]?.evidence.map((e) => e.targetId),
    [claim.id],
  );
  // A claim no judgment rests on sends no judgments.
  const other = s.writer.apply({ kind: 'claim.delete', id: s.brief().themes[1]!.claims[0]!.id });
  assert.equal(s.store.getPatch(other.touched).judgments, undefined);
});

test('the bottom line is trimmed, cleared by an empty text, and refused past the length of a claim', (t) => {
  const s = setup(t);
  s.apply({ kind: 'brief.bottomLine', text: '  Russia will likely reduce its reliance on China.  ' });
  assert.equal(s.brief().bottomLine, 'Russia will likely reduce its reliance on China.');
  assert.throws(
    () => s.apply({ kind: 'brief.bottomLine', text: 'x'.repeat(20_001) }),
    refusedAt('text', /A bottom line is at most 20,000 characters/),
  );
  s.apply({ kind: 'brief.bottomLine', text: ' ' });
  assert.equal(s.brief().bottomLine, null);
  s.writer.undo();
  assert.equal(s.brief().bottomLine, 'Russia will likely reduce its reliance on China.');
});

test('a judgment needs words, a likelihood on the scale and a confidence from the list; each refusal names its field', (t) => {
  const s = setup(t);
  const base = { kind: 'judgment.add', text: 'Fine', likelihood: null, confidence: null } as const;
  assert.throws(() => s.apply({ ...base, text: '  ' }), refusedAt('text', /needs some words/));
  assert.throws(() => s.apply({ ...base, text: 'x'.repeat(20_001) }), refusedAt('text', /at most 20,000 characters/));
  // What the router's schema would stop, the writer stops too (it also serves the CLI and scripts).
  assert.throws(
    () => s.apply({ ...base, likelihood: 'probably' } as unknown as BriefEdit),
    refusedAt('likelihood', /likelihood from the scale/),
  );
  assert.throws(
    () => s.apply({ ...base, confidence: 'certain' } as unknown as BriefEdit),
    refusedAt('confidence', /low, moderate or high/),
  );
  assert.deepEqual(s.brief().judgments, []);
  assert.deepEqual(s.writer.historyState(), { undo: null, redo: null });
});

test('a reference is graded in one row per source and number; grading it as unset takes the grade away', (t) => {
  const s = setup(t);
  const source = s.brief().sources[0]!;
  const grade = { kind: 'citation.grade', sourceId: source.id, marker: 19 } as const;
  const id = s.apply({ ...grade, reliability: 'B', credibility: '2' });
  assert.equal(id, citationGradeId(source.id, 19));
  s.apply({ ...grade, reliability: 'C', credibility: null });
  assert.deepEqual(
    s.brief().citationGrades.map((g) => [g.marker, g.reliability, g.credibility]),
    [[19, 'C', null]],
  );
  s.apply({ ...grade, reliability: null, credibility: null });
  assert.deepEqual(s.brief().citationGrades, []);
  s.apply({ ...grade, reliability: 'A', credibility: '1' });
  assert.deepEqual(
    s.brief().citationGrades.map((g) => [g.marker, g.reliability, g.credibility]),
    [[19, 'A', '1']],
  );
  assert.equal(s.db.prepare('SELECT count(*) FROM citation_grades').pluck().get(), 1, 'graded again in the same row');
  assert.throws(
    () => s.apply({ ...grade, marker: 4242, reliability: 'A', credibility: null }),
    refusedAt('marker', /No claim of this source cites \[4242\]/),
  );
  assert.throws(
    () => s.apply({ ...grade, sourceId: '00000000-0000-4000-8000-00000000abcd', reliability: 'A', credibility: null }),
    refusedAt('sourceId', /That source no longer exists/),
  );
  assert.throws(
    () => s.apply({ ...grade, reliability: 'G', credibility: null } as unknown as BriefEdit),
    refusedAt('reliability', /A to F/),
  );
});

test('the source is graded as a whole, apart from its references', (t) => {
  const s = setup(t);
  const source = s.brief().sources[0]!;
  assert.deepEqual(source.grade, { reliability: null, credibility: null });
  s.apply({ kind: 'source.grade', id: source.id, reliability: 'B', credibility: '3' });
  assert.deepEqual(s.brief().sources[0]!.grade, { reliability: 'B', credibility: '3' });
  assert.deepEqual(s.brief().citationGrades, []);
  s.writer.undo();
  assert.deepEqual(s.brief().sources[0]!.grade, { reliability: null, credibility: null });
});

test('the export settings are kept with the brief in one row; settings stored damaged read as none', (t) => {
  const s = setup(t);
  const brief = s.brief();
  assert.equal(brief.exportSettings, null);
  const options = { ...defaultExportOptions(brief.title, 'me', '2026-01-15'), marking: 'OFFICIAL-SENSITIVE', paper: 'letter' as const };
  const id = s.apply({ kind: 'export.settings', options });
  assert.equal(id, exportSettingsId(brief.id));
  assert.deepEqual(s.brief().exportSettings, options);
  s.apply({ kind: 'export.settings', options: { ...options, marking: 'SECRET' } });
  assert.equal(s.brief().exportSettings!.marking, 'SECRET');
  assert.equal(s.db.prepare('SELECT count(*) FROM export_settings').pluck().get(), 1);
  assert.throws(
    () => s.apply({ kind: 'export.settings', options: { ...options, paper: 'a3' } } as unknown as BriefEdit),
    refusedAt('options.paper', /options\.paper is not one an export accepts/),
  );
  // A key a later version added is dropped; anything else that does not fit reads as no settings.
  s.db.prepare('UPDATE export_settings SET options = ?').run(JSON.stringify({ ...options, includeSomethingNew: true }));
  assert.deepEqual(s.brief().exportSettings, options);
  for (const damaged of [
    '{"title": ',
    '[]',
    'null',
    JSON.stringify({ ...options, paper: 'a3' }),
    `{"title": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
  ]) {
    s.db.prepare('UPDATE export_settings SET options = ?').run(damaged);
    assert.equal(s.brief().exportSettings, null, damaged.slice(0, 40));
  }
});

test('key judgments and the bottom line are found by search; a deleted judgment is not', (t) => {
  const s = setup(t);
  const judgment = addJudgment(s, 'Samarium magnets will be made in Russia');
  s.apply({ kind: 'brief.bottomLine', text: 'Moscow aims for autarky in heavy rare earths.' });
  const search = new Search(s.db);
  assert.deepEqual(
    search.query('samarium').map((hit) => [hit.kind, hit.id]),
    [['judgment', judgment]],
  );
  assert.deepEqual(
    search.query('autarky').map((hit) => [hit.kind, hit.id]),
    [['bottomLine', s.brief().id]],
  );
  s.apply({ kind: 'judgment.delete', id: judgment });
  assert.deepEqual(search.query('samarium'), []);
});

test('saving a key judgment unchanged writes nothing: no new revision for a colleague’s edit to collide with', (t) => {
  const s = setup(t);
  const id = addJudgment(s, 'Moscow will fund the programme');
  const before = s.db.prepare('SELECT rev, updated_at FROM judgments WHERE id = ?').get(id);
  const saved = s.writer.apply({
    kind: 'judgment.update',
    id: id!,
    text: 'Moscow will fund the programme',
    likelihood: 'likely',
    confidence: 'moderate',
  });
  assert.deepEqual(saved.touched, []);
  assert.deepEqual(s.db.prepare('SELECT rev, updated_at FROM judgments WHERE id = ?').get(id), before);
  const changed = s.writer.apply({
    kind: 'judgment.update',
    id: id!,
    text: 'Moscow will fund the programme',
    likelihood: 'very-likely',
    confidence: 'moderate',
  });
  assert.deepEqual(changed.touched, [{ table: 'judgments', id }]);
});
