import assert from 'node:assert/strict';
import { test } from 'node:test';
import { restoreWindowState } from './window-state.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1415 };

test('the window reopens where it was left while that place is still on a screen', () => {
  assert.deepEqual(restoreWindowState({ bounds: { x: 1600, y: 100, width: 1400, height: 900 }, maximized: true }, [laptop, external]), {
    bounds: { x: 1600, y: 100, width: 1400, height: 900 },
    maximized: true,
  });
});

test('a place on a screen that is gone, or garbage from disk, falls back to centred on the primary screen', () => {
  const centred = { bounds: { x: 80, y: 8, width: 1280, height: 860 }, maximized: false };
  assert.deepEqual(restoreWindowState({ bounds: { x: 1600, y: 100, width: 1400, height: 900 } }, [laptop]), centred);
  for (const saved of [null, undefined, 'x', { bounds: { x: 'a' } }, { bounds: { x: NaN, y: 0, width: 1, height: 1 } }]) {
    assert.deepEqual(restoreWindowState(saved, [laptop]), centred);
  }
});

test('a saved size larger than the screen, or below the minimum, is brought within bounds', () => {
  const state = restoreWindowState({ bounds: { x: 10, y: 10, width: 5000, height: 200 } }, [laptop]);
  assert.deepEqual(state.bounds, { x: 10, y: 10, width: 1440, height: 480 });
});
