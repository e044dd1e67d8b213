// Lint, with the layering of DESIGN.md section 1 as errors: the layer table and the room doors
// live in eslint-local/layering.js (one rule, `local/layers`), checked on every file of the tree.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import layering from './eslint-local/layering.js';

// Electron's security checklist, as lint: settings that turn a defence off, and APIs that run or
// open things, are errors wherever they appear (ESLint has no maintained Electron-security plugin).
const electronSecurity = [
  ...[
    ['nodeIntegration', true],
    ['nodeIntegrationInWorker', true],
    ['nodeIntegrationInSubFrames', true],
    ['contextIsolation', false],
    ['sandbox', false],
    ['webSecurity', false],
    ['allowRunningInsecureContent', true],
    ['experimentalFeatures', true],
    ['webviewTag', true],
  ].map(([key, value]) => ({
    selector: `Property[key.name='${key}'][value.value=${value}]`,
    message: `${key}: ${value} switches off one of Electron's defences (security checklist); keep the secure setting.`,
  })),
  { selector: "Property[key.name='enableBlinkFeatures']", message: 'enableBlinkFeatures turns on features Electron keeps off for safety.' },
  {
    selector: "CallExpression[callee.property.name='executeJavaScript']",
    message: 'Do not run code in pages from main; talk through the IPC contract.',
  },
  {
    selector: "CallExpression[callee.property.name='openExternal']",
    message: 'Open links outside the app only through offerExternal in electron/main/window.ts (parsed, allowlisted, confirmed).',
  },
  {
    selector: "CallExpression[callee.property.name='unsafeMode']",
    message: "better-sqlite3's unsafeMode turns SQLite's DEFENSIVE flag off; never.",
  },
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
    files: ['**/*.ts', '**/*.js', '**/*.svelte'],
    plugins: { local: layering },
    rules: { 'local/layers': 'error' },
  },
  {
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', '__filename', 'global'] },
  },
  {
    // Pure code for every process: neither Node's nor the browser's globals.
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        'process',
        'require',
        'Buffer',
        '__dirname',
        '__filename',
        'global',
        'window',
        'document',
        'navigator',
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'db/**/*.ts', 'common/**/*.ts', 'hosts/**/*.ts', 'cli/**/*.ts'],
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
      'no-restricted-syntax': [
        'error',
        ...electronSecurity,
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'Register channels in electron/main/ipc.ts only.' },
      ],
    },
  },
);
