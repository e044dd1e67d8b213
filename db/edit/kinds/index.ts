import type { BriefEdit, EditKind } from '../../../common/edits.ts';
import type { EditContext } from '../edit-context.ts';
import type { Appliers } from './applier.ts';
import { claimEdits } from './claims.ts';
import { figureEdits } from './figures.ts';
import { gradeEdits } from './grades.ts';
import { highlightEdits } from './highlights.ts';
import { indicatorEdits } from './indicators.ts';
import { judgmentEdits } from './judgments.ts';
import { noteEdits } from './notes.ts';
import { paletteEdits } from './palette.ts';
import { settingsEdits } from './settings.ts';
import { sourceEdits } from './sources.ts';
import { themeEdits } from './themes.ts';

// Every kind of common/edits.ts with its apply function. The type demands all of them: a kind
// added to the vocabulary without an applier here does not compile.
const APPLIERS: Appliers<EditKind> = {
  ...highlightEdits,
  ...noteEdits,
  ...claimEdits,
  ...themeEdits,
  ...indicatorEdits,
  ...paletteEdits,
  ...judgmentEdits,
  ...gradeEdits,
  ...settingsEdits,
  ...sourceEdits,
  ...figureEdits,
};

/** Writes one edit through its kind's apply function. */
export function applyEdit(edit: BriefEdit, context: EditContext): string {
  return (APPLIERS[edit.kind] as (edit: BriefEdit, context: EditContext) => string)(edit, context);
}
