import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closeAsSingleFile, newId, openStore, type Db } from '../store/index.ts';
import { BriefStore } from '../read/index.ts';
import { BriefWriter, citationGradeId } from '../edit/index.ts';
import type { BriefEdit } from '../../common/edits.ts';
import type { Brief } from '../../common/model.ts';
import { defaultExportOptions } from '../export/index.ts';
import { conflictViews } from './merge-review.ts';
import { mergeInto, openConflicts, resolveConflict } from './merge.ts';
import { briefCopies, tempDir } from '../test-support/index.ts';

// Two colleagues' key judgments, evidence, grades and export settings meet in a merge as the other
// items do: by id (derived from what a grade, a link or the settings name, so the same reference
// graded twice is one item), a change on one side taken, the same change joined, two changes kept
// as one conflict to review with a label a person can read.

const copies = (t: Parameters<typeof tempDir>[0]) => briefCopies(tempDir(t), 'mine', 'theirs') as [string, string];

/** Opens a copy, lets `work` edit it as `author`, and closes it as the one file that travels. */
function edit<T>(path: string, author: string, work: (apply: (edit: BriefEdit) => string, brief: () => Brief, db: Db) => T): T {
  const db = openStore(path);
  try {
    const writer = new BriefWriter(db, author);
    const store = new BriefStore(db);
    return work(
      (e) => writer.apply(e).id,
      () => store.getBrief()!,
      db,
    );
  } finally {
    closeAsSingleFile(db);
  }
}

function open(t: { after: (fn: () => void) => void }, path: string) {
  const db = openStore(path);
  t.after(() => db.close());
  return { db, brief: () => new BriefStore(db).getBrief()!, writer: new BriefWriter(db, 'me') };
}

const gradeOf19 = (brief: Brief, reliability: 'B' | 'E', credibility: '2' | '5'): BriefEdit => ({
  kind: 'citation.grade',
  sourceId: brief.sources[0]!.id,
  marker: 19,
  reliability,
  credibility,
});

test('two colleagues grading the same reference differently: one conflict, "Reference [19] grade", settled once', (t) => {
  const [mine, theirs] = copies(t);
  edit(mine, 'me', (apply, brief) => apply(gradeOf19(brief(), 'B', '2')));
  edit(theirs, 'colleague', (apply, brief) => apply(gradeOf19(brief(), 'E', '5')));
  const { db, brief } = open(t, mine);
  const report = mergeInto(db, theirs, 'theirs.sqlite');
  assert.equal(report.conflicts, 1);
  assert.equal(report.added, 0, 'their grade is a version of ours, not a second row');
  const [conflict] = conflictViews(db);
  assert.equal(conflict!.itemLabel, 'Reference [19] grade');
  assert.equal(conflict!.rowId, citationGradeId(brief().sources[0]!.id, 19));
  assert.deepEqual(conflict!.fields, [
    { field: 'Reliability', ours: 'B', theirs: 'E' },
    { field: 'Credibility', ours: '2', theirs: '5' },
  ]);
  assert.deepEqual(
    brief().citationGrades.map((g) => [g.marker, g.reliability, g.credibility]),
    [[19, 'B', '2']],
  );
  assert.equal(mergeInto(db, theirs).conflicts, 0, 'merging the same file again raises no second conflict');
  resolveConflict(db, conflict!.id, 'theirs');
  assert.deepEqual(
    brief().citationGrades.map((g) => [g.marker, g.reliability, g.credibility, g.author]),
    [[19, 'E', '5', 'colleague']],
  );
});

test('the same grade given by both is joined, not a conflict; a grade of another reference is added', (t) => {
  const [mine, theirs] = copies(t);
  edit(mine, 'me', (apply, brief) => apply(gradeOf19(brief(), 'B', '2')));
  edit(theirs, 'colleague', (apply, brief) => {
    apply(gradeOf19(brief(), 'B', '2'));
    apply({ kind: 'citation.grade', sourceId: brief().sources[0]!.id, marker: 1, reliability: 'A', credibility: null });
  });
  const { db, brief } = open(t, mine);
  const report = mergeInto(db, theirs);
  assert.deepEqual([report.conflicts, report.added], [0, 1]);
  assert.deepEqual(
    brief().citationGrades.map((g) => [g.marker, g.reliability, g.credibility]),
    [
      [1, 'A', null],
      [19, 'B', '2'],
    ],
  );
});

