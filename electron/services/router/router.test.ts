import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { StoreError } from '../../../common/errors.ts';
import { NODE_RECEIVE_WORKER } from '../../../db/receive/index.ts';
import { NODE_INGEST_WORKER } from '../../../db/ingest/index.ts';
import { tempDir } from '../../../db/test-support/index.ts';
import { ScriptedDialogs } from '../documents/index.ts';
import { CHANNELS } from '../../../common/ipc/channels.ts';
import { ARGUMENT_SCHEMAS } from './schemas.ts';
import { createRouter, type Handlers } from './router.ts';
import { startBackend } from './backend.ts';

const app = { url: 'app://briefing/index.html' };

function routerHandlers(): Handlers {
  const unused = () => {
    throw new Error('not used in this test');
  };
  return Object.fromEntries(CHANNELS.map((channel) => [channel, unused])) as unknown as Handlers;
}

function routerWith(overrides: Partial<Handlers> = {}, logged: unknown[] = []) {
  const handlers = routerHandlers();
  return createRouter({ ...handlers, 'brief:get': () => null, ...overrides }, { log: (_message, error) => logged.push(error) });
}

test('every channel of the contract has an argument schema', () => {
  assert.deepEqual(Object.keys(ARGUMENT_SCHEMAS).sort(), [...CHANNELS].sort());
});

test('a request from one of our pages gets the handler value wrapped in a Result', async () => {
  assert.deepEqual(await routerWith().invoke('brief:get', [], app), { ok: true, value: null });
  // The test host's origin is trusted only by a router a host builds with it, never by default.
  assert.equal((await routerWith().invoke('brief:get', [], { url: 'http://app.local/index.html' })).ok, false);
  const hosted = createRouter({ ...routerHandlers(), 'brief:get': () => null }, { trustedOrigins: ['http://app.local'] });
  assert.deepEqual(await hosted.invoke('brief:get', [], { url: 'http://app.local/index.html' }), { ok: true, value: null });
  assert.equal((await hosted.invoke('brief:get', [], app)).ok, false);
});

test('unknown channels, foreign senders and bad arguments are refused before any handler runs', async () => {
  let ran = false;
  const router = routerWith({ 'brief:get': () => ((ran = true), null), 'merge:resolve': () => ((ran = true), null as never) });
  assert.equal((await router.invoke('fs:read', [], app)).ok, false);
  for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', undefined, 'not a url']) {
    assert.deepEqual(await router.invoke('brief:get', [], { url }), {
      ok: false,
      code: 'forbidden',
      message: 'This page may not use Briefing Desk.',
    });
  }
  for (const [channel, args] of [
    ['brief:get', ['extra']],
    ['brief:get', 'not an array'],
    ['merge:resolve', ['not-a-uuid', 'ours']],
    ['merge:resolve', ['0b8a7c52-4f43-4d7e-9a39-0d5c7f1e2a10', 'both']],
    ['document:new', ['template']],
    ['document:open-recent', ['']],
  ] as const) {
    const result = await router.invoke(channel, args, app);
    assert.equal(!result.ok && result.code, 'bad-request', `${channel} ${JSON.stringify(args)}`);
  }
  assert.equal(ran, false);
});

test('the print job is settled only by the print window, and subframes or windows we did not open are refused', async () => {
  let settled = 0;
  const router = routerWith({ 'print:ready': () => (settled++, null), 'print:failed': () => (settled++, null) });
  const workspace = { url: 'app://briefing/index.html', isMainFrame: true, window: 'workspace' } as const;
  const print = { url: 'app://briefing/print.html', isMainFrame: true, window: 'print' } as const;
  for (const sender of [workspace, { ...workspace, url: 'app://briefing/print.html' }, { ...print, isMainFrame: false }]) {
    assert.equal((await router.invoke('print:ready', ['<html>forged</html>', null, null], sender)).ok, false, JSON.stringify(sender));
    assert.equal((await router.invoke('print:failed', ['forged'], sender)).ok, false, JSON.stringify(sender));
  }
  assert.equal(settled, 0);
  // The contents' predicted pages are whole pages from 1, one per heading; anything else is refused before the handler.
  for (const pages of [
    { 'section-1': 0 },
    { 'section-1': 1.5 },
    { 'section-1': '2' },
    Object.fromEntries(Array.from({ length: 100_001 }, (_, i) => [`s${i}`, 1])),
  ])
    assert.equal((await router.invoke('print:ready', [null, pages, null], print)).ok, false, JSON.stringify(pages).slice(0, 80));
  // Print sections: at least two, a bounded number, and the contents in one of them.
  for (const sections of [
    { count: 1, contents: [0] },
    { count: 3, contents: [3] },
    { count: 3, contents: [-1] },
    { count: 2.5, contents: [] },
    { count: 10_001, contents: [] },
    { count: 3, contents: [0], extra: true },
  ])
    assert.equal((await router.invoke('print:ready', [null, null, sections], print)).ok, false, JSON.stringify(sections));
  assert.equal(settled, 0);
  assert.deepEqual(await router.invoke('print:ready', [null, { 'section-1': 3 }, null], print), { ok: true, value: null });
  assert.deepEqual(await router.invoke('print:ready', [null, null, { count: 3, contents: [0, 1] }], print), { ok: true, value: null });
  assert.equal((await router.invoke('brief:get', [], { ...workspace, window: 'unknown' })).ok, false);
  assert.equal((await router.invoke('brief:get', [], { ...workspace, isMainFrame: false })).ok, false);
});

