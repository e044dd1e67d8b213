// Test support: briefs and hostile files made for the tests and the bench. Never shipped.
export { briefCopies, makeBriefFile } from './brief-files.ts';
export { copyAllRows, vacuumInto } from './copy-rows.ts';
export {
  buildAdversarialCorpus,
  makePartnerCopy,
  HOSTILE_TEXT,
  UNSAFE_FOR_TERMINAL,
  RAW_ERROR_WORDING,
  type CorpusClass,
  type CorpusFile,
} from './hostile-corpus.ts';
export { sizesFor, writeSyntheticBrief, type SyntheticSizes } from './synthetic-brief.ts';
export { syntheticExport, withEveryPart } from './synthetic-export.ts';
export { tempDir, sha256, fingerprint, fingerprintFolder } from './temp.ts';
