import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { BriefWriter } from './brief-writer.ts';
import { EDIT_KINDS, type BriefEdit } from '../../common/edits.ts';
import { defaultExportOptions } from '../export/index.ts';
import type { StoreError } from '../../common/errors.ts';
import { formatClaim } from '../../common/claim-text.ts';
import { findFigures } from '../../common/figures.ts';
import { mergeInto } from '../merge/index.ts';
import type { Brief } from '../../common/model.ts';
import { saveCopy } from '../store/index.ts';
import { openWorkspace } from '../seed/index.ts';
import { tempDir } from '../test-support/index.ts';

function setup(t: Parameters<typeof tempDir>[0]) {
  const dir = tempDir(t);
  const path = join(dir, 'w.sqlite');
  let workspace = openWorkspace(path, 'me');
  t.after(() => workspace.close());
  return {
    dir,
    get workspace() {
      return workspace;
    },
    writer: () => new BriefWriter(workspace.db, 'me'),
    brief: () => workspace.briefs.getBrief()!,
    reopen() {
      workspace.close();
      workspace = openWorkspace(path, 'me');
    },
  };
}

/** What a user sees of the brief: everything but when and by whom each item was last written. */
function content(brief: Brief): unknown {
  return JSON.parse(JSON.stringify(brief, (key, value) => (key === 'updatedAt' || key === 'author' ? undefined : value)));
}

const firstClaim = (brief: Brief) => brief.themes[0]!.claims[0]!;

/** An edit, or one made against the brief as it is when it runs (a key judgment added by an earlier step). */
type Step = [string, BriefEdit | ((now: Brief) => BriefEdit)];
const editOf = (step: Step, now: Brief): BriefEdit => (typeof step[1] === 'function' ? step[1](now) : step[1]);

