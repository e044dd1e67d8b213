/**
 * Whether the built-in spellchecker is on. On macOS Electron checks spelling with the OS's own
 * checker. Everywhere else Chromium's checker downloads Hunspell dictionaries from Google's
 * servers the first time it runs; an offline app that promises nothing leaves the machine must
 * not make that request, so there it is off.
 */
export const builtInSpellcheck = (platform: NodeJS.Platform): boolean => platform === 'darwin';
