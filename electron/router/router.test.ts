import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { StoreError } from '../../db/errors.ts';
import { tempDir } from '../../db/test-support/temp.ts';
import { CHANNELS } from '../ipc/channels.ts';
import { ARGUMENT_SCHEMAS } from './schemas.ts';
import { createRouter, type Handlers } from './router.ts';
import { startBackend } from './index.ts';

const app = { url: 'app://briefing/index.html' };

function routerWith(overrides: Partial<Handlers> = {}, logged: unknown[] = []) {
  const handlers: Handlers = {
    'app:info': () => ({ name: 'x', version: '0', schemaVersion: 1, storePath: '/x', host: 'chromium', author: 'a' }),
    'brief:get': () => null,
    ...overrides,
  };
  return createRouter(handlers, (_message, error) => logged.push(error));
}

test('every channel of the contract has an argument schema', () => {
  assert.deepEqual(Object.keys(ARGUMENT_SCHEMAS).sort(), [...CHANNELS].sort());
});

test('a request from one of our pages gets the handler value wrapped in a Result', () => {
  assert.deepEqual(routerWith().invoke('brief:get', [], app), { ok: true, value: null });
  assert.deepEqual(routerWith().invoke('brief:get', [], { url: 'http://app.local/index.html' }), { ok: true, value: null });
});

test('unknown channels, foreign senders and bad arguments are refused before any handler runs', () => {
  let ran = false;
  const router = routerWith({ 'brief:get': () => ((ran = true), null) });
  assert.equal(router.invoke('fs:read', [], app).ok, false);
  for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', undefined, 'not a url']) {
    assert.deepEqual(router.invoke('brief:get', [], { url }), { ok: false, code: 'forbidden', message: 'This page may not use Briefing Desk.' });
  }
  const bad = router.invoke('brief:get', ['extra'], app);
  assert.equal(bad.ok, false);
  assert.equal(!bad.ok && bad.code, 'bad-request');
  assert.equal(router.invoke('brief:get', 'not an array', app).ok, false);
  assert.equal(ran, false);
});

test('store errors reach the user as their own sentence; anything else is logged and answered plainly', () => {
  const logged: unknown[] = [];
  const storeFailure = routerWith({ 'brief:get': () => { throw new StoreError('damaged', 'This file is damaged; ask the sender for a fresh copy.'); } });
  assert.deepEqual(storeFailure.invoke('brief:get', [], app), { ok: false, code: 'damaged', message: 'This file is damaged; ask the sender for a fresh copy.' });
  const crash = routerWith({ 'brief:get': () => { throw new Error('SQLITE_IOERR at /home/secret/path'); } }, logged);
  const result = crash.invoke('brief:get', [], app);
  assert.equal(result.ok, false);
  assert.ok(!result.ok && !result.message.includes('/home/secret'), 'internal details stay in the log');
  assert.equal(logged.length, 1);
});

test('the backend opens the store in the user data folder and answers brief:get with the embedded brief', (t) => {
  const userData = join(tempDir(t), 'profile', 'nested');
  const backend = startBackend({ userData, host: 'chromium', version: '9.9.9' });
  t.after(() => backend.close());
  assert.equal(backend.storePath, join(userData, 'briefing.sqlite'));
  const info = backend.router.invoke('app:info', [], app);
  assert.ok(info.ok && (info.value as { version: string }).version === '9.9.9');
  const brief = backend.router.invoke('brief:get', [], app);
  assert.ok(brief.ok);
  assert.equal((brief.value as { themes: unknown[] }).themes.length, 4);
  assert.doesNotThrow(() => JSON.stringify(brief.value), 'the brief is plain JSON data');
});