/** One edit of every kind, made against the seeded brief. */
function everyEdit(brief: Brief): Step[] {
  const claim = firstClaim(brief);
  const theme = brief.themes[1]!;
  const indicator = brief.indicators[0]!;
  const source = brief.sources[0]!;
  const judgment = (now: Brief, index = 0) => now.judgments[index]!;
  return [
    [
      'highlight.add',
      { kind: 'highlight.add', targetKind: 'claim', targetId: claim.id, start: 0, end: 12, colour: 'yellow', comment: 'Check this' },
    ],
    [
      'note.add',
      {
        kind: 'note.add',
        targetKind: 'theme',
        targetId: theme.id,
        body: '**Logistics** via Kazakhstan',
        tags: ['logistics', 'Kazakhstan'],
      },
    ],
    ['claim.update', { kind: 'claim.update', id: claim.id, text: `Corrected: ${formatClaim(claim)}` }],
    ['claim.assess', { kind: 'claim.assess', id: claim.id, confidence: 'moderate', judgement: 'Plausible, one source only' }],
    ['claim.add', { kind: 'claim.add', themeId: theme.id, text: 'A new claim of mine [3]' }],
    ['claim.move', { kind: 'claim.move', id: theme.claims[2]!.id, direction: 'up' }],
    ['claim.delete', { kind: 'claim.delete', id: theme.claims[1]!.id }],
    ['theme.add', { kind: 'theme.add', title: 'Outlook' }],
    ['theme.update', { kind: 'theme.update', id: theme.id, title: 'Industry' }],
    ['theme.move', { kind: 'theme.move', id: theme.id, direction: 'up' }],
    ['indicator.add', { kind: 'indicator.add', name: 'Magnet output', unit: 'tons', claimId: null }],
    ['indicator.update', { kind: 'indicator.update', id: indicator.id, name: 'Reserves (est.)', unit: 'million tons', claimId: claim.id }],
    [
      'observation.add',
      {
        kind: 'observation.add',
        indicatorId: indicator.id,
        value: '29',
        unit: 'million tons',
        comparator: 'about',
        asOf: '2026-01-15',
        claimId: null,
      },
    ],
    ['palette.rename', { kind: 'palette.rename', colour: 'red', meaning: 'Disputed' }],
    ['brief.bottomLine', { kind: 'brief.bottomLine', text: 'Russia will likely cut its reliance on Chinese rare earths by 2030.' }],
    [
      'judgment.add',
      { kind: 'judgment.add', text: 'Russia will fund its own magnet plants', likelihood: 'likely', confidence: 'moderate' },
    ],
    ['judgment.add', { kind: 'judgment.add', text: 'Output will stay small before 2030', likelihood: null, confidence: null }],
    [
      'judgment.update',
      (now) => ({
        kind: 'judgment.update',
        id: judgment(now).id,
        text: 'Russia will fund magnet plants',
        likelihood: 'very-likely',
        confidence: 'high',
      }),
    ],
    ['judgment.move', (now) => ({ kind: 'judgment.move', id: judgment(now, 1).id, direction: 'up' })],
    [
      'evidence.link',
      (now) => ({ kind: 'evidence.link', judgmentId: judgment(now).id, targetKind: 'claim', targetId: claim.id, stance: 'supports' }),
    ],
    [
      'evidence.link',
      (now) => ({
        kind: 'evidence.link',
        judgmentId: judgment(now).id,
        targetKind: 'indicator',
        targetId: indicator.id,
        stance: 'undercuts',
      }),
    ],
    ['evidence.unlink', (now) => ({ kind: 'evidence.unlink', id: judgment(now).evidence[0]!.id })],
    ['judgment.delete', (now) => ({ kind: 'judgment.delete', id: judgment(now).id })],
    [
      'citation.grade',
      { kind: 'citation.grade', sourceId: source.id, marker: claim.citations[0]!.marker, reliability: 'B', credibility: '2' },
    ],
    ['source.grade', { kind: 'source.grade', id: source.id, reliability: 'C', credibility: null }],
    [
      'export.settings',
      { kind: 'export.settings', options: { ...defaultExportOptions(brief.title, 'me', '2026-01-15'), marking: 'OFFICIAL-SENSITIVE' } },
    ],
    [
      'source.add',
      {
        kind: 'source.add',
        receipt: null,
        provenance: {
          fileName: 'magnets.docx',
          size: 2048,
          sha256: 'c0'.repeat(32),
          format: 'docx',
          importedAt: '2026-01-15T09:00:00.000Z',
        },
        headline: 'Magnets in 2030',
        headlineLanguage: 'en',
        titleTranslation: null,
        shortName: 'Magnets',
        publisher: 'Institute',
        publishedOn: '2026-01-10',
        themes: [{ heading: 'Output', claims: ['Output will reach 5,000 tons by 2030 [1].', 'Two plants are planned [2].'] }],
      },
    ],
    ['source.update', { kind: 'source.update', id: source.id, shortName: 'Sohu', titleTranslation: 'Our own rendering' }],
    ['claim.translate', { kind: 'claim.translate', id: claim.id, translation: 'Россия владеет запасами' }],
    [
      'figure.accept',
      (now) => {
        const figure = findFigures(firstClaim(now).text)[0]!;
        return {
          kind: 'figure.accept',
          claimId: firstClaim(now).id,
          quote: figure.quote,
          name: 'Figure taken',
          unit: figure.unit,
          value: String(figure.value),
          comparator: figure.comparator,
          asOf: '2025-11-09',
        };
      },
    ],
    [
      'figure.dismiss',
      (now) => ({ kind: 'figure.dismiss', claimId: firstClaim(now).id, quote: findFigures(firstClaim(now).text)[0]!.quote }),
    ],
  ];
}

test('every kind of edit changes the brief, undo puts it back exactly, redo makes it again', (t) => {
  const s = setup(t);
  const steps = everyEdit(s.brief());
  const missing = Object.keys(EDIT_KINDS).filter((kind) => !steps.some(([name]) => name === kind));
  // Updates and deletions of notes, highlights and values are taken back in the next test, over a whole session.
  assert.deepEqual(missing, ['highlight.update', 'highlight.delete', 'note.update', 'note.delete', 'observation.delete']);
  for (const step of steps) {
    const [name] = step;
    const before = content(s.brief());
    s.writer().apply(editOf(step, s.brief()));
    const after = content(s.brief());
    assert.notDeepEqual(after, before, `${name} changed nothing`);
    assert.ok(s.writer().undo(), `${name} could not be undone`);
    assert.deepEqual(content(s.brief()), before, `undo of ${name}`);
    assert.ok(s.writer().redo(), `${name} could not be redone`);
    assert.deepEqual(content(s.brief()), after, `redo of ${name}`);
  }
});

