import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { listPackage, statFile } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper.js';
import { Arch, build, Platform, type AfterPackContext, type Configuration, type LinuxPackager } from 'electron-builder';
import { parse } from 'yaml';
import { DIST, ensureBuilt, REPO } from './electron-shell/app-root.ts';
import { makeStandInElectronDist, SHIPPED_FUSES } from './electron-shell/stand-in/electron-dist.ts';

const config = parse(readFileSync(join(REPO, 'build', 'electron-builder.yml'), 'utf8')) as Configuration & {
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string; mimeType: string; name: string }[];
};

// The package config as data: what it promises, stated once.

test('packages go to release/, not Vite’s dist/, with no native rebuild and better-sqlite3 outside the asar', () => {
  assert.equal(config.directories?.output, 'release');
  assert.equal(config.npmRebuild, false);
  assert.ok((config.asarUnpack as string[]).includes('node_modules/better-sqlite3/**'));
  assert.ok((config.files as string[]).includes('dist/**'));
});

/** The fuses every release build flips (Electron's security checklist, item 19). */
const RELEASE_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};

test('release builds flip the security fuses', () => {
  assert.deepEqual(config.electronFuses, RELEASE_FUSES);
});

test('Linux AppImage and deb, macOS dmg with hardened runtime, Windows NSIS, and .sqlite briefs open with the app', () => {
  assert.deepEqual(config.linux?.target, ['AppImage', 'deb']);
  assert.equal(config.mac?.target, 'dmg');
  assert.equal(config.mac?.hardenedRuntime, true);
  assert.ok(existsSync(join(REPO, config.mac!.entitlements!)));
  assert.equal(config.win?.target, 'nsis');
  assert.ok(existsSync(join(REPO, 'build', 'icon.png')));
  assert.deepEqual(
    config.fileAssociations.map((a) => a.ext),
    ['sqlite'],
  );
});

// The package itself: electron-builder run on the built app with a stand-in Electron distribution
// (there is no Electron binary here), and what it wrote read back.

/** The config's fuse names and the wire positions they set. */
const FUSE_POSITIONS: Record<string, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

const packageJson = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  name: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The production dependencies and everything they depend on, as installed (a nested copy, like mammoth's own argparse, found where Node finds it). */
function productionClosure(): Set<string> {
  const resolve = (name: string, from: string): string => {
    for (let dir = from; ;) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return candidate;
      if (dir === REPO) throw new Error(`${name} is not installed`);
      dir = dirname(dir); // the node_modules (or @scope) folder holding this package
      if (basename(dir).startsWith('@')) dir = dirname(dir);
      dir = dirname(dir); // the package, or the repository, that owns it
    }
  };
  const seen = new Set<string>();
  const names = new Set<string>();
  const visit = (name: string, from: string) => {
    const dir = resolve(name, from);
    if (seen.has(dir)) return;
    seen.add(dir);
    names.add(name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, dir);
  };
  for (const name of Object.keys(packageJson.dependencies)) visit(name, REPO);
  return names;
}

