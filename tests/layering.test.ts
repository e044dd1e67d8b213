import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';

// The process layering of DESIGN.md is enforced by lint; this proves the rules bite.
const eslint = new ESLint();

async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

test('the renderer may not import Node, Electron, SQLite or db/ code, but may import db/ types', async () => {
  assert.equal((await errors('renderer/src/lib/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).length, 1);
  assert.equal((await errors('renderer/src/lib/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n")).length, 1);
  assert.equal((await errors('renderer/src/lib/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n")).length, 1);
  assert.equal((await errors('renderer/src/lib/x.ts', "import { openStore } from '../../../db/connection.ts';\nexport const a = openStore;\n")).length, 1);
  assert.deepEqual(await errors('renderer/src/lib/x.ts', "import type { Brief } from '../../../db/model.ts';\nexport type A = Brief;\n"), []);
});

test('db/ and the plain-Node parts of electron/ may not import Electron', async () => {
  assert.equal((await errors('db/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).length, 1);
  assert.equal((await errors('db/x.ts', "import { createRouter } from '../electron/services/router/index.ts';\nexport const a = createRouter;\n")).length, 1);
  assert.equal((await errors('electron/router/x.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n")).length, 1);
  assert.deepEqual(await errors('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n"), []);
});

test('Electron security settings that switch a defence off are lint errors', async () => {
  const [result] = await eslint.lintText(
    "export const prefs = { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false };\n",
    { filePath: 'electron/main/x.ts' },
  );
  assert.equal(result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length, 4);
  const [open] = await eslint.lintText("import { shell } from 'electron';\nexport const go = () => shell.openExternal('https://x');\n", { filePath: 'electron/main/x.ts' });
  assert.match(open!.messages.map((m) => m.message).join('\n'), /offerExternal/);
});
