import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import { LAYERS } from '../eslint-local/layering.js';

// The layering of DESIGN.md is enforced by lint (eslint-local/layering.js); this proves each
// kind of rule bites, and that what the table allows passes.
const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'local/layers' || m.ruleId === null).map((m) => m.message);
}

const importing = (spec: string, typeOnly = false) =>
  `import ${typeOnly ? 'type ' : ''}{ x } from '${spec}';\nexport const y = ${typeOnly ? 'null as unknown as x' : 'x'};\n`;

test('arrows only point down: every layer is refused the layers the table does not give it, type-only imports included', async () => {
  const samples: Record<string, string> = {
    common: 'common/x.ts',
    db: 'db/store/index.ts',
    services: 'electron/services/router/index.ts',
    shell: 'electron/main/index.ts',
    preload: 'electron/preload/index.ts',
    renderer: 'renderer/src/lib/api.ts',
    hosts: 'hosts/chromium/host.ts',
    cli: 'cli/commands.ts',
    e2e: 'e2e/fixtures.ts',
    bench: 'bench/run.ts',
  };
  const from: Record<string, string> = {
    common: 'common/a/x.ts',
    db: 'db/edit/x.ts',
    services: 'electron/services/documents/x.ts',
    shell: 'electron/main/x.ts',
    preload: 'electron/preload/x.ts',
    renderer: 'renderer/src/lib/x.ts',
    hosts: 'hosts/chromium/x.ts',
    cli: 'cli/x.ts',
  };
  let refused = 0;
  for (const [layer, file] of Object.entries(from)) {
    const allowed = LAYERS.find((l) => l.name === layer)!.may;
    for (const [target, targetFile] of Object.entries(samples)) {
      if (target === layer) continue;
      const depth = file.split('/').length - 1;
      const spec = `${'../'.repeat(depth)}${targetFile}`;
      for (const typeOnly of [false, true]) {
        const found = await problems(file, importing(spec, typeOnly));
        if (allowed.includes(target)) {
          assert.deepEqual(found, [], `${layer} may import ${target}`);
        } else {
          assert.equal(found.length, 1, `${layer} → ${target}${typeOnly ? ' (type only)' : ''} should be refused`);
          assert.match(found[0]!, new RegExp(`${layer} may not import ${target}`));
          refused++;
        }
      }
    }
  }
  assert.ok(refused > 40, `only ${refused} refusals checked`);
});

test('a room is entered by its door only: a deep import from outside the room is an error, inside the room it is not', async () => {
  assert.match(
    (await problems('electron/services/documents/x.ts', importing('../../../db/edit/brief-writer.ts')))[0]!,
    /enter it by its door, db\/edit\/index\.ts/,
  );
  assert.match((await problems('db/merge/x.ts', importing('../store/connection.ts')))[0]!, /db\/store\/index\.ts/);
  assert.match(
    (await problems('cli/x.ts', importing('../electron/services/router/router.ts')))[0]!,
    /electron\/services\/router\/index\.ts/,
  );
  assert.deepEqual(await problems('db/merge/x.ts', importing('../store/index.ts')), []);
  assert.deepEqual(
    await problems('db/edit/kinds/x.ts', importing('../row-changes.ts')),
    [],
    'inside its own room a file reaches its neighbours',
  );
});

test('packages are where they belong: no Node or SQLite in the renderer or common/, Electron only in the shell and preload', async () => {
  for (const [file, spec] of [
    ['renderer/src/lib/x.ts', 'node:fs'],
    ['renderer/src/lib/x.ts', 'electron'],
    ['renderer/src/lib/x.ts', 'better-sqlite3'],
    ['renderer/src/lib/x.ts', 'zod'],
    ['common/x.ts', 'node:path'],
    ['common/x.ts', 'better-sqlite3'],
    ['db/x.ts', 'electron'],
    ['electron/services/x/x.ts', 'electron'],
    ['electron/preload/x.ts', 'node:fs'],
  ] as const) {
    assert.equal((await problems(file, importing(spec))).length, 1, `${file} importing ${spec}`);
  }
  assert.deepEqual(await problems('electron/main/x.ts', importing('electron')), []);
  assert.deepEqual(await problems('db/x.ts', importing('better-sqlite3')), []);
  assert.deepEqual(await problems('common/x.test.ts', importing('node:test')), [], 'unit tests run under Node');
});

test('Electron security settings that switch a defence off are lint errors', async () => {
  const [result] = await eslint.lintText(
    'export const prefs = { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false };\n',
    {
      filePath: 'electron/main/x.ts',
    },
  );
  assert.equal(result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length, 4);
  const [open] = await eslint.lintText("import { shell } from 'electron';\nexport const go = () => shell.openExternal('https://x');\n", {
    filePath: 'electron/main/x.ts',
  });
  assert.match(open!.messages.map((m) => m.message).join('\n'), /offerExternal/);
});
