// The merge room: a colleague's copy merged into ours by item id and revision, conflicts kept
// for review and resolved.
export { mergeInto, openConflicts, resolveConflict, type Conflict } from './merge.ts';
export { conflictViews } from './merge-review.ts';
