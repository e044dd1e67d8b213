import type { MenuCommand } from '../ipc/contract.ts';

// The application menu as plain data, so its shape is unit-tested under Node; electron/main turns
// it into Electron's Menu. Accelerators match the workspace's own shortcuts (a test checks them
// against renderer/src/lib/shortcuts.ts).

export type MenuItemSpec =
  | { type: 'separator' }
  | { role: string; label?: string }
  | { label: string; command: MenuCommand; accelerator?: string; path?: string; enabled?: boolean }
  | { label: string; submenu: MenuItemSpec[]; role?: string };

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly string[];
  canRevert: boolean;
  openConflicts: number;
  /** What Undo and Redo would take back or make again, as the menu names them; null when nothing. */
  undo: string | null;
  redo: string | null;
  /** Developer tools and reload only outside packaged builds. */
  isPackaged: boolean;
}

export const ACCELERATORS: Partial<Record<MenuCommand, string>> = {
  new: 'CmdOrCtrl+N',
  open: 'CmdOrCtrl+O',
  save: 'CmdOrCtrl+S',
  'save-as': 'Shift+CmdOrCtrl+S',
  merge: 'Shift+CmdOrCtrl+M',
  compose: 'CmdOrCtrl+P',
  undo: 'CmdOrCtrl+Z',
  redo: 'Shift+CmdOrCtrl+Z',
};

const item = (label: string, command: MenuCommand, extra: { path?: string; enabled?: boolean } = {}): MenuItemSpec => ({
  label,
  command,
  ...(ACCELERATORS[command] ? { accelerator: ACCELERATORS[command] } : {}),
  ...extra,
});

const separator: MenuItemSpec = { type: 'separator' };
const fileName = (path: string) => path.split(/[\\/]/).at(-1) ?? path;

export function buildMenuTemplate(context: MenuContext): MenuItemSpec[] {
  const mac = context.platform === 'darwin';
  const recent: MenuItemSpec[] =
    context.recent.length > 0
      ? [...context.recent.map((path) => item(fileName(path), 'open-recent', { path })), ...(mac ? [separator, { role: 'clearRecentDocuments' }] : [])]
      : [{ label: 'No recent briefs', command: 'open-recent', enabled: false }];

  const file: MenuItemSpec = {
    label: 'File',
    submenu: [
      item('New Brief', 'new'),
      item('New Brief from Article…', 'new-from-article'),
      item('Open…', 'open'),
      { label: 'Open Recent', submenu: recent },
      separator,
      item('Save', 'save'),
      item('Save As…', 'save-as'),
      item('Revert to Saved', 'revert', { enabled: context.canRevert }),
      separator,
      item('Merge a Colleague’s Brief…', 'merge'),
      separator,
      item('Compose and Export…', 'compose'),
      { label: 'Export', submenu: [item('PDF…', 'export-pdf'), item('Markdown…', 'export-md'), item('HTML…', 'export-html')] },
      separator,
      mac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };
  const edit: MenuItemSpec = {
    label: 'Edit',
    // Undo and Redo are the brief's own (they go to the workspace, which hands them to a text field when one has focus).
    submenu: [
      item(context.undo ? `Undo ${context.undo}` : 'Undo', 'undo', { enabled: context.undo !== null }),
      item(context.redo ? `Redo ${context.redo}` : 'Redo', 'redo', { enabled: context.redo !== null }),
      separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };
  const view: MenuItemSpec = {
    label: 'View',
    submenu: [
      ...(context.isPackaged ? [] : [{ role: 'reload' }, { role: 'toggleDevTools' }, separator]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const brief: MenuItemSpec = {
    label: 'Brief',
    submenu: [item(context.openConflicts > 0 ? `Review ${context.openConflicts} Merge Conflicts…` : 'Review Merge Conflicts…', 'review-conflicts', { enabled: context.openConflicts > 0 })],
  };
  const window: MenuItemSpec = { label: 'Window', role: 'windowMenu', submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }] };
  const help: MenuItemSpec = { label: 'Help', role: 'help', submenu: [item('Keyboard Shortcuts', 'shortcuts'), separator, { role: 'about', label: `About ${context.appName}` }] };

  const appMenu: MenuItemSpec = {
    label: context.appName,
    role: 'appMenu',
    submenu: [{ role: 'about' }, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, brief, window, help];
}
