import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeAsSingleFile, openStore } from '../store/index.ts';
import { importEmbeddedBrief } from '../seed/index.ts';

/** Writes a brief file as `briefing new` does: the embedded brief, one self-contained file. */
export function makeBriefFile(path: string, author = 'sender'): void {
  const db = openStore(path);
  importEmbeddedBrief(db, author);
  closeAsSingleFile(db);
}

/** Copies of one brief file in a new folder under `dir`, as colleagues have them after passing it around. */
export function briefCopies(dir: string, ...names: string[]): string[] {
  const base = join(dir, 'base.sqlite');
  makeBriefFile(base, 'author');
  return names.map((name) => {
    const path = join(dir, `${name}.sqlite`);
    copyFileSync(base, path);
    return path;
  });
}
