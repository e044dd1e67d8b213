// The files room: how the app writes, replaces and removes files on disk, and how the operating
// system's and SQLite's complaints about a file become one sentence. No SQL here.
export { replaceFileAtomically, writeFileAtomic, type ReplaceOptions } from './atomic-write.ts';
export { readFailure, receiveFailure, writeFailure, missingFolder } from './file-errors.ts';
export { removeSqliteFile, SQLITE_COMPANIONS } from './sqlite-files.ts';
export { refuseClashingTargets } from './targets.ts';