test('notes, highlights, tags and removals of a whole session undo one by one, back to the start', (t) => {
  const s = setup(t);
  const start = content(s.brief());
  const writer = s.writer();
  const edits = everyEdit(s.brief());
  for (const step of edits) writer.apply(editOf(step, s.brief()));
  const note = s.brief().notes[0]!;
  writer.apply({ kind: 'note.update', id: note.id, body: 'Rewritten', tags: ['logistics', 'urgent'] });
  writer.apply({ kind: 'note.delete', id: note.id });
  writer.apply({ kind: 'highlight.delete', id: s.brief().highlights[0]!.id });
  let undone = 0;
  while (writer.undo()) undone++;
  assert.equal(undone, edits.length + 3);
  assert.deepEqual(content(s.brief()), start);
});

test('the undo history survives closing and reopening the brief; a new edit drops what could be redone', (t) => {
  const s = setup(t);
  const claim = firstClaim(s.brief());
  s.writer().apply({ kind: 'claim.assess', id: claim.id, confidence: 'high', judgement: null });
  s.writer().apply({ kind: 'note.add', targetKind: 'brief', targetId: null, body: 'first', tags: [] });
  s.reopen();
  assert.deepEqual(s.writer().historyState(), { undo: 'Add note', redo: null });
  s.writer().undo();
  s.reopen();
  assert.deepEqual(s.writer().historyState(), { undo: 'Assess claim', redo: 'Add note' });
  assert.equal(s.brief().notes.length, 0);
  s.writer().apply({ kind: 'note.add', targetKind: 'brief', targetId: null, body: 'second', tags: [] });
  assert.deepEqual(s.writer().historyState(), { undo: 'Add note', redo: null });
});

test('an edit a merge has changed since is not undone over the merge; the user is told why', (t) => {
  const s = setup(t);
  const claim = firstClaim(s.brief());
  const theirs = join(s.dir, 'theirs.sqlite');
  saveCopy(s.workspace.db, theirs);
  s.writer().apply({ kind: 'claim.update', id: claim.id, text: 'Mine' });
  // The colleague's copy descends from mine-after-edit, so the merge takes their wording.
  saveCopy(s.workspace.db, theirs);
  const colleague = openWorkspace(theirs, 'colleague');
  new BriefWriter(colleague.db, 'colleague').updateClaimText(claim.id, 'Theirs, later');
  colleague.close();
  mergeInto(s.workspace.db, theirs, 'theirs.sqlite');
  assert.equal(firstClaim(s.brief()).text, 'Theirs, later');
  assert.throws(
    () => s.writer().undo(),
    (error: StoreError) => error.code === 'cannot-undo' && /“Edit claim” cannot be undone: a merge has changed/.test(error.message),
  );
  assert.equal(firstClaim(s.brief()).text, 'Theirs, later');
  assert.deepEqual(s.writer().historyState(), { undo: null, redo: null });
});

test('a claim edited with its markers keeps its citations; highlights follow their words or are orphaned', (t) => {
  const s = setup(t);
  const claim = firstClaim(s.brief());
  const words = claim.text.split(' ').slice(2, 5).join(' ');
  const start = claim.text.indexOf(words);
  const writer = s.writer();
  writer.apply({
    kind: 'highlight.add',
    targetKind: 'claim',
    targetId: claim.id,
    start,
    end: start + words.length,
    colour: 'green',
    comment: null,
  });
  writer.apply({ kind: 'claim.update', id: claim.id, text: `In short, ${formatClaim(claim)}` });
  const edited = firstClaim(s.brief());
  assert.deepEqual(
    edited.citations.map((c) => c.marker),
    claim.citations.map((c) => c.marker),
  );
  const [highlight] = s.brief().highlights;
  assert.equal(edited.text.slice(highlight!.anchor!.start, highlight!.anchor!.end), words);

  writer.apply({ kind: 'claim.update', id: claim.id, text: 'Entirely different wording now [1]' });
  assert.equal(s.brief().highlights[0]!.anchor, null);
  assert.equal(s.brief().highlights[0]!.quote, words);
});