test('store errors reach the user as their own sentence; anything else is logged and answered plainly', async () => {
  const logged: unknown[] = [];
  const storeFailure = routerWith({
    'brief:get': () => {
      throw new StoreError('damaged', 'This file is damaged; ask the sender for a fresh copy.');
    },
  });
  assert.deepEqual(await storeFailure.invoke('brief:get', [], app), {
    ok: false,
    code: 'damaged',
    message: 'This file is damaged; ask the sender for a fresh copy.',
  });
  const crash = routerWith(
    {
      'brief:get': async () => {
        throw new Error('SQLITE_IOERR at /home/secret/path');
      },
    },
    logged,
  );
  const result = await crash.invoke('brief:get', [], app);
  assert.equal(result.ok, false);
  assert.ok(!result.ok && !result.message.includes('/home/secret'), 'internal details stay in the log');
  assert.equal(logged.length, 1);
});

test('the backend opens the store in the user data folder and answers brief:get with the embedded brief', async (t) => {
  const userData = join(tempDir(t), 'profile', 'nested');
  const printer = { open: () => Promise.reject(new Error('nothing is printed in this test')) };
  const backend = startBackend({
    userData,
    host: 'chromium',
    version: '9.9.9',
    dialogs: new ScriptedDialogs(),
    receiveWorker: NODE_RECEIVE_WORKER,
    ingestWorker: NODE_INGEST_WORKER,
    printer,
    emit: () => {},
  });
  t.after(() => backend.close());
  const info = await backend.router.invoke('app:info', [], app);
  assert.ok(info.ok);
  assert.equal((info.value as { version: string }).version, '9.9.9');
  assert.equal((info.value as { storePath: string }).storePath, join(userData, 'briefing.sqlite'));
  const brief = await backend.router.invoke('brief:get', [], app);
  assert.ok(brief.ok);
  assert.equal((brief.value as { brief: { themes: unknown[] } }).brief.themes.length, 4);
  assert.doesNotThrow(() => JSON.stringify(brief.value), 'the brief is plain JSON data');
});

test('edits are checked for shape before the writer sees them; a refused edit names its field', async () => {
  const seen: unknown[] = [];
  const router = routerWith({
    'brief:edit': (edit) => {
      seen.push(edit);
      throw new StoreError('invalid-input', 'A note needs some text.', 'body');
    },
  });
  const uuid = '00000000-0000-4000-8000-000000000001';
  for (const bad of [
    { kind: 'note.drop', id: uuid },
    { kind: 'note.add', targetKind: 'brief', targetId: null, body: 'x', tags: [], extra: 1 },
    { kind: 'highlight.add', targetKind: 'claim', targetId: uuid, start: -1, end: 3, colour: 'yellow', comment: null },
    { kind: 'highlight.add', targetKind: 'claim', targetId: uuid, start: 0, end: 3, colour: 'purple', comment: null },
    { kind: 'claim.move', id: 'not-a-uuid', direction: 'up' },
    { kind: 'observation.add', indicatorId: uuid, value: 78, unit: '%', comparator: 'equal', asOf: '', claimId: null },
  ]) {
    const result = await router.invoke('brief:edit', [bad], app);
    assert.equal(result.ok, false, JSON.stringify(bad));
    assert.equal((result as { code: string }).code, 'bad-request');
  }
  assert.deepEqual(seen, []);
  const refused = await router.invoke('brief:edit', [{ kind: 'note.add', targetKind: 'brief', targetId: null, body: ' ', tags: [] }], app);
  assert.deepEqual(refused, { ok: false, code: 'invalid-input', message: 'A note needs some text.', field: 'body' });
});
