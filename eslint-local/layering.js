// The project's layering, as one lint rule (after VS Code's .eslint-plugin-local/code-layering.ts).
// LAYERS says, for every folder, which layer it is and which layers it may import; type-only
// imports follow the same arrows. ROOMS are folders with one door: from outside a room, only its
// index.ts may be imported. PACKAGES says which npm packages and Node built-ins a layer may not use.
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** Layers, most specific folder first. `may` lists the layers it may import besides itself. */
export const LAYERS = [
  { name: 'common', folders: ['common/'], may: [], runs: 'everywhere: pure TypeScript, no Node, no DOM' },
  { name: 'db', folders: ['db/'], may: ['common'], runs: 'plain Node: the store' },
  { name: 'services', folders: ['electron/services/'], may: ['common', 'db'], runs: 'plain Node: main-process services' },
  { name: 'shell', folders: ['electron/main/'], may: ['common', 'db', 'services'], runs: 'Electron main' },
  { name: 'preload', folders: ['electron/preload/'], may: ['common'], runs: 'Electron sandboxed preload' },
  {
    name: 'build-config',
    folders: ['renderer/vite.config.ts', 'renderer/svelte.config.js'],
    may: ['common', 'services'],
    runs: 'Node, at build time',
  },
  { name: 'renderer', folders: ['renderer/'], may: ['common'], runs: 'the browser page' },
  { name: 'hosts', folders: ['hosts/'], may: ['common', 'db', 'services'], runs: 'Node driving Chromium' },
  { name: 'cli', folders: ['cli/'], may: ['common', 'db', 'services', 'hosts'], runs: 'Node: the briefing command' },
  { name: 'e2e', folders: ['e2e/', 'playwright.config.ts'], may: ['common', 'db', 'services', 'hosts'], runs: 'Playwright' },
  { name: 'bench', folders: ['bench/'], may: ['common', 'db', 'services', 'hosts'], runs: 'Node: benchmarks' },
  { name: 'scripts', folders: ['scripts/'], may: ['common', 'db', 'services', 'hosts'], runs: 'Node: build and setup' },
  // Cross-layer tests check that two layers agree (a renderer module against the store), so they may read any.
  {
    name: 'tests',
    folders: ['tests/'],
    may: ['common', 'db', 'services', 'shell', 'renderer', 'hosts', 'cli'],
    runs: 'Node: cross-layer tests',
  },
];

/** Rooms: folders whose inside is private; `index.ts` is the only entrance from outside. */
export const ROOM_PARENTS = ['db/', 'electron/services/'];

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const NO_NODE = { test: (spec) => nodeBuiltins.has(spec), why: 'runs without Node: no Node built-ins' };
const NO_ELECTRON = {
  test: (spec) => spec === 'electron',
  why: 'runs under plain Node: only electron/main and electron/preload import Electron',
};
const NO_SQLITE = { test: (spec) => spec === 'better-sqlite3', why: 'never touches SQLite: the store (db/) owns it' };
const NO_ZOD = { test: (spec) => spec === 'zod', why: 'validates nothing itself: the router checks every request' };

export const PACKAGES = {
  common: [NO_NODE, NO_ELECTRON, NO_SQLITE],
  db: [NO_ELECTRON],
  services: [NO_ELECTRON],
  preload: [NO_NODE, NO_SQLITE],
  renderer: [NO_NODE, NO_ELECTRON, NO_SQLITE, NO_ZOD],
  hosts: [NO_ELECTRON],
  cli: [NO_ELECTRON],
};

const toPosix = (path) => path.split('\\').join('/');

export function layerOf(repoPath) {
  return LAYERS.find((layer) => layer.folders.some((folder) => (folder.endsWith('/') ? repoPath.startsWith(folder) : repoPath === folder)));
}

/** The room a repository path is in ("db/edit/"), or null. */
export function roomOf(repoPath) {
  for (const parent of ROOM_PARENTS) {
    if (!repoPath.startsWith(parent)) continue;
    const rest = repoPath.slice(parent.length);
    const slash = rest.indexOf('/');
    if (slash > 0) return `${parent}${rest.slice(0, slash + 1)}`;
  }
  return null;
}

const rule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Imports follow the layer table and enter rooms by their door.' } },
  create(context) {
    const file = toPosix(relative(ROOT, context.filename));
    const from = layerOf(file);
    if (!from) return {};
    const fromRoom = roomOf(file);
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      if (!spec.startsWith('.')) {
        // A unit test runs under Node's test runner whatever layer it checks.
        if (file.endsWith('.test.ts') && nodeBuiltins.has(spec)) return;
        const banned = (PACKAGES[from.name] ?? []).find((rule) => rule.test(spec));
        if (banned) context.report({ node, message: `${from.name} (${from.runs}) ${banned.why}; "${spec}" is not allowed here.` });
        return;
      }
      const target = toPosix(relative(ROOT, join(dirname(context.filename), spec)));
      const to = layerOf(target);
      if (to && to !== from && !from.may.includes(to.name)) {
        context.report({
          node,
          message: `${from.name} may not import ${to.name} (${target}): ${from.name} may import ${from.may.join(', ') || 'nothing but itself'}. See the layer table in eslint-local/layering.js.`,
        });
        return;
      }
      const toRoom = roomOf(target);
      if (toRoom && toRoom !== fromRoom && target !== `${toRoom}index.ts`) {
        context.report({ node, message: `${target} is inside the room ${toRoom}; enter it by its door, ${toRoom}index.ts.` });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { layers: rule } };