test('two colleagues adding key judgments: both are kept, in the order they were written, the same in both copies', (t) => {
  const [mine, theirs] = copies(t);
  const judgment = (text: string): BriefEdit => ({ kind: 'judgment.add', text, likelihood: 'likely', confidence: null });
  edit(mine, 'me', (apply) => {
    apply(judgment('Mine, first'));
    apply(judgment('Mine, second'));
  });
  edit(theirs, 'colleague', (apply) => apply(judgment('Theirs')));
  const texts = (path: string) => {
    const db = openStore(path);
    try {
      return new BriefStore(db).getBrief()!.judgments.map((j) => j.text);
    } finally {
      db.close();
    }
  };
  const ours = openStore(mine);
  assert.equal(mergeInto(ours, theirs).conflicts, 0);
  closeAsSingleFile(ours);
  const their = openStore(theirs);
  assert.equal(mergeInto(their, mine).conflicts, 0);
  closeAsSingleFile(their);
  // Theirs and my first stand at the same place; the one written first comes first.
  assert.deepEqual(texts(mine), ['Mine, first', 'Theirs', 'Mine, second']);
  assert.deepEqual(texts(theirs), texts(mine), 'both copies show the same order');
  // Moving works across the merged list: the colleague's judgment goes to the top.
  const { db, brief, writer } = open(t, mine);
  writer.apply({ kind: 'judgment.move', id: brief().judgments[1]!.id, direction: 'up' });
  assert.deepEqual(
    brief().judgments.map((j) => j.text),
    ['Theirs', 'Mine, first', 'Mine, second'],
  );
  assert.equal(db.prepare('SELECT count(*) FROM judgments').pluck().get(), 3);
});

test('a judgment deleted by one colleague and given evidence by the other: the link is kept, and comes back with the judgment', (t) => {
  const [mine, theirs] = copies(t);
  // Both copies start from the same judgment, with one piece of evidence.
  const judgmentId = edit(mine, 'me', (apply, brief) => {
    const id = apply({ kind: 'judgment.add', text: 'Magnet plants will be funded', likelihood: 'likely', confidence: 'moderate' });
    apply({ kind: 'evidence.link', judgmentId: id, targetKind: 'claim', targetId: brief().themes[0]!.claims[0]!.id, stance: 'supports' });
    return id;
  });
  {
    const their = openStore(theirs);
    mergeInto(their, mine);
    closeAsSingleFile(their);
  }
  const linked = edit(theirs, 'colleague', (apply, brief) =>
    apply({ kind: 'evidence.link', judgmentId, targetKind: 'indicator', targetId: brief().indicators[2]!.id, stance: 'undercuts' }),
  );
  const { db, brief, writer } = open(t, mine);
  writer.apply({ kind: 'judgment.delete', id: judgmentId });
  const report = mergeInto(db, theirs);
  // The deletion and the new link touch different items: nothing to decide, nothing lost.
  assert.equal(report.conflicts, 0);
  assert.deepEqual(brief().judgments, [], 'the judgment stays deleted here');
  assert.equal(
    db.prepare('SELECT deleted_at IS NULL FROM evidence_links WHERE id = ?').pluck().get(linked),
    1,
    'their evidence is kept in the file, with the judgment it belongs to',
  );
  writer.undo();
  assert.deepEqual(
    brief().judgments.map((j) => j.evidence.map((e) => [e.targetKind, e.stance, e.author])),
    [
      [
        ['claim', 'supports', 'me'],
        ['indicator', 'undercuts', 'colleague'],
      ],
    ],
    'undoing the deletion brings the judgment back with the colleague’s evidence',
  );
});

