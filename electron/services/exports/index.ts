// The exports service: composes the brief, has the print view drawn, prints PDF or snapshots HTML,
// writes Markdown, and writes every file atomically.
export { ExportService, type ExportSaveDialog } from './exports.ts';
export { pageEnd, type Printer, type PrintPage } from './print-page.ts';
export { PrintJobs, printFailure, type Drawn } from './print-jobs.ts';
export { pdfLayout, withTimeLimit, printTimeLimitMs, type PdfLayout } from './print-layout.ts';
export { assertSelfContained } from './self-contained-html.ts';
export { headingPages, printWithContentsPages, MAX_PRINTS, type PrintPass } from './contents-pages.ts';
export { sectionedPrintPass, SECTION_PAGES, type SectionedPrintOptions } from './sectioned-print.ts';
