import { isValidDate } from '../../../common/claim-text.ts';
import { invalidInput } from '../../../common/errors.ts';
import { parseNumber } from '../values.ts';
import type { Appliers } from './applier.ts';

export const indicatorEdits: Appliers<'indicator.add' | 'indicator.update' | 'observation.add' | 'observation.delete'> = {
  'indicator.add': (edit, x) =>
    x.rows.insert('indicators', { brief_id: x.briefId(), position: x.nextIndicatorPosition(), ...x.indicatorFields(edit) }),
  'indicator.update': (edit, x) => {
    x.rows.live('indicators', edit.id, 'indicator');
    x.rows.update('indicators', edit.id, x.indicatorFields(edit, edit.id));
    return edit.id;
  },
  /** A new value is a new observation, never an overwrite: the indicator keeps its history. */
  'observation.add': (edit, x) => {
    x.rows.live('indicators', edit.indicatorId, 'indicator');
    const value = parseNumber(edit.value);
    const asOf = edit.asOf.trim();
    if (asOf !== '' && !(/^\d{4}-\d{2}-\d{2}$/.test(asOf) && isValidDate(asOf))) {
      throw invalidInput(
        'asOf',
        `“${asOf.slice(0, 20)}” is not a real date. Write it as year-month-day, like 2025-11-09, or leave it empty if the source gives none.`,
      );
    }
    if (edit.claimId) x.rows.live('claims', edit.claimId, 'claim');
    return x.rows.insert('observations', {
      indicator_id: edit.indicatorId,
      position: x.nextObservationPosition(edit.indicatorId),
      value,
      unit: x.shortText('unit', edit.unit, 'Give a unit, like %, tons or engineers.', true),
      comparator: edit.comparator,
      as_of: asOf || null,
      as_of_note: asOf ? null : 'undated',
      claim_id: edit.claimId,
      quote: null,
    });
  },
  'observation.delete': (edit, x) => x.remove('observations', edit.id, 'value'),
};
