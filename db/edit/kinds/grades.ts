import { invalidInput } from '../../../common/errors.ts';
import { CREDIBILITIES, RELIABILITIES } from '../../../common/vocabulary.ts';
import type { EditContext } from '../edit-context.ts';
import { citationGradeId } from '../values.ts';
import type { Appliers } from './applier.ts';

// Admiralty grades (STANAG 2511): the reliability of a source and the credibility of what it says,
// each judged apart and either left unset. A source's grade lives on its row; a citation number's
// in a row of its own, whose id is derived from the source and the number.

function grade(edit: { reliability: string | null; credibility: string | null }, x: EditContext) {
  return {
    reliability: x.oneOf(
      'reliability',
      edit.reliability,
      RELIABILITIES as readonly string[],
      'Grade reliability with a letter from A to F, or none.',
    ),
    credibility: x.oneOf(
      'credibility',
      edit.credibility,
      CREDIBILITIES as readonly string[],
      'Grade credibility with a number from 1 to 6, or none.',
    ),
  };
}

export const gradeEdits: Appliers<'citation.grade' | 'source.grade'> = {
  /** Grading both halves as unset takes the grade away; a reference is graded again in the same row. */
  'citation.grade': (edit, x) => {
    x.rows.live('sources', edit.sourceId, 'source', 'sourceId');
    if (!Number.isSafeInteger(edit.marker) || edit.marker < 0)
      throw invalidInput('marker', 'A reference is a whole number, as the claims cite it: [19] is 19.');
    const values = grade(edit, x);
    const id = citationGradeId(edit.sourceId, edit.marker);
    const existing = x.rows.read('citation_grades', id);
    if (values.reliability === null && values.credibility === null) {
      if (existing && existing.deleted_at === null) x.rows.remove('citation_grades', id);
      return id;
    }
    if (!x.isCited(edit.sourceId, edit.marker))
      throw invalidInput('marker', `No claim of this source cites [${edit.marker}]; grade a reference the claims cite.`);
    if (!existing) return x.rows.insert('citation_grades', { id, source_id: edit.sourceId, marker: edit.marker, ...values });
    if (existing.deleted_at !== null || existing.reliability !== values.reliability || existing.credibility !== values.credibility)
      x.rows.update('citation_grades', id, { ...values, deleted_at: null });
    return id;
  },
  'source.grade': (edit, x) => {
    const source = x.rows.live('sources', edit.id, 'source', 'id');
    const values = grade(edit, x);
    if (source.reliability !== values.reliability || source.credibility !== values.credibility) x.rows.update('sources', edit.id, values);
    return edit.id;
  },
};
