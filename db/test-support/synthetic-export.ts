import { join } from 'node:path';
import type { ExportDocument, ExportNote } from '../../common/export-document.ts';
import { composeExport, defaultExportOptions } from '../export/index.ts';
import { BriefStore } from '../read/index.ts';
import { openStore } from '../store/index.ts';
import { type SyntheticSizes, writeSyntheticBrief } from './synthetic-brief.ts';

/** A synthetic brief of `items` items (about 19.5 a page, 25 claims a theme) written in `dir`, composed for export on `paper`. */
export function syntheticExport(dir: string, items: number | SyntheticSizes, paper: 'a4' | 'letter'): ExportDocument {
  const file = join(dir, `synthetic-${JSON.stringify(items).replace(/\W/g, '')}.sqlite`);
  writeSyntheticBrief(file, items);
  const read = openStore(file, { readonly: true });
  try {
    const options = { ...defaultExportOptions(null, 'Analyst', '2026-11-29'), marking: 'OFFICIAL', paper };
    return composeExport(new BriefStore(read).getBrief()!, options);
  } finally {
    read.close();
  }
}

/**
 * `doc` with the parts a synthetic brief has none of: a bottom line, a key judgment, notes on the
 * brief and on its second theme, and a highlight whose words are gone (the brief needs highlights).
 */
export function withEveryPart(doc: ExportDocument): ExportDocument {
  const note = (body: string): ExportNote => ({ body, author: 'Analyst', label: null });
  const heading = (anchor: string, text: string) => ({ anchor, heading: text, level: 2 as const, listed: false, page: null });
  const colour = doc.annotations!.notes[0]!.colour;
  return {
    ...doc,
    bottomLine: ['Supply tightens before 2030.', 'Prices follow.'],
    judgments: [
      { label: 'KJ1', text: 'Prices rise.', qualifiers: 'Likelihood: likely (55–80%)', support: 'Supported by claim 1.1.', against: null },
    ],
    briefNotes: [note('On the brief **as a whole**.')],
    headings: [
      heading('bottom-line', 'Bottom line'),
      heading('key-judgments', 'Key judgments'),
      heading('analyst-notes', 'Analyst’s notes'),
      ...doc.headings,
    ],
    sections: doc.sections.map((section, i) => (i === 1 ? { ...section, notes: [note('On this theme.'), note('And again.')] } : section)),
    annotations: {
      ...doc.annotations!,
      orphans: [{ target: 'Claim 1.1', quote: 'words no longer there', colour, meaning: 'Evidence', comment: 'Check.', author: 'Analyst' }],
    },
  };
}
