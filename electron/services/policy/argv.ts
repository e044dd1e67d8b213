import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** True for something that names a brief file: a path ending in .sqlite. */
export const isBriefPath = (value: string): boolean => /\.sqlite$/i.test(value) && !value.startsWith('-');

/**
 * An argument as a path: file managers and Linux desktop entries (Exec=… %U) hand over
 * file:// URLs, which are read as the path they name (percent-decoded); a URL naming another
 * machine's file, or anything else that is not a local path, is not a path.
 */
function asPath(argument: string): string | null {
  if (!/^file:/i.test(argument)) return argument;
  try {
    return fileURLToPath(argument);
  } catch {
    return null;
  }
}

/**
 * The brief file a launch asks to open (double-click, "Open with", a second launch), from the
 * command line Electron hands us: the last argument that names a .sqlite file, made absolute.
 * Flags, the app path and anything else are ignored.
 */
export function briefPathFromArgv(argv: readonly string[], cwd: string): string | null {
  const candidate = argv
    .slice(1)
    .map(asPath)
    .findLast((path): path is string => path !== null && isBriefPath(path));
  if (!candidate) return null;
  return isAbsolute(candidate) ? candidate : resolve(cwd, candidate);
}
