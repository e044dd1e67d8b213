// Every command of the app, in one table: the native menu (electron/services/policy/menu-template.ts),
// the in-window File menu, the workspace's key handler and the shortcut sheet all read it, so a
// label never promises a key that does nothing and a key never runs something the menus lack.

/** The key of a shortcut: the primary modifier (Ctrl on Windows and Linux, Cmd on macOS) unless `primary` is false. */
export interface KeyBinding {
  key: string;
  shift?: boolean;
  primary?: boolean;
}

/** What decides whether a command can run right now. */
export interface CommandContext {
  canRevert: boolean;
  openConflicts: number;
  /** What Undo and Redo would do ("Add note"), or null when nothing. */
  undo: string | null;
  redo: string | null;
}

export interface CommandSpec {
  /** The in-window menu's label, in sentence case. */
  label: string;
  /** The native menu's label where platform style differs (title case); `label` otherwise. */
  menuLabel?: string;
  /** What the shortcut sheet says the command does. */
  description: string;
  keys?: KeyBinding;
  /** Sent by the native menu to the workspace (the renderer runs it); false for keys only the workspace knows. */
  inNativeMenu: boolean;
  enabled?: (context: CommandContext) => boolean;
}

const spec = <const T extends Record<string, CommandSpec>>(table: T) => table;

export const COMMANDS = spec({
  new: { label: 'New brief', menuLabel: 'New Brief', description: 'New brief', keys: { key: 'n' }, inNativeMenu: true },
  'new-from-article': {
    label: 'New brief from an article…',
    menuLabel: 'New Brief from Article…',
    description: 'New brief from an article',
    inNativeMenu: true,
  },
  open: { label: 'Open…', description: 'Open a brief', keys: { key: 'o' }, inNativeMenu: true },
  'open-recent': { label: 'Open recent', menuLabel: 'Open Recent', description: 'Open a recent brief', inNativeMenu: true },
  save: { label: 'Save', description: 'Save', keys: { key: 's' }, inNativeMenu: true },
  'save-as': { label: 'Save As…', description: 'Save as', keys: { key: 's', shift: true }, inNativeMenu: true },
  revert: {
    label: 'Revert to saved',
    menuLabel: 'Revert to Saved',
    description: 'Go back to the saved file',
    inNativeMenu: true,
    enabled: (c) => c.canRevert,
  },
  'import-source': {
    label: 'Import source…',
    menuLabel: 'Import Source…',
    description: 'Add a source to the brief: a saved web page, PDF, Word document, Markdown or text file, or pasted text',
    keys: { key: 'i' },
    inNativeMenu: true,
  },
  merge: {
    label: 'Merge a colleague’s brief…',
    menuLabel: 'Merge a Colleague’s Brief…',
    description: 'Merge a colleague’s brief',
    keys: { key: 'm', shift: true },
    inNativeMenu: true,
  },
  'review-conflicts': {
    label: 'Review merge conflicts…',
    menuLabel: 'Review Merge Conflicts…',
    description: 'Review merge conflicts',
    inNativeMenu: true,
    enabled: (c) => c.openConflicts > 0,
  },
  compose: {
    label: 'Compose and export…',
    menuLabel: 'Compose and Export…',
    description: 'Compose and export',
    keys: { key: 'p' },
    inNativeMenu: true,
  },
  'export-pdf': { label: 'Export as PDF…', menuLabel: 'PDF…', description: 'Export the whole brief as PDF', inNativeMenu: true },
  'export-md': {
    label: 'Export as Markdown…',
    menuLabel: 'Markdown…',
    description: 'Export the whole brief as Markdown',
    inNativeMenu: true,
  },
  'export-html': { label: 'Export as HTML…', menuLabel: 'HTML…', description: 'Export the whole brief as HTML', inNativeMenu: true },
  undo: { label: 'Undo', description: 'Undo the last edit', keys: { key: 'z' }, inNativeMenu: true, enabled: (c) => c.undo !== null },
  redo: { label: 'Redo', description: 'Redo', keys: { key: 'z', shift: true }, inNativeMenu: true, enabled: (c) => c.redo !== null },
  search: { label: 'Search', description: 'Search claims, notes, comments and indicators', keys: { key: 'f' }, inNativeMenu: false },
  highlight: {
    label: 'Highlight',
    description: 'Highlight the selected text (moves to the colour buttons)',
    keys: { key: 'h', shift: true },
    inNativeMenu: false,
  },
  preferences: {
    label: 'Preferences…',
    description: 'Your name and unit, as your work is signed',
    keys: { key: ',' },
    inNativeMenu: true,
  },
  'next-region': {
    label: 'Next pane',
    description: 'Move between the top bar, the themes, the reading pane and the side panel (Shift+F6 goes back)',
    keys: { key: 'F6', primary: false },
    inNativeMenu: false,
  },
  shortcuts: {
    label: 'Keyboard shortcuts',
    menuLabel: 'Keyboard Shortcuts',
    description: 'Show this list',
    keys: { key: '?', primary: false },
    inNativeMenu: true,
  },
});

