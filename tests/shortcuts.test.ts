import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCELERATORS } from '../electron/policy/menu-template.ts';
import { SHORTCUTS } from '../renderer/src/lib/shortcuts.ts';

// The native menu (main) and the workspace's own key handling (renderer) live in different
// processes; this checks across the boundary that they promise the same keys.
test('every menu accelerator is the same key as the workspace shortcut for that command', () => {
  const fromAccelerator = (accelerator: string) => ({
    key: accelerator.split('+').at(-1)!.toLowerCase(),
    shift: accelerator.includes('Shift+'),
  });
  assert.deepEqual(Object.keys(ACCELERATORS).sort(), Object.keys(SHORTCUTS).sort());
  for (const [command, accelerator] of Object.entries(ACCELERATORS)) {
    assert.deepEqual(fromAccelerator(accelerator!), SHORTCUTS[command as keyof typeof SHORTCUTS], command);
  }
});
