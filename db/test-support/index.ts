// Test support: briefs and hostile files made for the tests and the bench. Never shipped.
export { makeBriefFile } from './brief-files.ts';
export { copyAllRows, vacuumInto } from './copy-rows.ts';
export { buildHostileCorpus, type HostileFile } from './hostile-corpus.ts';
export { sizesFor, writeSyntheticBrief, type SyntheticSizes } from './synthetic-brief.ts';
export { tempDir, sha256 } from './temp.ts';
