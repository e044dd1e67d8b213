// The sources room: a source read from a file, a drop or a paste, previewed, and vouched for when added.
export { SourceImports, type SourceDialogs, type SourceImportsOptions } from './source-imports.ts';
