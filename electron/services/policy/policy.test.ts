import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { resolveAsset } from './assets.ts';
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

test('asset paths resolve inside the renderer folder and never outside it', () => {
  const root = resolve('/srv/renderer');
  assert.deepEqual(resolveAsset(root, '/'), { path: join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
  assert.equal(resolveAsset(root, '/assets/index-abc.js')?.contentType, 'text/javascript; charset=utf-8');
  for (const attack of [
    '/../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/assets/..%2f..%2fsecret.html',
    '/x%00.js',
    '/%E0%A4%A',
    '/notes.sqlite',
  ]) {
    assert.equal(resolveAsset(root, attack), null, attack);
  }
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
