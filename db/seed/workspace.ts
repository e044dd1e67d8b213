import { openStore, type Db } from '../store/index.ts';
import { BriefStore } from '../read/index.ts';
import { importEmbeddedBrief } from './embedded-brief.ts';

export interface Workspace {
  db: Db;
  briefs: BriefStore;
  close(): void;
}

/**
 * The user's working store: opened (created on first run) and, when it holds no brief yet,
 * filled with the embedded default so a new user starts on a complete brief, not an empty screen.
 */
export function openWorkspace(path: string, author: string): Workspace {
  const db = openStore(path);
  const briefs = new BriefStore(db);
  if (!briefs.hasBrief()) importEmbeddedBrief(db, author);
  return { db, briefs, close: () => db.close() };
}
