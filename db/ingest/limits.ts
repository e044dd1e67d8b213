// The bounds of one import, in one place: what the parent checks before it starts the reader, and
// what it holds the reader's process to.
import { LIMITS } from '../../common/limits.ts';

/** The largest source file read: one number for the reader and the window that reads a dropped file's bytes. */
export const INGEST_SIZE_LIMIT_BYTES = LIMITS.sourceFileBytes;

/** How long the reader's process may take before it is stopped. */
export const INGEST_TIME_LIMIT_MS = 20_000;

/** The most the reader may answer (its JSON on stdout); more is a runaway, and it is stopped. */
export const INGEST_OUTPUT_LIMIT_BYTES = 32 * 1024 ** 2;

/** The longest pasted text read in the app's own process (a book runs to about a million characters). */
export const PASTE_LIMIT_CHARS = 2_000_000;

/**
 * Node's flags for the reader's process: a heap of 512 MB (a DOM of a large saved page needs room,
 * and a crafted file stops there, not at the machine's memory), and no code made from strings
 * (eval, new Function): nothing a file holds can become code. Electron's utility process takes the
 * same flags as execArgv.
 */
export const INGEST_WORKER_NODE_FLAGS = ['--max-old-space-size=512', '--disallow-code-generation-from-strings'];

/** The most pages read from one PDF. */
export const PDF_PAGE_LIMIT = 500;

/** The largest part of a Word document, unpacked. */
export const ZIP_PART_LIMIT_BYTES = 50 * 1024 ** 2;
/** All parts of a Word document together, unpacked. */
export const ZIP_TOTAL_LIMIT_BYTES = 200 * 1024 ** 2;
/** How many times larger a part (of more than a mebibyte) may be unpacked than packed. */
export const ZIP_RATIO_LIMIT = 100;
/** How many parts a Word document's archive may have. */
export const ZIP_ENTRY_LIMIT = 10_000;

/** The refusal of a file over the size limit, in the parent and the reader alike. */
export const tooLarge = (name: string, size: number) =>
  `${name} is ${Math.ceil(size / 1024 ** 2).toLocaleString('en')} MB; Briefing Desk imports sources of at most ${INGEST_SIZE_LIMIT_BYTES / 1024 ** 2} MB, so split it and import the part you need.`;
