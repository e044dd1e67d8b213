import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

// The receive's private working space: a folder of its own under the OS temporary folder for the
// copy of the file being checked (which may be gigabytes), and a partial store beside the output.
// The parent makes them before starting the check and removes them when it has ended, however it
// ended; a run that crashed itself (the app or the CLI killed) leaves them, and the next receive
// removes them once they are old enough that no check can still be using them.

/** Every private folder and partial store of the receive is named with this, so leftovers can be told from anything else. */
export const PRIVATE_PREFIX = 'briefing-receive-';

/** Exactly what the receive makes: mkdtemp's folders, the partial stores named for them, a merge's received copy, with SQLite's companions. */
const LEFTOVER_FOLDER = new RegExp(`^${PRIVATE_PREFIX}[A-Za-z0-9]{6}$`);
const LEFTOVER_FILE = new RegExp(`^\\.${PRIVATE_PREFIX}(?:[A-Za-z0-9]{6}\\.receiving|merge-[0-9a-f-]+)\\.sqlite(-wal|-shm|-journal)?$`);

/**
 * How old a leftover must be before it is removed: a check lasts at most seconds (the time limit)
 * and a CLI command that holds received copies minutes; an hour leaves any run still going alone,
 * including one in another process.
 */
export const STALE_AFTER_MS = 60 * 60 * 1000;

/** A new private folder (mode 0700) under `root`. */
export function makePrivateFolder(root = tmpdir()): string {
  const dir = mkdtempSync(join(root, PRIVATE_PREFIX));
  chmodSync(dir, 0o700);
  return dir;
}

/** The partial store of the check working in `privateDir`: beside the output (so the finished store is renamed into place), named for the folder. */
export function partialPathFor(output: string, privateDir: string): string {
  return join(dirname(output), `.${basename(privateDir)}.receiving.sqlite`);
}

/**
 * Removes this module's leftovers in `folder` that are older than `maxAgeMs`: private folders
 * (`briefing-receive-*`) and partial stores with their -wal and -shm (`.briefing-receive-*`).
 * Nothing else is looked at; links are never followed; what cannot be removed (another user's, in
 * a shared temporary folder) is left. Answers the names removed.
 */
export function removeStaleReceiveLeftovers(folder: string, maxAgeMs = STALE_AFTER_MS, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const folderOfOurs = LEFTOVER_FOLDER.test(name);
    if (!folderOfOurs && !LEFTOVER_FILE.test(name)) continue;
    try {
      const stat = lstatSync(join(folder, name));
      if (stat.isSymbolicLink() || stat.isDirectory() !== folderOfOurs || now - stat.mtimeMs < maxAgeMs) continue;
      rmSync(join(folder, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Gone already (another run cleaned it), or not ours to remove.
    }
  }
  return removed;
}
