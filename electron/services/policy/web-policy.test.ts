import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { externalLinkTarget, isAllowedNavigation, isAllowedRequest, isPermissionGranted } from './web-policy.ts';
import { isPrivateHost } from './private-hosts.ts';

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

test('mail links carry addresses, a subject and a body, and nothing else a mail program could act on', () => {
  assert.equal(
    externalLinkTarget('mailto:analyst@example.org,desk@example.org?subject=Rare%20earths&body=See%20p.%204'),
    'mailto:analyst@example.org,desk@example.org?subject=Rare%20earths&body=See%20p.%204',
  );
  assert.equal(externalLinkTarget('mailto:analyst@example.org?Subject=Hi'), 'mailto:analyst@example.org?subject=Hi');
  // An ampersand inside the subject stays inside it: the rebuilt link encodes it.
  assert.equal(externalLinkTarget('mailto:a@example.org?subject=R%26D'), 'mailto:a@example.org?subject=R%26D');
  for (const refused of [
    'mailto:a@example.org?attach=/etc/passwd',
    'mailto:a@example.org?ATTACH=/home/a/.ssh/id_rsa',
    'mailto:a@example.org?attachment=file:///etc/passwd',
    'mailto:a@example.org?subject=x&attach=/etc/passwd',
    'mailto:a@example.org?%61ttach=/etc/passwd',
    'mailto:a@example.org?cc=b@example.org',
    'mailto:a@example.org?bcc=b@example.org',
    'mailto:a@example.org?to=b@example.org',
    'mailto:a@example.org?from=boss@example.org',
    'mailto:a@example.org%3Fattach=/etc/passwd',
    'mailto:a@example.org%26attach=/etc/passwd',
    'mailto:?to=a@example.org',
    'mailto:a@example.org,not-an-address',
    'mailto:%E0%A4%A@example.org',
  ]) {
    assert.equal(externalLinkTarget(refused), null, refused);
  }
});

test('links to this machine or the local network are never offered to the browser', () => {
  for (const refused of [
    'https://localhost/',
    'https://LOCALHOST./admin',
    'https://app.localhost/',
    'https://printer.local/',
    'https://127.0.0.1/',
    'https://127.8.9.10:8443/',
    'https://0x7f.1/',
    'https://2130706433/',
    'https://0.0.0.0/',
    'https://10.1.2.3/',
    'https://172.16.0.1/',
    'https://172.31.255.255/',
    'https://192.168.1.1/',
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/',
    'https://[::]/',
    'https://[fc00::1]/',
    'https://[fd12:3456::1]/',
    'https://[fe80::1]/',
    'https://[febf::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:192.168.0.1]/',
  ]) {
    assert.equal(externalLinkTarget(refused), null, refused);
  }
  for (const offered of [
    'https://172.15.0.1/',
    'https://172.32.0.1/',
    'https://11.0.0.1/',
    'https://[2001:db8::1]/',
    'https://[fec0::1]/',
    'https://localhost.example.com/',
    'https://local.example.org/',
  ]) {
    assert.equal(externalLinkTarget(offered), offered, offered);
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
      if (!url.username && !url.password && !url.hostname.includes('%') && !isPrivateHost(url.hostname))
        assert.notEqual(externalLinkTarget(raw), null, raw);
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
