import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { externalLinkTarget, isAllowedNavigation, isAllowedRequest, isPermissionGranted } from './web-policy.ts';

test('external links: https to a named host and mailto are offered; nothing else ever is', () => {
  assert.equal(externalLinkTarget('https://www.sohu.com/a/123'), 'https://www.sohu.com/a/123');
  assert.equal(externalLinkTarget('mailto:analyst@example.org'), 'mailto:analyst@example.org');
  for (const refused of [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>x</script>',
    'http://example.com/',
    'app://briefing/index.html',
    'ms-settings:',
    'smb://host/share',
    'https://user:secret@example.com/',
    'https://',
    'mailto:',
    'not a url',
    ' https://x',
    `https://example.com/${'a'.repeat(3000)}`,
  ]) {
    assert.equal(externalLinkTarget(refused), null, refused);
  }
});

test('property: whatever the input, an offered link is https or mailto and carries no credentials', () => {
  const anyUrl = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.string(),
    fc.constantFrom('javascript:', 'file:', 'data:', 'vbscript:', 'app:').chain((scheme) => fc.string().map((rest) => scheme + rest)),
  );
  fc.assert(
    fc.property(anyUrl, (raw) => {
      const target = externalLinkTarget(raw);
      if (target === null) return;
      const url = new URL(target);
      assert.ok(url.protocol === 'https:' || url.protocol === 'mailto:', target);
      assert.equal(url.username, '');
      assert.equal(url.password, '');
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.webUrl({ validSchemes: ['https'] }), (raw) => {
      const url = new URL(raw);
      if (!url.username && !url.password && !url.hostname.includes('%')) assert.notEqual(externalLinkTarget(raw), null, raw);
    }),
  );
});

test('navigation stays inside app://briefing; requests other than our files and in-memory data are cancelled', () => {
  assert.equal(isAllowedNavigation('app://briefing/index.html#theme-1'), true);
  for (const url of ['https://example.com/', 'app://briefing.evil/', 'file:///index.html', 'about:blank', 'http://app.local/']) {
    assert.equal(isAllowedNavigation(url), false, url);
  }
  for (const url of ['app://briefing/assets/index.js', 'data:image/png;base64,AAAA', 'blob:app://briefing/123'])
    assert.equal(isAllowedRequest(url), true, url);
  for (const url of [
    'https://fonts.googleapis.com/css',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'ws://localhost/',
    'app://other/x',
  ]) {
    assert.equal(isAllowedRequest(url), false, url);
  }
});

test('property: no permission is ever granted', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.string(), fc.constantFrom('media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen')),
      (p) => !isPermissionGranted(p),
    ),
  );
});
