import assert from 'node:assert/strict';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { tempDir } from '../../../db/test-support/index.ts';
import { resolveAppRequest, resolveAsset } from './assets.ts';
import { mayInvoke, PRINT_CHANNELS } from './senders.ts';
import { builtInSpellcheck } from './spellcheck.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import { isTrustedSenderUrl } from './origins.ts';
import { userDataDir } from './paths.ts';

test('only the app’s own page origin is a trusted IPC sender, unless a host names its own', () => {
  assert.equal(isTrustedSenderUrl('app://briefing/index.html'), true);
  assert.equal(isTrustedSenderUrl('http://app.local/index.html#theme-1'), false, 'production never trusts the test host');
  assert.equal(isTrustedSenderUrl('http://app.local/index.html#theme-1', ['http://app.local']), true);
  for (const url of [
    'app://briefing.evil/x',
    'http://app.local.evil.com/',
    'https://app.local/',
    'app://briefing:99/',
    'about:blank',
    '',
    null,
  ]) {
    assert.equal(isTrustedSenderUrl(url), false, String(url));
  }
});

/** A renderer folder with a page, a script, a brief, and next to it a secret the page must never reach. */
function rendererFolder(t: TestContext): string {
  const dir = tempDir(t);
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(join(dir, 'outside'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), '');
  writeFileSync(join(root, 'notes.sqlite'), '');
  writeFileSync(join(dir, 'secret.html'), 'secret');
  writeFileSync(join(dir, 'outside', 'secret.html'), 'secret');
  symlinkSync(join(dir, 'secret.html'), join(root, 'leak.html'));
  symlinkSync(join(dir, 'outside'), join(root, 'linked'));
  symlinkSync('index.html', join(root, 'alias.html'));
  return root;
}

test('asset paths resolve inside the renderer folder and never outside it, by name or by link', (t) => {
  const root = rendererFolder(t);
  const real = realpathSync(root);
  assert.deepEqual(resolveAsset(root, '/'), { path: join(real, 'index.html'), contentType: 'text/html; charset=utf-8' });
  assert.equal(resolveAsset(root, '/assets/index-abc.js')?.contentType, 'text/javascript; charset=utf-8');
  assert.equal(resolveAsset(root, '/alias.html')?.path, join(real, 'index.html'), 'a link that stays inside is followed');
  for (const attack of [
    '/../secret.html',
    '/%2e%2e/secret.html',
    '/assets/..%2f..%2fsecret.html',
    '/..%5csecret.html',
    `/${encodeURIComponent(join(root, '..', 'secret.html'))}`,
    '/leak.html',
    '/linked/secret.html',
    '/x%00.js',
    '/%E0%A4%A',
    '/notes.sqlite',
    '/missing.html',
  ]) {
    assert.equal(resolveAsset(root, attack), null, attack);
  }
});

test('an app:// request is served only for the app’s own host', (t) => {
  const root = rendererFolder(t);
  assert.equal(resolveAppRequest(root, 'app://briefing/index.html')?.contentType, 'text/html; charset=utf-8');
  for (const url of ['app://other/index.html', 'app://briefing.evil/index.html', 'app://briefing:99/index.html', 'not a url']) {
    assert.equal(resolveAppRequest(root, url), null, url);
  }
});

test('a request is let in only from the page of ours that uses its channel', () => {
  const workspace = { url: 'app://briefing/index.html', isMainFrame: true, window: 'workspace' } as const;
  const print = { url: 'app://briefing/print.html', isMainFrame: true, window: 'print' } as const;
  assert.equal(mayInvoke('brief:get', workspace), true);
  assert.equal(mayInvoke('print:ready', print), true);
  for (const channel of PRINT_CHANNELS) assert.equal(mayInvoke(channel, workspace), false, `${channel} from the workspace`);
  assert.equal(mayInvoke('brief:get', print), false, 'the print window only prints');
  // A window is known by the host's records, not by the path it shows (history.pushState can change that).
  assert.equal(mayInvoke('print:ready', { ...workspace, url: 'app://briefing/print.html' }), false);
  assert.equal(mayInvoke('brief:get', { ...workspace, isMainFrame: false }), false, 'a subframe');
  assert.equal(mayInvoke('brief:get', { ...workspace, window: 'unknown' }), false, 'a window we did not open');
  assert.equal(mayInvoke('brief:get', { ...workspace, url: 'http://app.local/index.html' }), false, 'the test host’s origin');
  // A host that cannot name its windows (the Chromium test host) is held to the page's path.
  const hosted = ['http://app.local'];
  assert.equal(mayInvoke('print:ready', { url: 'http://app.local/print.html' }, hosted), true);
  assert.equal(mayInvoke('print:ready', { url: 'http://app.local/index.html' }, hosted), false);
  assert.equal(mayInvoke('brief:get', { url: 'http://app.local/index.html' }, hosted), true);
});

test('the built-in spellchecker runs only where it needs no dictionary download', () => {
  assert.equal(builtInSpellcheck('darwin'), true);
  for (const platform of ['linux', 'win32', 'freebsd'] as const) assert.equal(builtInSpellcheck(platform), false, platform);
});

test('the CSP allows nothing remote and nothing inline', () => {
  assert.match(CONTENT_SECURITY_POLICY, /default-src 'none'/);
  assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|https?:|\*/);
});

test('the user data folder matches Electron userData for our product name on each platform', () => {
  assert.equal(userDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux'), '/cfg/Briefing Desk');
  assert.equal(
    userDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32'),
    join('C:\\Users\\a\\AppData\\Roaming', 'Briefing Desk'),
  );
  assert.match(userDataDir({}, 'darwin'), /Library\/Application Support\/Briefing Desk$/);
  assert.equal(userDataDir({ BRIEFING_USER_DATA: '/tmp/profile' }, 'linux'), '/tmp/profile');
});
