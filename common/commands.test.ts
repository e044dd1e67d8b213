import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accelerator, COMMANDS, commandForKey, FILE_MENU, keyLabel, MENU_COMMANDS, type CommandId } from './commands.ts';

// The one command table serves the native menu (accelerators), the workspace's key handler
// (commandForKey) and the shortcut sheet (keyLabel): these check they cannot disagree.
const ids = Object.keys(COMMANDS) as CommandId[];
const press = (key: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

test('every key in the table runs its own command, with Ctrl elsewhere and Cmd on macOS, and no two commands share a key', () => {
  const seen = new Set<string>();
  for (const id of ids) {
    const keys = COMMANDS[id] as { keys?: { key: string; shift?: boolean; primary?: boolean } };
    if (!keys.keys) continue;
    const signature = `${keys.keys.primary === false ? '' : 'mod+'}${keys.keys.shift ? 'shift+' : ''}${keys.keys.key}`;
    assert.ok(!seen.has(signature), `${signature} is bound twice`);
    seen.add(signature);
    if (keys.keys.primary === false) {
      assert.equal(commandForKey(press(keys.keys.key, { shift: true }), false), id);
      assert.equal(commandForKey(press(keys.keys.key, { ctrl: true }), false), null, 'a bare key never fires with Ctrl held');
      continue;
    }
    const shift = keys.keys.shift ?? false;
    assert.equal(commandForKey(press(keys.keys.key.toUpperCase(), { ctrl: true, shift }), false), id, `${id} with Ctrl`);
    assert.equal(commandForKey(press(keys.keys.key, { meta: true, shift }), true), id, `${id} with Cmd`);
    assert.equal(commandForKey(press(keys.keys.key, { ctrl: true, shift }), true), null, `${id}: Ctrl is not Cmd on macOS`);
    assert.notEqual(commandForKey(press(keys.keys.key, { ctrl: true, shift: !shift }), false), id, `${id}: Shift matters`);
    assert.equal(
      commandForKey(press(keys.keys.key, { ctrl: true, shift, alt: true }), false),
      null,
      'Alt+ keys belong to focused controls',
    );
  }
});

test('the native accelerator and the label the user reads name the same key', () => {
  for (const id of ids) {
    const electron = accelerator(id);
    const label = keyLabel(id, false);
    if (!electron) continue;
    assert.equal(label, electron.replace('CmdOrCtrl', 'Ctrl').replace(/^Shift\+Ctrl\+/, 'Ctrl+Shift+'), id);
    assert.match(keyLabel(id, true)!, /^⇧?⌘[A-Z?,]$/);
  }
  assert.equal(accelerator('save-as'), 'Shift+CmdOrCtrl+S');
  assert.equal(keyLabel('save-as', true), '⇧⌘S');
});

test('the File menu lists only commands the native menu can send, each once', () => {
  const commands = FILE_MENU.filter((entry) => entry !== '-');
  assert.equal(new Set(commands).size, commands.length);
  for (const entry of commands) assert.ok((MENU_COMMANDS as readonly string[]).includes(entry), entry);
  assert.ok(!(MENU_COMMANDS as readonly string[]).includes('search'), 'search is the workspace’s own key');
});