export type CommandId = keyof typeof COMMANDS;

/** Commands the native menu sends to the workspace (the `menu:command` event). */
export type MenuCommand = { [C in CommandId]: (typeof COMMANDS)[C]['inNativeMenu'] extends true ? C : never }[CommandId];
export const MENU_COMMANDS = (Object.keys(COMMANDS) as CommandId[]).filter((id): id is MenuCommand => COMMANDS[id].inNativeMenu);

/** The File menu, in order, in both the native and the in-window menu: commands, separators, and the two lists. */
export const FILE_MENU = [
  'new',
  'new-from-article',
  'open',
  'open-recent',
  '-',
  'save',
  'save-as',
  'revert',
  '-',
  'import-source',
  'merge',
  '-',
  'compose',
  'export-pdf',
  'export-md',
  'export-html',
  '-',
  'preferences',
] as const satisfies readonly (CommandId | '-')[];

/** Keys the shortcut sheet lists that belong to a focused control, not to a command. */
export const CONTROL_KEYS: readonly { keys: { mac: string; other: string }; description: string }[] = [
  { keys: { mac: '↑ / ↓', other: '↑ / ↓' }, description: 'Go to the previous or next claim (in the reading pane)' },
  { keys: { mac: 'Enter or F7', other: 'Enter or F7' }, description: 'Select text in the focused claim: arrows move, Shift+arrows select' },
  { keys: { mac: '⌥⇧← / ⌥⇧→', other: 'Ctrl+Shift+← / →' }, description: 'While selecting: select word by word' },
  { keys: { mac: 'E / A / T / N', other: 'E / A / T / N' }, description: 'Edit, assess, translate or add a note to the focused claim' },
  { keys: { mac: '⌥↑ / ⌥↓', other: 'Alt+↑ / Alt+↓' }, description: 'Move the focused claim up or down' },
  { keys: { mac: '⌘Enter', other: 'Ctrl+Enter' }, description: 'Save the open editor' },
  { keys: { mac: 'Esc', other: 'Esc' }, description: 'Cancel the open editor or dialog' },
];

export const isEnabled = (id: CommandId, context: CommandContext): boolean => (COMMANDS[id] as CommandSpec).enabled?.(context) ?? true;

/** Electron's accelerator for a command ("Shift+CmdOrCtrl+S"), or undefined when it has no key. */
export function accelerator(id: CommandId): string | undefined {
  const keys = (COMMANDS[id] as CommandSpec).keys;
  if (!keys || keys.primary === false) return undefined;
  return `${keys.shift ? 'Shift+' : ''}CmdOrCtrl+${keys.key.toUpperCase()}`;
}

/** How a command's key is written for the user: "Ctrl+Shift+S", or "⇧⌘S" on macOS. */
export function keyLabel(id: CommandId, mac: boolean): string | null {
  const keys = (COMMANDS[id] as CommandSpec).keys;
  if (!keys) return null;
  if (keys.primary === false) return keys.key;
  const key = keys.key.toUpperCase();
  return mac ? `${keys.shift ? '⇧' : ''}⌘${key}` : `Ctrl+${keys.shift ? 'Shift+' : ''}${key}`;
}

/** The parts of a keydown a command's key is matched against. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The command a key press stands for, if any. `?` is typed with Shift on most layouts, so a key without the primary modifier ignores Shift. */
export function commandForKey(press: KeyPress, mac: boolean): CommandId | null {
  const primary = mac ? press.metaKey : press.ctrlKey;
  if (press.altKey) return null;
  const key = press.key.toLowerCase();
  for (const [id, command] of Object.entries(COMMANDS) as [CommandId, CommandSpec][]) {
    const keys = command.keys;
    if (!keys || keys.key.toLowerCase() !== key) continue;
    if (keys.primary === false ? !press.ctrlKey && !press.metaKey : primary && (keys.shift ?? false) === press.shiftKey) return id;
  }
  return null;
}
