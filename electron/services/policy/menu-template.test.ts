import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMenuTemplate, type MenuItemSpec } from './menu-template.ts';

const base = {
  appName: 'Briefing Desk',
  recent: ['/home/a/rare-earths.sqlite'],
  canRevert: true,
  openConflicts: 0,
  undo: null,
  redo: null,
  isPackaged: true,
};
const labels = (items: MenuItemSpec[]) => items.map((i) => ('label' in i ? i.label : 'role' in i ? i.role : '—'));
const submenu = (items: MenuItemSpec[], label: string) =>
  (items.find((i) => 'label' in i && i.label === label) as { submenu: MenuItemSpec[] }).submenu;

test('File, Edit, View, Brief, Window and Help; macOS adds the app menu first', () => {
  assert.deepEqual(labels(buildMenuTemplate({ ...base, platform: 'linux' })), ['File', 'Edit', 'View', 'Brief', 'Window', 'Help']);
  assert.deepEqual(labels(buildMenuTemplate({ ...base, platform: 'darwin' })), [
    'Briefing Desk',
    'File',
    'Edit',
    'View',
    'Brief',
    'Window',
    'Help',
  ]);
  const macFile = submenu(buildMenuTemplate({ ...base, platform: 'darwin' }), 'File');
  assert.ok(
    macFile.some((i) => 'role' in i && i.role === 'close'),
    'on macOS File ends with Close, Quit lives in the app menu',
  );
  const linuxFile = submenu(buildMenuTemplate({ ...base, platform: 'linux' }), 'File');
  assert.ok(linuxFile.some((i) => 'role' in i && i.role === 'quit'));
});

test('the File menu offers every document command with its shortcut, and recent files by name', () => {
  const file = submenu(buildMenuTemplate({ ...base, platform: 'win32' }), 'File');
  const commands = file
    .filter((i): i is Extract<MenuItemSpec, { command: string }> => 'command' in i)
    .map((i) => [i.command, i.accelerator ?? null]);
  assert.deepEqual(commands, [
    ['new', 'CmdOrCtrl+N'],
    ['new-from-article', null],
    ['open', 'CmdOrCtrl+O'],
    ['save', 'CmdOrCtrl+S'],
    ['save-as', 'Shift+CmdOrCtrl+S'],
    ['revert', null],
    ['import-source', 'CmdOrCtrl+I'],
    ['merge', 'Shift+CmdOrCtrl+M'],
    ['compose', 'CmdOrCtrl+P'],
    ['preferences', 'CmdOrCtrl+,'],
  ]);
  const recent = submenu(file, 'Open Recent');
  assert.deepEqual(recent, [{ label: 'rare-earths.sqlite', command: 'open-recent', path: '/home/a/rare-earths.sqlite' }]);
  const none = submenu(submenu(buildMenuTemplate({ ...base, platform: 'linux', recent: [] }), 'File'), 'Open Recent');
  assert.deepEqual(none, [{ label: 'No recent briefs', command: 'open-recent', enabled: false }]);
});

test('Revert and conflict review are enabled only when there is something to do; developer tools only in development', () => {
  const build = (over: object) => buildMenuTemplate({ ...base, platform: 'linux', ...over });
  const revert = (items: MenuItemSpec[]) =>
    submenu(items, 'File').find((i) => 'command' in i && i.command === 'revert') as { enabled?: boolean };
  assert.equal(revert(build({ canRevert: false })).enabled, false);
  assert.deepEqual(submenu(build({ openConflicts: 2 }), 'Brief'), [
    { label: 'Review 2 Merge Conflicts…', command: 'review-conflicts', enabled: true },
  ]);
  const hasDevTools = (items: MenuItemSpec[]) => submenu(items, 'View').some((i) => 'role' in i && i.role === 'toggleDevTools');
  assert.equal(hasDevTools(build({ isPackaged: true })), false);
  assert.equal(hasDevTools(build({ isPackaged: false })), true);
});

test('Edit > Undo and Redo name the edit they take back or make again, and are off when there is none', () => {
  const edit = (over: object) => submenu(buildMenuTemplate({ ...base, platform: 'linux', ...over }), 'Edit').slice(0, 2);
  assert.deepEqual(edit({ undo: 'Add note', redo: null }), [
    { label: 'Undo Add note', command: 'undo', accelerator: 'CmdOrCtrl+Z', enabled: true },
    { label: 'Redo', command: 'redo', accelerator: 'Shift+CmdOrCtrl+Z', enabled: false },
  ]);
});
