import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { claimNumbers } from '../common/claim-numbers.ts';
import { LIMITS } from '../common/limits.ts';
import type { Brief, BriefOpening, BriefPart, BriefPartName } from '../common/model.ts';
import { NODE_INGEST_WORKER } from '../db/ingest/index.ts';
import { NODE_RECEIVE_WORKER } from '../db/receive/index.ts';
import { tempDir, writeSyntheticBrief } from '../db/test-support/index.ts';
import { LoadedLists, firstOffsets, loadRest } from '../renderer/src/lib/brief-loader.ts';
import { ScriptedDialogs } from '../electron/services/documents/index.ts';
import { startBackend } from '../electron/services/router/index.ts';

// A big brief crosses the bridge in bounded answers: the opening, then parts of its long lists. The
// window's loader (renderer/src/lib/brief-loader.ts) put together from those answers must be the
// brief exactly as the store reads it whole, and no answer may carry more than its bound.

const APP = { url: 'app://briefing/index.html' };
const SIZES = { claims: 4_500, annotations: 23_000, notes: 2_700, indicators: 6 };

function backendOn(t: Parameters<typeof tempDir>[0]) {
  const userData = join(tempDir(t), 'profile');
  mkdirSync(userData, { recursive: true });
  writeSyntheticBrief(join(userData, 'briefing.sqlite'), SIZES);
  const backend = startBackend({
    userData,
    host: 'chromium',
    version: '0.0.0',
    dialogs: new ScriptedDialogs(),
    receiveWorker: NODE_RECEIVE_WORKER,
    ingestWorker: NODE_INGEST_WORKER,
    printer: { open: () => Promise.reject(new Error('nothing is printed in this test')) },
    emit: () => {},
  });
  t.after(() => backend.close());
  return backend;
}

test('no answer carries more than its bound of claims, highlights or notes, and the parts make the whole brief exactly', async (t) => {
  const backend = backendOn(t);
  const answers: { channel: string; claims: number; highlights: number; notes: number }[] = [];
  const invoke = async <T>(channel: string, args: unknown[]): Promise<T> => {
    const result = await backend.router.invoke(channel, args, APP);
    assert.ok(result.ok, JSON.stringify(result));
    return result.value as T;
  };

  const opening = await invoke<BriefOpening>('brief:get', []);
  const openingClaims = opening.brief.themes.reduce((sum, theme) => sum + theme.claims.length, 0);
  answers.push({
    channel: 'brief:get',
    claims: openingClaims,
    highlights: opening.brief.highlights.length,
    notes: opening.brief.notes.length,
  });
  assert.deepEqual(opening.totals, { claims: SIZES.claims, highlights: SIZES.annotations, notes: SIZES.notes });

  const fetchPart = async (part: BriefPartName, offset: number) => {
    const answer = await invoke<BriefPart>('brief:part', [part, offset]);
    answers.push({
      channel: `brief:part ${part}`,
      claims: answer.claims.length,
      highlights: answer.highlights.length,
      notes: answer.notes.length,
    });
    return answer;
  };
  let progress = 0;
  const loaded = await loadRest(
    opening,
    fetchPart,
    () => progress++,
    () => true,
    { publishEveryMs: 0 },
  );

  // Bounded: the opening by LIMITS.opening, every part by LIMITS.part, whatever the brief's size.
  assert.ok(openingClaims <= LIMITS.opening.claims && opening.brief.highlights.length <= LIMITS.opening.highlights);
  assert.ok(opening.brief.notes.length <= LIMITS.opening.notes);
  for (const answer of answers.slice(1)) {
    for (const part of ['claims', 'highlights', 'notes'] as const)
      assert.ok(answer[part] <= LIMITS.part[part], `${answer.channel}: ${answer[part]} ${part}`);
  }
  const parts = answers.length - 1;
  assert.equal(progress, parts, 'the window is shown the brief after every part');
  assert.ok(parts >= 6, `${parts} parts`);

  // Whole: exactly the brief the store reads in one go (claims in reading order, highlights and notes in the store's).
  assert.deepEqual(loaded, backend.documents.workspace.briefs.getBrief());

  // Handed on at most so often: parts that come faster are shown together, and the whole brief is always shown at the end.
  const shown: Brief[] = [];
  const again = await loadRest(
    opening,
    (part, offset) => invoke<BriefPart>('brief:part', [part, offset]),
    (brief) => shown.push(brief),
    () => true,
    {
      publishEveryMs: 60_000,
    },
  );
  assert.equal(shown.length, 1);
  assert.deepEqual(shown[0], again);
  assert.deepEqual(again, loaded);
});

