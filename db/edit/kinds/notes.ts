import type { Appliers } from './applier.ts';

export const noteEdits: Appliers<'note.add' | 'note.update' | 'note.delete'> = {
  'note.add': (edit, x) => {
    x.checkNoteTarget(edit.targetKind, edit.targetId);
    const id = x.rows.insert('notes', {
      brief_id: x.briefId(),
      target_kind: edit.targetKind,
      target_id: edit.targetId,
      body: x.noteBody(edit.body),
    });
    x.setTags(id, edit.tags);
    return id;
  },
  'note.update': (edit, x) => {
    x.rows.live('notes', edit.id, 'note');
    x.rows.update('notes', edit.id, { body: x.noteBody(edit.body) });
    x.setTags(edit.id, edit.tags);
    return edit.id;
  },
  'note.delete': (edit, x) => x.remove('notes', edit.id, 'note'),
};
