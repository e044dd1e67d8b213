// The ingest room: a source in any everyday format (a saved web page, a PDF report, a Word
// document, Markdown, plain or pasted text, the article layout) read into one structure, in a
// child process with a time limit, a heap cap and size limits, its answer validated before use.
// Nothing here writes to the store: the caller shows the structure for review and imports it.
export { ingestFile, ingestText, type IngestOptions, type IngestProvenance, type IngestResult } from './ingest.ts';
export { NODE_INGEST_WORKER } from './node-worker.ts';
export {
  INGEST_OUTPUT_LIMIT_BYTES,
  INGEST_SIZE_LIMIT_BYTES,
  INGEST_TIME_LIMIT_MS,
  INGEST_WORKER_NODE_FLAGS,
  PASTE_LIMIT_CHARS,
  PDF_PAGE_LIMIT,
  ZIP_PART_LIMIT_BYTES,
  ZIP_RATIO_LIMIT,
  ZIP_TOTAL_LIMIT_BYTES,
} from './limits.ts';
export { CLAIM_COUNT_LIMIT } from './structure.ts';
export { parsedSourceSchema } from './schema.ts';
export type { ParsedSource, ParsedSourceClaim, ParsedSourceTheme, SourceFormat } from '../../common/parsed-source.ts';
