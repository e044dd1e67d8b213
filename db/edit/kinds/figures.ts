import { isValidDate } from '../../../common/claim-text.ts';
import { invalidInput } from '../../../common/errors.ts';
import { dismissedFigureId, parseNumber } from '../values.ts';
import type { Appliers } from './applier.ts';

// Figures of a claim offered as indicator candidates (common/figures.ts finds them). Nothing
// becomes an indicator until the analyst accepts it; a dismissed figure is remembered so it is not
// offered again, and comes back if the dismissal is undone.

export const figureEdits: Appliers<'figure.accept' | 'figure.dismiss'> = {
  /** One step: the indicator (or the brief's indicator of that name) and its value quoting the claim. */
  'figure.accept': (edit, x) => {
    const claim = x.rows.live('claims', edit.claimId, 'claim', 'claimId');
    const quote = edit.quote.trim();
    if (quote === '' || !(claim.text as string).includes(quote))
      throw invalidInput('quote', 'The claim does not say these words any more; look at the figure again.');
    const value = parseNumber(edit.value);
    const asOf = edit.asOf.trim();
    if (asOf !== '' && !(/^\d{4}-\d{2}-\d{2}$/.test(asOf) && isValidDate(asOf)))
      throw invalidInput(
        'asOf',
        `“${asOf.slice(0, 20)}” is not a real date. Write it as year-month-day, like 2025-11-09, or leave it empty.`,
      );
    const name = x.shortText('name', edit.name, 'The indicator needs a name, like “Recycling recovery rate”.');
    const unit = x.shortText('unit', edit.unit, '', true);
    const indicatorId =
      x.indicatorNamed(name) ??
      x.rows.insert('indicators', { brief_id: x.briefId(), position: x.nextIndicatorPosition(), name, unit, claim_id: edit.claimId });
    x.rows.insert('observations', {
      indicator_id: indicatorId,
      position: x.nextObservationPosition(indicatorId),
      value,
      unit,
      comparator: edit.comparator,
      as_of: asOf || null,
      as_of_note: asOf ? 'as reported' : 'undated',
      claim_id: edit.claimId,
      quote,
    });
    return indicatorId;
  },
  'figure.dismiss': (edit, x) => {
    const claim = x.rows.live('claims', edit.claimId, 'claim', 'claimId');
    if (edit.quote.trim() === '' || !(claim.text as string).includes(edit.quote))
      throw invalidInput('quote', 'The claim does not say these words any more; look at the figure again.');
    const id = dismissedFigureId(edit.claimId, edit.quote);
    const existing = x.rows.read('dismissed_figures', id);
    if (!existing) return x.rows.insert('dismissed_figures', { id, claim_id: edit.claimId, quote: edit.quote });
    if (existing.deleted_at !== null) x.rows.update('dismissed_figures', id, { deleted_at: null });
    return id;
  },
};
