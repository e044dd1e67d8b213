import type { Edit, EditKind } from '../../../common/edits.ts';
import type { EditContext } from '../edit-context.ts';

/** How one kind of edit is written: checks its meaning, writes its rows, answers the id of the item it made or changed. */
export type Applier<K extends EditKind> = (edit: Edit<K>, context: EditContext) => string;

/** Apply functions for some kinds; `appliers.ts` joins them and must cover every kind. */
export type Appliers<K extends EditKind> = { [Kind in K]: Applier<Kind> };
