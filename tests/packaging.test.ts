import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';

// The package config cannot be built here (no Electron binary to package), so its promises are checked as data.
const config = parse(readFileSync('build/electron-builder.yml', 'utf8'));

test('packages go to release/, not Vite’s dist/, with no native rebuild and better-sqlite3 outside the asar', () => {
  assert.equal(config.directories.output, 'release');
  assert.equal(config.npmRebuild, false);
  assert.ok(config.asarUnpack.includes('node_modules/better-sqlite3/**'));
  assert.ok(config.files.includes('dist/**'));
});

test('release builds flip the security fuses', () => {
  assert.deepEqual(config.electronFuses, {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  });
});

test('Linux AppImage and deb, macOS dmg with hardened runtime, Windows NSIS, and .sqlite briefs open with the app', () => {
  assert.deepEqual(config.linux.target, ['AppImage', 'deb']);
  assert.equal(config.mac.target, 'dmg');
  assert.equal(config.mac.hardenedRuntime, true);
  assert.ok(existsSync(config.mac.entitlements));
  assert.equal(config.win.target, 'nsis');
  assert.ok(existsSync('build/icon.png'));
  assert.deepEqual(
    config.fileAssociations.map((a: { ext: string }) => a.ext),
    ['sqlite'],
  );
});
