import { describeQuote } from '../../../common/anchoring.ts';
import { invalidInput } from '../../../common/errors.ts';
import type { Appliers } from './applier.ts';

export const highlightEdits: Appliers<'highlight.add' | 'highlight.update' | 'highlight.delete'> = {
  'highlight.add': (edit, x) => {
    const text = x.targetText(edit.targetKind, edit.targetId);
    if (!(edit.start >= 0 && edit.start < edit.end && edit.end <= text.length)) {
      throw invalidInput('range', 'Select some words of the text to highlight; the selection is empty or outside it.');
    }
    const quote = describeQuote(text, edit.start, edit.end);
    if (quote.exact.trim() === '') throw invalidInput('range', 'The selection holds only spaces; select some words to highlight.');
    return x.rows.insert('annotations', {
      brief_id: x.briefId(),
      target_kind: edit.targetKind,
      target_id: edit.targetId,
      quote_exact: quote.exact,
      quote_prefix: quote.prefix,
      quote_suffix: quote.suffix,
      position_start: quote.start,
      position_end: quote.end,
      color: edit.colour,
      comment: x.comment(edit.comment),
    });
  },
  'highlight.update': (edit, x) => {
    x.rows.live('annotations', edit.id, 'highlight');
    x.rows.update('annotations', edit.id, { color: edit.colour, comment: x.comment(edit.comment) });
    return edit.id;
  },
  'highlight.delete': (edit, x) => x.remove('annotations', edit.id, 'highlight'),
};
