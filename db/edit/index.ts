// The edit room: every user edit applied row by row (new revision, ancestor kept, search index
// updated) in one transaction, and recorded for undo and redo.
export { BriefWriter, type EditResult, type StepResult, type TouchedRow } from './brief-writer.ts';
export { parseNumber, paletteId, citationGradeId, evidenceLinkId, exportSettingsId } from './values.ts';
export { HISTORY_LIMIT } from './edit-history.ts';