test('the bottom line, the export settings, a source grade and a piece of evidence changed on both sides: one conflict each, each named', (t) => {
  const [mine, theirs] = copies(t);
  const judgmentId = edit(mine, 'me', (apply, brief) => {
    const id = apply({ kind: 'judgment.add', text: 'Plants will be funded', likelihood: null, confidence: null });
    // The evidence both start from.
    apply({ kind: 'evidence.link', judgmentId: id, targetKind: 'claim', targetId: brief().themes[0]!.claims[0]!.id, stance: 'supports' });
    return id;
  });
  {
    const their = openStore(theirs);
    mergeInto(their, mine);
    closeAsSingleFile(their);
  }
  const changes = (author: string, words: string, marking: string, grade: 'A' | 'D') =>
    edit(author === 'me' ? mine : theirs, author, (apply, brief) => {
      apply({ kind: 'brief.bottomLine', text: words });
      apply({ kind: 'export.settings', options: { ...defaultExportOptions(brief().title, author, '2026-01-15'), marking } });
      apply({ kind: 'source.grade', id: brief().sources[0]!.id, reliability: grade, credibility: null });
      const link = brief().judgments[0]!.evidence[0]!;
      // I take the evidence away; the colleague turns it round.
      if (author === 'me') apply({ kind: 'evidence.unlink', id: link.id });
      else apply({ kind: 'evidence.link', judgmentId, targetKind: link.targetKind, targetId: link.targetId, stance: 'undercuts' });
    });
  changes('me', 'Russia will likely cut its reliance.', 'OFFICIAL', 'A');
  changes('colleague', 'Russia will almost certainly cut its reliance.', 'SECRET', 'D');
  const { db } = open(t, mine);
  mergeInto(db, theirs);
  const views = conflictViews(db);
  const byLabel = Object.fromEntries(views.map((view) => [view.itemLabel, view.fields]));
  assert.deepEqual(Object.keys(byLabel).sort(), ['Bottom line', 'Evidence for key judgment 1', 'Export settings', 'Source grade']);
  assert.deepEqual(byLabel['Bottom line'], [
    { field: 'Bottom line', ours: 'Russia will likely cut its reliance.', theirs: 'Russia will almost certainly cut its reliance.' },
  ]);
  assert.deepEqual(
    byLabel['Export settings']!.map((f) => [f.field, f.ours, f.theirs]),
    [
      ['author', 'me', 'colleague'],
      ['marking', 'OFFICIAL', 'SECRET'],
    ],
  );
  assert.deepEqual(byLabel['Source grade'], [{ field: 'Reliability', ours: 'A', theirs: 'D' }]);
  assert.deepEqual(byLabel['Evidence for key judgment 1'], [{ field: 'Stance', ours: 'supports', theirs: 'undercuts' }]);
  assert.equal(views.find((view) => view.table === 'evidence_links')!.ours.deleted, true, 'unlinked here');
  for (const view of views) resolveConflict(db, view.id, 'theirs');
  const brief = new BriefStore(db).getBrief()!;
  assert.equal(brief.bottomLine, 'Russia will almost certainly cut its reliance.');
  assert.equal(brief.exportSettings!.marking, 'SECRET');
  assert.deepEqual(brief.sources[0]!.grade, { reliability: 'D', credibility: null });
  assert.equal(brief.judgments[0]!.evidence[0]!.stance, 'undercuts');
  assert.deepEqual(openConflicts(db), []);
});

test('a grade of the same reference under another id (a file made elsewhere) meets ours as one item: a conflict, never a UNIQUE error', (t) => {
  const [mine, theirs] = copies(t);
  edit(mine, 'me', (apply, brief) => apply(gradeOf19(brief(), 'B', '2')));
  edit(theirs, 'colleague', (_apply, brief, db) => {
    db.prepare(
      `INSERT INTO citation_grades (id, rev, created_at, updated_at, author, source_id, marker, reliability, credibility)
       VALUES (?, ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'colleague', ?, 19, 'E', '5')`,
    ).run(newId(), newId(), brief().sources[0]!.id);
  });
  const { db, brief } = open(t, mine);
  const report = mergeInto(db, theirs);
  assert.equal(report.conflicts, 1);
  assert.deepEqual(db.pragma('foreign_key_check'), []);
  assert.equal(db.prepare('SELECT count(*) FROM citation_grades').pluck().get(), 1);
  const [conflict] = conflictViews(db);
  assert.equal(conflict!.itemLabel, 'Reference [19] grade');
  resolveConflict(db, conflict!.id, 'theirs');
  assert.deepEqual(
    brief().citationGrades.map((g) => [g.reliability, g.credibility]),
    [['E', '5']],
  );
});
