import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseState, FuseV1Options } from '@electron/fuses';

// A stand-in for the unpacked Electron distribution electron-builder copies into a Linux build
// (its `electronDist`): the files it moves and renames, and an `electron` executable that is not
// a program but carries Electron's fuse wire, so the configured fuses get flipped in it and can be
// read back. Real Electron 45 ships the same wire; its other files (Chromium's .pak, .so and .bin
// files) are only copied, so the stand-in leaves them out.

/** The marker @electron/fuses looks for; the wire follows it: version, length, one byte per fuse. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const WIRE_VERSION = 1;

/** Electron's fuses as it ships them (the defaults in Electron's docs/tutorial/fuses.md), in wire order. */
export const SHIPPED_FUSES: Record<FuseV1Options, FuseState> = {
  [FuseV1Options.RunAsNode]: FuseState.ENABLE,
  [FuseV1Options.EnableCookieEncryption]: FuseState.DISABLE,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FuseState.ENABLE,
  [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.ENABLE,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FuseState.DISABLE,
  [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.DISABLE,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: FuseState.DISABLE,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: FuseState.ENABLE,
  [FuseV1Options.WasmTrapHandlers]: FuseState.ENABLE,
};

/** Writes the stand-in distribution into `dir` for the Electron version installed in `repo`; returns `dir`. */
export function makeStandInElectronDist(dir: string, repo: string): string {
  const { version } = JSON.parse(readFileSync(join(repo, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const wire = Object.keys(SHIPPED_FUSES)
    .map(Number)
    .sort((a, b) => a - b)
    .map((fuse) => SHIPPED_FUSES[fuse as FuseV1Options]);
  const executable = join(dir, 'electron');
  writeFileSync(
    executable,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "a stand-in for Electron, made by the packaging test; it does not run" >&2\nexit 1\n'),
      Buffer.from(SENTINEL),
      Buffer.from([WIRE_VERSION, wire.length, ...wire]),
      Buffer.from('\n'),
    ]),
  );
  chmodSync(executable, 0o755);
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), 'Electron’s licence (stand-in)\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>Chromium licences (stand-in)</title>\n');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}
