import { copyFileSync } from 'node:fs';
import { BriefStore } from '../../db/read/index.ts';
import { BriefWriter } from '../../db/edit/index.ts';
import { closeAsSingleFile, openStore } from '../../db/store/index.ts';
import { makeBriefFile } from '../../db/test-support/index.ts';
import type { Edit } from '../../common/edits.ts';

export { makeBriefFile };

/** Edits claims (by "1.1"-style number) of a brief file as `author` would, leaving one closed file. */
export function editClaims(path: string, author: string, edits: Record<string, string>): void {
  const db = openStore(path);
  try {
    const themes = new BriefStore(db).getBrief()!.themes;
    const writer = new BriefWriter(db, author);
    for (const [number, text] of Object.entries(edits)) {
      const [t, c] = number.split('.').map(Number) as [number, number];
      writer.updateClaimText(themes[t - 1]!.claims[c - 1]!.id, text);
    }
  } finally {
    closeAsSingleFile(db);
  }
}

/** A source as a colleague's import adds it (File > Import source…): its themes' claims carry their markers. */
export function addSource(path: string, author: string, source: Omit<Edit<'source.add'>, 'kind' | 'receipt'>): void {
  const db = openStore(path);
  try {
    new BriefWriter(db, author).apply({ kind: 'source.add', receipt: null, ...source });
  } finally {
    closeAsSingleFile(db);
  }
}

/** Two copies of one brief, as a colleague and I have after passing it around. */
export function copiesOfOneBrief(mine: string, theirs: string): void {
  makeBriefFile(mine, 'me');
  copyFileSync(mine, theirs);
}
