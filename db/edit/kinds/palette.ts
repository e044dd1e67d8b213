import { paletteId } from '../values.ts';
import type { Appliers } from './applier.ts';

export const paletteEdits: Appliers<'palette.rename'> = {
  'palette.rename': (edit, x) => {
    const meaning = x.shortText('meaning', edit.meaning, 'Give the colour a meaning, like “key fact”.');
    const existing = x.paletteRow(edit.colour);
    if (existing) {
      x.rows.update('palette', existing, { meaning, deleted_at: null });
      return existing;
    }
    return x.rows.insert('palette', { id: paletteId(edit.colour), colour: edit.colour, meaning });
  },
};
