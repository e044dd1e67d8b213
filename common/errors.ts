// The one error vocabulary of the app: every refusal is a code (for code to branch on) and one
// plain sentence that says what is wrong and what the user can do (shown as it is). The store, the
// services and the CLI throw StoreError; the router hands code, message and field to the renderer.

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
  | 'cannot-undo'
  /** The app is already doing this (an export runs); try again when it is done. */
  | 'busy'
  /** A request arrived in the wrong order (the print view asked for a document when none is printing). */
  | 'out-of-turn';

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

export const notABrief = (why = '') =>
  new StoreError('not-a-brief', `This is not a Briefing Desk file${why ? ` (${why})` : ''}; open a .sqlite brief made by Briefing Desk.`);

export const newerSchema = (version: number, supported: number) =>
  new StoreError(
    'newer-schema',
    `This file was made by a newer Briefing Desk (schema ${version}; this app reads up to ${supported}); update the app to open it.`,
  );
