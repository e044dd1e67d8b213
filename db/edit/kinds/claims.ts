import { invalidInput } from '../../../common/errors.ts';
import { LIMITS } from '../../../common/limits.ts';
import { POSITION_STEP } from '../edit-context.ts';
import type { Appliers } from './applier.ts';

export const claimEdits: Appliers<'claim.update' | 'claim.assess' | 'claim.add' | 'claim.move' | 'claim.delete'> = {
  'claim.update': (edit, x) => {
    x.rows.live('claims', edit.id, 'claim');
    const parsed = x.claimText(edit.text);
    x.rows.update('claims', edit.id, { text: parsed.text });
    x.setCitations(edit.id, parsed.citations);
    return edit.id;
  },
  'claim.assess': (edit, x) => {
    x.rows.live('claims', edit.id, 'claim');
    const judgement = edit.judgement?.trim() || null;
    if (judgement && judgement.length > LIMITS.shortText) {
      throw invalidInput('judgement', `Keep the judgement to one line (${LIMITS.shortText} characters at most).`);
    }
    x.rows.update('claims', edit.id, { confidence: edit.confidence, judgement });
    return edit.id;
  },
  'claim.add': (edit, x) => {
    const theme = x.rows.live('themes', edit.themeId, 'theme');
    const parsed = x.claimText(edit.text);
    const siblings = x.claimsOfTheme(theme.id as string);
    const id = x.rows.insert('claims', {
      theme_id: edit.themeId,
      // A claim added under a source's theme cites that source's numbers.
      source_id: theme.source_id ?? null,
      position: (siblings.at(-1)?.position ?? -POSITION_STEP) + POSITION_STEP,
      text: parsed.text,
    });
    x.setCitations(id, parsed.citations);
    return id;
  },
  'claim.move': (edit, x) => {
    const claim = x.rows.live('claims', edit.id, 'claim');
    x.move('claims', x.claimsOfTheme(claim.theme_id as string), edit.id, edit.direction);
    return edit.id;
  },
  'claim.delete': (edit, x) => x.remove('claims', edit.id, 'claim'),
};
