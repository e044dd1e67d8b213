import {
  accelerator,
  COMMANDS,
  FILE_MENU,
  isEnabled,
  type CommandContext,
  type CommandId,
  type MenuCommand,
} from '../../../common/commands.ts';

// The application menu as plain data, so its shape is unit-tested under Node; electron/main turns
// it into Electron's Menu. Labels, accelerators, the File menu's order and what is enabled come
// from the one command table (common/commands.ts) that the workspace's own menu and keys read.

export type MenuItemSpec =
  | { type: 'separator' }
  | { role: string; label?: string }
  | { label: string; command: MenuCommand; accelerator?: string; path?: string; enabled?: boolean }
  | { label: string; submenu: MenuItemSpec[]; role?: string };

export interface MenuContext extends CommandContext {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly string[];
  /** Developer tools and reload only outside packaged builds. */
  isPackaged: boolean;
}

/** A command as a menu item: its label, key and enabled state from the table; `label` overrides for names that change (Undo Add note). */
function item(command: MenuCommand, context: CommandContext, extra: { label?: string; path?: string } = {}): MenuItemSpec {
  const spec = COMMANDS[command] as { label: string; menuLabel?: string; enabled?: unknown };
  const key = accelerator(command);
  return {
    label: extra.label ?? spec.menuLabel ?? spec.label,
    command,
    ...(key ? { accelerator: key } : {}),
    ...(extra.path ? { path: extra.path } : {}),
    // Only commands that can be off say so; the rest are always on.
    ...(spec.enabled ? { enabled: isEnabled(command, context) } : {}),
  };
}

const EXPORTS: readonly CommandId[] = ['export-pdf', 'export-md', 'export-html'];

const separator: MenuItemSpec = { type: 'separator' };
const fileName = (path: string) => path.split(/[\\/]/).at(-1) ?? path;

export function buildMenuTemplate(context: MenuContext): MenuItemSpec[] {
  const mac = context.platform === 'darwin';
  const recent: MenuItemSpec[] =
    context.recent.length > 0
      ? [
          ...context.recent.map((path) => item('open-recent', context, { label: fileName(path), path })),
          ...(mac ? [separator, { role: 'clearRecentDocuments' }] : []),
        ]
      : [{ label: 'No recent briefs', command: 'open-recent', enabled: false }];

  // The File menu in the table's order; the export commands gather in an Export submenu, as native menus do.
  const fileItems: MenuItemSpec[] = [];
  for (const entry of FILE_MENU) {
    if (entry === '-') fileItems.push(separator);
    else if (entry === 'open-recent') fileItems.push({ label: COMMANDS['open-recent'].menuLabel, submenu: recent });
    else if (!EXPORTS.includes(entry)) fileItems.push(item(entry, context));
  }
  fileItems.push({ label: 'Export', submenu: EXPORTS.map((command) => item(command as MenuCommand, context)) });
  const file: MenuItemSpec = {
    label: 'File',
    submenu: [...fileItems, separator, mac ? { role: 'close' } : { role: 'quit', label: 'Quit' }],
  };
  const edit: MenuItemSpec = {
    label: 'Edit',
    // Undo and Redo are the brief's own (they go to the workspace, which hands them to a text field when one has focus).
    submenu: [
      item('undo', context, { label: context.undo ? `Undo ${context.undo}` : 'Undo' }),
      item('redo', context, { label: context.redo ? `Redo ${context.redo}` : 'Redo' }),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
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
    submenu: [
      item('review-conflicts', context, {
        label: context.openConflicts > 0 ? `Review ${context.openConflicts} Merge Conflicts…` : undefined,
      }),
    ],
  };
  const window: MenuItemSpec = {
    label: 'Window',
    role: 'windowMenu',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  };
  const help: MenuItemSpec = {
    label: 'Help',
    role: 'help',
    submenu: [item('shortcuts', context), separator, { role: 'about', label: `About ${context.appName}` }],
  };

  const appMenu: MenuItemSpec = {
    label: context.appName,
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, brief, window, help];
}
