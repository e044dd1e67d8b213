import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { createContext, runInContext, type Context } from 'node:vm';
import { BRIDGE_KEYS, CHANNELS, EVENTS } from '../../common/ipc/channels.ts';
import { DIST, ensureBuilt } from './app-root.ts';
import { StandInRendererProcess } from './stand-in/renderer-process.ts';

// The preload as built (dist/electron/preload.cjs), run as a sandboxed preload runs: in a context
// of its own with nothing of Node's, where require('electron') gives contextBridge, ipcRenderer
// and webUtils and any other require fails. What it exposes is what the page can reach.

interface Loaded {
  renderer: StandInRendererProcess;
  context: Context;
  required: string[];
  briefing: Record<string, (...args: unknown[]) => unknown>;
  files: Record<string, (...args: unknown[]) => unknown>;
}

let source: string;
before(() => {
  ensureBuilt();
  source = readFileSync(join(DIST, 'electron', 'preload.cjs'), 'utf8');
});

function loadPreload(answer?: (channel: string, args: unknown[]) => unknown): Loaded {
  const renderer = new StandInRendererProcess(answer);
  const context = createContext({});
  const required: string[] = [];
  const sandboxedRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return renderer.module;
    throw new Error(`module not found: ${id}`);
  };
  // CommonJS's wrapper, as Electron's sandboxed preload loader gives it (without its process and Buffer polyfills).
  const wrapper = runInContext(`(function (exports, require, module) {\n${source}\n})`, context, { filename: 'preload.cjs' }) as (
    exports: object,
    require: (id: string) => unknown,
    module: { exports: object },
  ) => void;
  const module = { exports: {} };
  wrapper(module.exports, sandboxedRequire, module);
  const world = renderer.mainWorld as Record<string, Loaded['briefing']>;
  return { renderer, context, required, briefing: world.briefing!, files: world.briefingFiles! };
}

test('the page gets window.briefing, one method per channel of the contract plus `on`, and window.briefingFiles.pathForFile', () => {
  const { renderer, briefing, files } = loadPreload();
  assert.deepEqual(Object.keys(renderer.mainWorld).sort(), ['briefing', 'briefingFiles']);
  assert.deepEqual(Object.keys(briefing).sort(), [...BRIDGE_KEYS].sort());
  assert.deepEqual(Object.keys(files), ['pathForFile']);
  for (const [key, value] of [...Object.entries(briefing), ...Object.entries(files)]) assert.equal(typeof value, 'function', key);
});

test('each method invokes its own channel with the page’s arguments and hands back main’s answer', async () => {
  const { renderer, briefing } = loadPreload((channel, args) => ({ answeredOn: channel, args }));
  for (const channel of CHANNELS) {
    const answer = await briefing[channel]!('first', 2);
    assert.deepEqual(renderer.ipcRenderer.invoked.at(-1), { channel, args: ['first', 2] }, channel);
    assert.deepEqual(answer, { answeredOn: channel, args: ['first', 2] }, channel);
  }
  assert.equal(renderer.ipcRenderer.invoked.length, CHANNELS.length, 'one invoke per call');
});

test('`on` subscribes to main’s events only, hands the page only checked payloads (never Electron’s event), and unsubscribes', () => {
  const { renderer, briefing } = loadPreload();
  const ipc = renderer.ipcRenderer;
  const heard: unknown[][] = [];
  const listener = (...args: unknown[]) => void heard.push(args);

  const off = briefing.on!('menu:command', listener) as () => void;
  assert.equal(typeof off, 'function', 'an unsubscribe function, not ipcRenderer (whose on() returns itself)');
  assert.equal(ipc.listenerCount('menu:command'), 1);
  ipc.deliver('menu:command', { command: 'save' });
  ipc.deliver('menu:command', { command: 'open-recent', path: '/home/a/brief.sqlite' });
  ipc.deliver('menu:command', { command: 'rm -rf /' });
  ipc.deliver('menu:command', { command: 'open-recent', path: 42 });
  ipc.deliver('menu:command', 'save');
  assert.deepEqual(heard, [[{ command: 'save' }], [{ command: 'open-recent', path: '/home/a/brief.sqlite' }]]);

  heard.length = 0;
  const offProgress = briefing.on!('export:progress', listener) as () => void;
  ipc.deliver('export:progress', { stage: 'done', percent: 100 });
  ipc.deliver('export:progress', { stage: 'done', percent: 101 });
  ipc.deliver('export:progress', { stage: 'shell', percent: 5 });
  assert.deepEqual(heard, [[{ stage: 'done', percent: 100 }]]);

  off();
  offProgress();
  for (const event of EVENTS) assert.equal(ipc.listenerCount(event), 0, `${event}: unsubscribed`);

  for (const [event, candidate] of [
    ['fs:read', listener],
    ['brief:get', listener],
    ['menu:command', 'not a function'],
  ] as const) {
    const result = briefing.on!(event, candidate);
    assert.equal(typeof result, 'function', `${event}: still answers an unsubscribe`);
    assert.equal(ipc.listenerCount(event), 0, `${event} with ${typeof candidate}: no subscription`);
  }
});

test('pathForFile answers where a dropped file is, through webUtils', () => {
  const { renderer, files } = loadPreload();
  const dropped = new File(['x'], 'brief.sqlite');
  renderer.webUtils.paths.set(dropped, '/home/a/brief.sqlite');
  assert.equal(files.pathForFile!(dropped), '/home/a/brief.sqlite');
});

test('nothing else leaks: the preload requires only electron, adds no globals, and its exposed functions carry nothing of Electron', () => {
  const { renderer, context, required, briefing, files } = loadPreload();
  assert.deepEqual([...new Set(required)], ['electron']);
  assert.deepEqual(Object.keys(context), [], 'no globals added to the preload’s own world');
  for (const name of ['require', 'process', 'module', 'exports', 'ipcRenderer', 'Buffer', 'global'])
    assert.equal(runInContext(`typeof ${name}`, context), 'undefined', name);
  const electronObjects = new Set<unknown>([renderer.ipcRenderer, renderer.contextBridge, renderer.webUtils, renderer.module]);
  for (const exposed of [briefing, files]) {
    for (const [key, value] of Object.entries(exposed)) {
      assert.equal(electronObjects.has(value), false, key);
      const own = Object.getOwnPropertyNames(value).filter((name) => !['length', 'name', 'prototype'].includes(name));
      assert.deepEqual(own, [], `${key} carries no properties of its own`);
    }
  }
  // What the methods answer is main's answer, not an Electron object.
  assert.equal(electronObjects.has(briefing.on!('menu:command', () => {})), false);
});