test('bad input is refused naming the field, and changes nothing', (t) => {
  const s = setup(t);
  const before = content(s.brief());
  const indicator = s.brief().indicators[0]!;
  const refused = (edit: BriefEdit, field: string, message: RegExp) =>
    assert.throws(
      () => s.writer().apply(edit),
      (error: StoreError) => error.code === 'invalid-input' && error.field === field && message.test(error.message),
    );
  refused({ kind: 'note.add', targetKind: 'brief', targetId: null, body: '', tags: [] }, 'body', /needs some text/);
  refused({ kind: 'note.add', targetKind: 'brief', targetId: null, body: ' \n\t ', tags: [] }, 'body', /needs some text/);
  const observation = { kind: 'observation.add', indicatorId: indicator.id, unit: '%', comparator: 'equal', claimId: null } as const;
  refused({ ...observation, value: 'about eighty', asOf: '' }, 'value', /“about eighty” is not a number/);
  refused({ ...observation, value: '78', asOf: '2025-02-30' }, 'asOf', /“2025-02-30” is not a real date/);
  refused({ ...observation, value: '78', asOf: 'yesterday' }, 'asOf', /not a real date/);
  refused({ kind: 'claim.update', id: firstClaim(s.brief()).id, text: ' [1] ' }, 'text', /needs some words/);
  refused(
    { kind: 'highlight.add', targetKind: 'claim', targetId: firstClaim(s.brief()).id, start: 5, end: 5, colour: 'red', comment: null },
    'range',
    /Select some words/,
  );
  assert.deepEqual(content(s.brief()), before);
  assert.deepEqual(s.writer().historyState(), { undo: null, redo: null });
});

test('a note of 1 MB saves and comes back whole; typed figures like 1,200 read as numbers', (t) => {
  const s = setup(t);
  const body = '# Big\n\n' + 'Rare earth supply notes. '.repeat(42_000);
  assert.ok(Buffer.byteLength(body) > 1_000_000);
  s.writer().apply({ kind: 'note.add', targetKind: 'brief', targetId: null, body, tags: ['big'] });
  assert.equal(s.brief().notes[0]!.body, body);
  const indicator = s.brief().indicators.find((i) => i.name.includes('engineers')) ?? s.brief().indicators[0]!;
  s.writer().apply({
    kind: 'observation.add',
    indicatorId: indicator.id,
    value: '1,350',
    unit: 'engineers',
    comparator: 'about',
    asOf: '2026-03-01',
    claimId: null,
  });
  assert.equal(
    s
      .brief()
      .indicators.find((i) => i.id === indicator.id)!
      .observations.at(-1)!.value,
    1350,
  );
});

test('two colleagues renaming the same colour meet as one item in a merge: one conflict to review, not a clash of rows', (t) => {
  const s = setup(t);
  const theirs = join(s.dir, 'theirs.sqlite');
  saveCopy(s.workspace.db, theirs);
  const colleague = openWorkspace(theirs, 'colleague');
  new BriefWriter(colleague.db, 'colleague').apply({ kind: 'palette.rename', colour: 'red', meaning: 'Contested' });
  colleague.close();
  s.writer().apply({ kind: 'palette.rename', colour: 'red', meaning: 'Disputed' });
  const report = mergeInto(s.workspace.db, theirs, 'theirs.sqlite');
  assert.equal(report.conflicts, 1);
  assert.equal(s.brief().palette.find((p) => p.colour === 'red')!.meaning, 'Disputed');
  // Merging the same copy again finds nothing new and no second conflict.
  const again = mergeInto(s.workspace.db, theirs, 'theirs.sqlite');
  assert.deepEqual([again.added, again.conflicts], [0, 0]);
});

test('two indicators may not share a name: the second is refused at its name field, whatever its case', (t) => {
  const s = setup(t);
  const [first, second] = s.brief().indicators;
  assert.throws(
    () => s.writer().apply({ kind: 'indicator.add', name: first!.name.toUpperCase(), unit: 'x', claimId: null }),
    (error: StoreError) =>
      error.code === 'invalid-input' && error.field === 'name' && /already has an indicator called/.test(error.message),
  );
  assert.throws(
    () => s.writer().apply({ kind: 'indicator.update', id: second!.id, name: first!.name, unit: second!.unit, claimId: null }),
    (error: StoreError) => error.field === 'name',
  );
  s.writer().apply({ kind: 'indicator.update', id: first!.id, name: first!.name, unit: 'Mt', claimId: first!.claimId });
  assert.equal(s.brief().indicators[0]!.unit, 'Mt', 'an indicator keeps its own name');
});
