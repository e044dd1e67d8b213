// The export room: a brief composed for leaving the building, and its Markdown. (PDF and HTML are
// printed from the renderer's print view by the services.)
export { composeExport, defaultExportOptions } from './compose.ts';
export { toMarkdown, escapeMarkdown } from './markdown.ts';
