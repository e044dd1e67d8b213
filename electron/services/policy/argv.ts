import { isAbsolute, resolve } from 'node:path';

/** True for something that names a brief file: a path ending in .sqlite. */
export const isBriefPath = (value: string): boolean => /\.sqlite$/i.test(value) && !value.startsWith('-');

/**
 * The brief file a launch asks to open (double-click, "Open with", a second launch), from the
 * command line Electron hands us: the last argument that names a .sqlite file, made absolute.
 * Flags, the app path and anything else are ignored.
 */
export function briefPathFromArgv(argv: readonly string[], cwd: string): string | null {
  const candidate = [...argv.slice(1)].reverse().find(isBriefPath);
  if (!candidate) return null;
  return isAbsolute(candidate) ? candidate : resolve(cwd, candidate);
}