test('while parts are coming, the brief shown holds the opening’s claims and highlights and what has come, each once', async (t) => {
  const backend = backendOn(t);
  const briefs = backend.documents.workspace.briefs;
  const opening = briefs.getOpening()!;
  const lists = new LoadedLists(opening.brief);
  const offsets = firstOffsets(opening);
  assert.deepEqual(offsets, { claims: LIMITS.opening.claims, highlights: 0, notes: LIMITS.opening.notes });

  // The first part of highlights repeats some of the opening's (those on its claims): shown once.
  lists.add(briefs.getPart('highlights', 0, 50));
  const shown = lists.brief();
  const ids = shown.highlights.map((h) => h.id);
  assert.equal(new Set(ids).size, ids.length, 'no highlight twice');
  assert.ok(
    opening.brief.highlights.every((h) => ids.includes(h.id)),
    'the opening’s highlights stay shown',
  );

  // Claims come in reading order after the opening's: each lands at the end of its theme.
  lists.add(briefs.getPart('claims', offsets.claims, 10));
  const themes = lists.brief().themes;
  const whole = briefs.getBrief()!.themes;
  const shownClaims = themes.flatMap((theme) => theme.claims.map((claim) => claim.id));
  assert.deepEqual(shownClaims, whole.flatMap((theme) => theme.claims.map((claim) => claim.id)).slice(0, offsets.claims + 10));
});

test('the opening names every claim its indicators, judgments and notes point at, with the number the whole brief gives it', (t) => {
  const backend = backendOn(t);
  const briefs = backend.documents.workspace.briefs;
  const before = briefs.getBrief()!;
  const claims = before.themes.flatMap((theme) => theme.claims);
  // Point an indicator at the brief's last claim, far past the opening's; another at a claim then
  // deleted; delete another claim before the last and move the last theme up: numbers that change.
  const last = claims.at(-1)!;
  const [first, second] = before.indicators;
  backend.documents.edit({ kind: 'indicator.update', id: first!.id, name: first!.name, unit: first!.unit, claimId: last.id });
  backend.documents.edit({ kind: 'indicator.update', id: second!.id, name: second!.name, unit: second!.unit, claimId: claims.at(-5)!.id });
  backend.documents.edit({ kind: 'claim.delete', id: claims.at(-5)!.id });
  backend.documents.edit({ kind: 'claim.delete', id: claims.at(-2)!.id });
  backend.documents.edit({ kind: 'theme.move', id: before.themes.at(-1)!.id, direction: 'up' });
  const numbers = claimNumbers(briefs.getBrief()!.themes);

  const opening = briefs.getOpening()!;
  const opened = new Set(opening.brief.themes.flatMap((theme) => theme.claims.map((claim) => claim.id)));
  assert.ok(!opened.has(last.id), 'the last claim is not in the opening');
  const pointedAt = [
    ...opening.brief.indicators.map((i) => i.claimId),
    ...opening.brief.judgments.flatMap((j) => j.evidence.filter((e) => e.targetKind === 'claim').map((e) => e.targetId)),
    ...opening.brief.notes.filter((n) => n.targetKind === 'claim').map((n) => n.targetId),
  ].filter((id): id is string => !!id && !opened.has(id) && numbers.has(id));
  assert.ok(pointedAt.includes(last.id));
  assert.deepEqual(Object.entries(opening.claimNumbers).sort(), [...new Set(pointedAt)].map((id) => [id, numbers.get(id)!]).sort());
  const themes = before.themes.length;
  assert.equal(
    opening.claimNumbers[last.id],
    `${themes - 1}.${before.themes.at(-1)!.claims.length - 2}`,
    'one theme up, two claims fewer before it',
  );
  assert.ok(!(claims.at(-5)!.id in opening.claimNumbers), 'a deleted claim has no number');
});
