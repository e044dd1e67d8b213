// The documents service: the brief the user has open (a working copy, autosaved), New, Open,
// Save, Save As, Revert, Merge, edits with undo, and search. Plain Node; both hosts and the CLI use it.
export { DocumentSession, type Dialogs, type DocumentSessionOptions } from './documents.ts';
export { ScriptedDialogs } from './scripted-dialogs.ts';
export { defaultAuthor } from './author.ts';
export { Preferences, UNNAMED_AUTHOR, type UserPreferences } from './preferences.ts';
