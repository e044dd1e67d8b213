// Keyboard shortcuts of the workspace, in one table: the keydown handler and the menu labels
// both read it, so a label never promises a key that does nothing.

export type CommandId = 'new' | 'open' | 'save' | 'save-as' | 'merge' | 'compose' | 'undo' | 'redo';

interface Shortcut {
  key: string;
  shift: boolean;
}

export const SHORTCUTS: Record<CommandId, Shortcut> = {
  new: { key: 'n', shift: false },
  open: { key: 'o', shift: false },
  save: { key: 's', shift: false },
  'save-as': { key: 's', shift: true },
  merge: { key: 'm', shift: true },
  compose: { key: 'p', shift: false },
  undo: { key: 'z', shift: false },
  redo: { key: 'z', shift: true },
};

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The command a keydown stands for, if any (Ctrl on Windows and Linux, Cmd on macOS). */
export function commandFor(event: KeyboardEvent): CommandId | null {
  const primary = isMac ? event.metaKey : event.ctrlKey;
  if (!primary || event.altKey) return null;
  const key = event.key.toLowerCase();
  for (const [id, shortcut] of Object.entries(SHORTCUTS) as [CommandId, Shortcut][]) {
    if (shortcut.key === key && shortcut.shift === event.shiftKey) return id;
  }
  return null;
}

/** "Ctrl+Shift+S" or "⇧⌘S". */
export function shortcutLabel(id: CommandId): string {
  const { key, shift } = SHORTCUTS[id];
  return isMac ? `${shift ? '⇧' : ''}⌘${key.toUpperCase()}` : `Ctrl+${shift ? 'Shift+' : ''}${key.toUpperCase()}`;
}
