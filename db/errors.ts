// Every way the store refuses a file, as one plain sentence that says what is wrong
// and what the user can do. Callers show `message` as it is.

export type StoreErrorCode =
  | 'not-a-brief'
  | 'newer-schema'
  | 'damaged'
  | 'incomplete'
  | 'empty'
  | 'untrusted-code'
  | 'unexpected-schema'
  | 'journal-beside'
  | 'too-slow'
  | 'not-found'
  | 'exists'
  | 'bad-article'
  | 'save-failed'
  | 'invalid-input'
  | 'cannot-undo';

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  /** For 'invalid-input': the field of the edit that is wrong, so the form can say it next to that field. */
  readonly field: string | undefined;
  constructor(code: StoreErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
    this.field = field;
  }
}

export const invalidInput = (field: string, message: string) => new StoreError('invalid-input', message, field);

export const notABrief = () =>
  new StoreError('not-a-brief', 'This is not a Briefing Desk file; open a .sqlite brief made by Briefing Desk.');

export const newerSchema = (version: number, supported: number) =>
  new StoreError(
    'newer-schema',
    `This file was made by a newer Briefing Desk (schema ${version}; this app reads up to ${supported}); update the app to open it.`,
  );

/** Maps SQLite's own errors about a file to ours; anything else is passed through unchanged. */
export function recogniseFileError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB') return notABrief();
  if (code === 'SQLITE_CORRUPT') {
    return new StoreError('damaged', 'This file is damaged; ask the sender for a fresh copy.');
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new StoreError('not-found', 'This file cannot be opened: check that it exists and that you may read it.');
  }
  return error;
}
