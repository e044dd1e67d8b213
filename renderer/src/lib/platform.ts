// macOS reads Cmd where Windows and Linux read Ctrl, and writes shortcuts with ⌘ and ⇧.
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
