// A brief may draw on several sources. Each keeps its own citation numbers: [19] of one source is
// not [19] of another, so wherever a number is shown beside a second source's, the source's name
// goes with it. One place says which source a claim cites, how a source is named, and how the
// file it was read from is described; the reading view, the references, the export and the CLI
// share it.
import { SOURCE_FORMAT_NAMES } from './parsed-source.ts';
import type { Source, SourceProvenance } from './model.ts';

type Named = Pick<Source, 'id' | 'shortName' | 'publisher' | 'titleOriginal'>;

/** The longest name made up from a headline when a source has no short name and no publisher. */
const MADE_UP_NAME_CHARS = 24;

/**
 * The source whose numbers a claim cites: its own, else its theme's, else the brief's first (a
 * claim the analyst added to a brief of one source cites that source's numbers).
 */
export function citedSourceId(
  claim: { sourceId: string | null },
  theme: { sourceId: string | null } | undefined,
  sources: readonly { id: string }[],
): string | null {
  return claim.sourceId ?? theme?.sourceId ?? sources[0]?.id ?? null;
}

/** How the brief names a source beside its numbers: the analyst's short name, else the publisher, else the headline's start. */
export function sourceName(source: Named): string {
  const given = source.shortName?.trim() || source.publisher.trim();
  if (given) return given;
  const headline = source.titleOriginal.trim();
  return headline.length > MADE_UP_NAME_CHARS ? `${headline.slice(0, MADE_UP_NAME_CHARS - 1).trimEnd()}…` : headline || 'Source';
}

/**
 * Every source's name, told apart: two sources of one publisher (or two pastes) would otherwise
 * both say "[Sohu 1]", so a name already taken gets its place among the sources ("Sohu (2)").
 */
export function sourceNames(sources: readonly Named[]): Map<string, string> {
  const taken = new Set<string>();
  return new Map(
    sources.map((source, index) => {
      const name = sourceName(source);
      const unique = taken.has(name.toLowerCase()) ? `${name} (${index + 1})` : name;
      taken.add(unique.toLowerCase());
      return [source.id, unique];
    }),
  );
}

/** Whether numbers need their source's name beside them: once the brief holds two sources or more. */
export const namesNeeded = (sources: readonly unknown[]): boolean => sources.length > 1;

/** "[19]", or "[Sohu 19]" where the brief holds several sources. */
export const citationLabel = (marker: number, name: string | null): string => (name ? `[${name} ${marker}]` : `[${marker}]`);

/** "1.2 MB", "980 bytes": a file's size as a reader takes it in. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString('en')} bytes`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/** "report.pdf (PDF, 1.2 MB, SHA-256 3f1a…c9d2), imported 2026-01-15 10:00 UTC": where a source came from. */
export function describeProvenance(provenance: SourceProvenance): string {
  const { fileName, format, size, sha256, importedAt } = provenance;
  const when = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(importedAt)
    ? `${importedAt.slice(0, 10)} ${importedAt.slice(11, 16)} UTC`
    : importedAt;
  return `${fileName} (${SOURCE_FORMAT_NAMES[format]}, ${formatSize(size)}, SHA-256 ${sha256}), imported ${when}`;
}
