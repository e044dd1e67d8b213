import { closeAsSingleFile, openStore } from '../store/index.ts';
import { importEmbeddedBrief } from '../seed/index.ts';

/** Writes a brief file as `briefing new` does: the embedded brief, one self-contained file. */
export function makeBriefFile(path: string, author = 'sender'): void {
  const db = openStore(path);
  importEmbeddedBrief(db, author);
  closeAsSingleFile(db);
}
