import { POSITION_STEP } from '../edit-context.ts';
import type { Appliers } from './applier.ts';

export const themeEdits: Appliers<'theme.add' | 'theme.update' | 'theme.move'> = {
  'theme.add': (edit, x) => {
    const title = x.shortText('title', edit.title, 'The theme needs a title.');
    const themes = x.themes();
    return x.rows.insert('themes', {
      brief_id: x.briefId(),
      position: (themes.at(-1)?.position ?? -POSITION_STEP) + POSITION_STEP,
      label: `Group ${themes.length + 1}`,
      title,
    });
  },
  'theme.update': (edit, x) => {
    x.rows.live('themes', edit.id, 'theme');
    x.rows.update('themes', edit.id, { title: edit.title.trim() || null });
    return edit.id;
  },
  'theme.move': (edit, x) => {
    x.rows.live('themes', edit.id, 'theme');
    x.move('themes', x.themes(), edit.id, edit.direction);
    return edit.id;
  },
};
