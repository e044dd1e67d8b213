// Lint, with the process layering of DESIGN.md section 1 as errors: what each folder may import.
// Only `import type` may cross a process boundary.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** A pattern for imports of a folder of this repository, by relative path. */
const folder = (name, message, allowTypeImports = false) => ({ regex: `^(\\.\\.?/)+(.*/)?${name}/`, message, allowTypeImports });

const restrict = (paths, patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
});

const rendererRules = restrict(
  [
    ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is DOM only: no Node modules. Ask the main process through window.briefing.' })),
    { name: 'electron', message: 'The renderer never imports Electron; use renderer/src/lib/api.ts.' },
    { name: 'better-sqlite3', message: 'The renderer never touches SQLite; the main process owns the store.' },
  ],
  [
    folder('db', 'The renderer may only `import type` from db/.', true),
    folder('electron', 'The renderer may only `import type` from electron/ (the IPC contract).', true),
    folder('(hosts|cli|e2e|scripts)', 'The renderer does not import Node-side code.'),
  ],
);

// Electron's security checklist, as lint: settings that turn a defence off, and APIs that run or
// open things, are errors wherever they appear (ESLint has no maintained Electron-security plugin).
const electronSecurity = [
  ...[
    ['nodeIntegration', true], ['nodeIntegrationInWorker', true], ['nodeIntegrationInSubFrames', true], ['contextIsolation', false],
    ['sandbox', false], ['webSecurity', false], ['allowRunningInsecureContent', true], ['experimentalFeatures', true], ['webviewTag', true],
  ].map(([key, value]) => ({
    selector: `Property[key.name='${key}'][value.value=${value}]`,
    message: `${key}: ${value} switches off one of Electron's defences (security checklist); keep the secure setting.`,
  })),
  { selector: "Property[key.name='enableBlinkFeatures']", message: 'enableBlinkFeatures turns on features Electron keeps off for safety.' },
  { selector: "CallExpression[callee.property.name='executeJavaScript']", message: 'Do not run code in pages from main; talk through the IPC contract.' },
  { selector: "CallExpression[callee.property.name='openExternal']", message: 'Open links outside the app only through offerExternal in electron/main/window.ts (parsed, allowlisted, confirmed).' },
  { selector: "CallExpression[callee.property.name='unsafeMode']", message: "better-sqlite3's unsafeMode turns SQLite's DEFENSIVE flag off; never." },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['renderer/**/*.svelte', 'renderer/**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteFeatures: { runes: true } } },
  },
  {
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...rendererRules,
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', '__filename', 'global'],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict(
      [{ name: 'electron', message: 'db/ runs under plain Node: no Electron.' }],
      [folder('(electron|renderer|hosts|cli|e2e)', 'db/ is the lowest layer: it imports nothing of the app above it.')],
    ),
  },
  {
    // The contract, the router and the policies are plain Node, so both hosts and the unit tests can run them.
    files: ['electron/ipc/**/*.ts', 'electron/router/**/*.ts', 'electron/policy/**/*.ts'],
    rules: restrict(
      [{ name: 'electron', message: 'Only electron/main and electron/preload import Electron; this folder runs under plain Node.' }],
      [folder('(renderer|hosts|cli|e2e)', 'electron/ does not import the renderer, the hosts, the CLI or tests.')],
    ),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: restrict([], [folder('(renderer|hosts|cli|e2e)', 'electron/ does not import the renderer, the hosts, the CLI or tests.')]),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(
      nodeBuiltins.map((name) => ({ name, message: 'The preload runs sandboxed: only electron and the IPC channel list.' })),
      [folder('(db|router|policy|main)', 'The preload only exposes the contract; it imports nothing else.')],
    ),
  },
  {
    files: ['electron/**/*.ts', 'db/**/*.ts', 'hosts/**/*.ts', 'cli/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...electronSecurity] },
  },
  {
    // The one sanctioned shell.openExternal, behind the link policy and a confirmation.
    files: ['electron/main/window.ts'],
    rules: { 'no-restricted-syntax': ['error', ...electronSecurity.filter((rule) => !rule.selector.includes('openExternal'))] },
  },
  {
    // Only the main process's IPC module may touch ipcMain; everything else goes through it.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc.ts', 'electron/main/window.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...electronSecurity, { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'Register channels in electron/main/ipc.ts only.' }],
    },
  },
);