/** Every file under `dir`, relative to it, with forward slashes. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));

describe('the packaged layout (electron-builder --dir, Linux x64, with a stand-in Electron)', { skip: skipReason() }, () => {
  let work: string;
  let appOutDir: string;
  let asar: string;
  let desktopEntry = '';
  let mimeXml = '';

  before(async () => {
    ensureBuilt();
    work = mkdtempSync(join(tmpdir(), 'briefing-package-'));
    const electronDist = makeStandInElectronDist(join(work, 'electron-dist'), REPO);
    console.log(
      'Packaging with --dir only: the AppImage and deb targets need tools electron-builder downloads (no network here). ' +
        'The desktop entry and MIME type those targets would install are computed with electron-builder’s own LinuxTargetHelper instead.',
    );
    await build({
      projectDir: REPO,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      config: {
        ...config,
        electronDist,
        directories: { ...config.directories, output: join(work, 'out') },
        afterPack: async (context: AfterPackContext) => {
          const helper = new LinuxTargetHelper(context.packager as LinuxPackager);
          desktopEntry = await helper.computeDesktopEntry((context.packager as LinuxPackager).platformSpecificBuildOptions);
          const mimeFile = await helper.mimeTypeFiles;
          mimeXml = mimeFile ? readFileSync(mimeFile, 'utf8') : '';
        },
      },
    });
    appOutDir = join(work, 'out', 'linux-unpacked');
    asar = join(appOutDir, 'resources', 'app.asar');
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('app.asar holds the built dist/ (no source maps), package.json and the production dependencies: no sources, tests or dev tools', () => {
    const entries = listPackage(asar, { isPack: false }).map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''));
    const files = entries.filter((entry) => !('files' in statFile(asar, entry)));
    const ours = files.filter((file) => !file.startsWith('node_modules/'));
    const built = filesUnder(DIST)
      .filter((file) => !file.endsWith('.map'))
      .map((file) => `dist/${file}`);
    assert.deepEqual(ours.sort(), ['package.json', ...built].sort(), 'exactly the build and package.json');
    for (const bundle of ['main.cjs', 'preload.cjs', 'receive-worker.cjs', 'ingest-worker.cjs'])
      assert.ok(ours.includes(`dist/electron/${bundle}`), bundle);
    assert.deepEqual(
      files.filter((file) => /\.(ts|svelte|map)$/.test(file) && !file.startsWith('node_modules/')),
      [],
      'no TypeScript, Svelte or source map of ours',
    );

    // Top-level packages: node_modules/name, or node_modules/@scope/name.
    const packaged = new Set(
      entries.filter((e) => /^node_modules\/(@[^/]+\/[^/]+|[^@/][^/]*)$/.test(e)).map((e) => e.slice('node_modules/'.length)),
    );
    assert.deepEqual([...packaged].sort(), [...productionClosure()].sort(), 'the production dependencies and theirs, nothing else');
    for (const dev of Object.keys(packageJson.devDependencies)) assert.equal(packaged.has(dev), false, `${dev} is a dev dependency`);
    const manifest = JSON.parse(
      readFileSync(join(appOutDir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'),
    );
    assert.equal(manifest.name, 'better-sqlite3');
  });

  test('better-sqlite3 and its N-API binary are unpacked beside the asar, and load under Node from there', () => {
    const unpacked = join(appOutDir, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
    const inAsar = statFile(asar, 'node_modules/better-sqlite3/lib/index.js');
    assert.equal('unpacked' in inAsar && inAsar.unpacked, true, 'marked unpacked in the asar');
    // better-sqlite3 13 loads build/Release/better_sqlite3.node if one was compiled, else its prebuilt binary for the platform.
    const binaries = filesUnder(unpacked).filter((file) => file.endsWith('.node'));
    assert.ok(binaries.includes('prebuilds/linux-x64.node'), `the Linux x64 binary is unpacked (found ${binaries.join(', ')})`);
    const script = `
      const Database = require(${JSON.stringify(unpacked)});
      const db = new Database(':memory:');
      const version = db.prepare('select sqlite_version() as v').get().v;
      db.close();
      const binary = Object.keys(require.cache).find((path) => path.endsWith('.node'));
      process.stdout.write(JSON.stringify({ version, binary }));`;
    const { version, binary } = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as {
      version: string;
      binary: string;
    };
    assert.match(version, /^3\.\d+\.\d+$/);
    assert.ok(binary.startsWith(unpacked + sep), `loaded from the unpacked folder: ${binary}`);
    // An N-API addon registers through napi_register_module_v1; one built against a Node ABI would export node_register_module_v<ABI>.
    const bytes = readFileSync(binary);
    assert.ok(bytes.includes('napi_register_module_v1'), 'an N-API addon, loadable by Electron as it is');
    assert.equal(bytes.includes('node_register_module_v'), false);
  });

  test('the fuses read back from the packaged executable as the release fuses, which build/electron-builder.yml sets', async () => {
    const executable = join(appOutDir, packageJson.name);
    assert.ok(existsSync(executable), `the executable is named after the package: ${packageJson.name}`);
    const wire = await getCurrentFuseWire(executable);
    const expected = { ...SHIPPED_FUSES };
    for (const [name, enabled] of Object.entries(RELEASE_FUSES)) {
      assert.ok(name in FUSE_POSITIONS, `${name} is a fuse electron-builder knows`);
      expected[FUSE_POSITIONS[name]!] = enabled ? FuseState.ENABLE : FuseState.DISABLE;
    }
    const read = Object.fromEntries(Object.entries(wire).filter(([key]) => key !== 'version')) as Record<string, FuseState>;
    const named = (states: Record<string, FuseState>) =>
      Object.fromEntries(Object.entries(states).map(([position, state]) => [FuseV1Options[Number(position)], FuseState[state]]));
    assert.deepEqual(named(read), named(expected));
  });

  test('the Linux desktop entry and MIME type electron-builder would install open .sqlite briefs with the app, passing the file', () => {
    const association = config.fileAssociations[0]!;
    const entry = Object.fromEntries(
      desktopEntry
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    assert.equal(entry.Name, 'Briefing Desk');
    assert.equal(entry.MimeType, `${association.mimeType};`);
    // %U hands the file over as a URL (file:///…), which the argv policy reads back as a path.
    assert.match(entry.Exec!, new RegExp(`/${packageJson.name}"? %U$`));
    assert.equal(entry.Categories, 'Office;');
    const mimeType = association.mimeType.replace(/[.+]/g, '\\$&');
    assert.match(mimeXml, new RegExp(`<mime-type type="${mimeType}">\\s*<glob pattern="\\*\\.sqlite"/>`));
  });
});

/** Why the packaging checks cannot run here, if they cannot. */
function skipReason(): string | false {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    return `the stand-in Electron distribution is a Linux x64 one; on ${process.platform}-${process.arch} electron-builder would look for another layout`;
  return false;
}
