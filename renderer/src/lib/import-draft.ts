// The import preview's working copy of a source read for import: what the analyst adjusts (the
// headline, a translation of it, a short name, themes renamed, claims merged, split or removed)
// before "Add to brief" turns it into one `source.add` edit. Each claim is held as the editor shows
// it, its citation markers where they stand ("Output will reach 5,000 tons by 2030 [1][4]."), so a
// merge or a split keeps every marker with the words it follows. Pure: tested without a page
// (tests/import-draft.test.ts); components/ImportPreview.svelte holds a draft in its state.
import { formatClaim } from '../../../common/claim-text.ts';
import type { Edit } from '../../../common/edits.ts';
import type { SourcePreview } from '../../../common/ipc/contract.ts';
import { SOURCE_FORMAT_NAMES } from '../../../common/parsed-source.ts';

export interface DraftClaim {
  /** Stable while the draft lives, so the preview's lists keep each textarea (and its caret) with its claim. */
  key: number;
  /** The claim with its markers, as typed. */
  text: string;
}

export interface DraftTheme {
  key: number;
  heading: string;
  claims: DraftClaim[];
}

export interface ImportDraft {
  headline: string;
  /** Ours, never the source's: empty when there is none. */
  titleTranslation: string;
  shortName: string;
  publisher: string;
  /** YYYY-MM-DD or empty. */
  publishedOn: string;
  themes: DraftTheme[];
}

/** Where a claim stands in the draft: its theme's index and its own, both from 0. */
export interface ClaimAt {
  theme: number;
  claim: number;
}

let lastKey = 0;
const nextKey = () => ++lastKey;

const MARKER = /\[\d+\]/g;
const EXTENSION = /\.[A-Za-z0-9]{1,5}$/;

/** The name a brief shows beside this source's citation numbers: its publisher, else its file's name without the extension. */
export function suggestedShortName(preview: SourcePreview): string {
  const publisher = preview.source.publisher?.trim();
  if (publisher) return publisher;
  return preview.provenance.fileName.replace(EXTENSION, '').trim();
}

/** The draft as the reader left the source: every claim written back with its markers where they stood. */
export function draftFromPreview(preview: SourcePreview): ImportDraft {
  const { source } = preview;
  return {
    headline: source.headline,
    titleTranslation: '',
    shortName: suggestedShortName(preview),
    publisher: source.publisher ?? '',
    publishedOn: source.publishedOn ?? '',
    themes: source.themes.map((theme) => ({
      key: nextKey(),
      heading: theme.heading,
      claims: theme.claims.map((claim) => ({
        key: nextKey(),
        text: formatClaim({
          text: claim.text,
          citations: claim.citations.map((marker, index) => ({ marker, offset: claim.citationOffsets[index] ?? claim.text.length })),
        }),
      })),
    })),
  };
}

/** Replaces one theme's claims, leaving every other theme (and the draft passed in) as it was. */
function withClaims(themes: readonly DraftTheme[], at: number, claims: (claims: DraftClaim[]) => DraftClaim[]): DraftTheme[] {
  return themes.map((theme, index) => (index === at ? { ...theme, claims: claims([...theme.claims]) } : theme));
}

export function renameTheme(themes: readonly DraftTheme[], at: number, heading: string): DraftTheme[] {
  return themes.map((theme, index) => (index === at ? { ...theme, heading } : theme));
}

export function editClaim(themes: readonly DraftTheme[], { theme, claim }: ClaimAt, text: string): DraftTheme[] {
  return withClaims(themes, theme, (claims) => claims.map((c, index) => (index === claim ? { ...c, text } : c)));
}

/** Whether a claim has a next one in its theme to merge with (merging never crosses a heading). */
export const canMergeWithNext = (themes: readonly DraftTheme[], { theme, claim }: ClaimAt): boolean =>
  claim + 1 < (themes[theme]?.claims.length ?? 0);

/** Joins a claim and the next one of its theme with a space; both keep their markers where they stood. */
export function mergeWithNext(themes: readonly DraftTheme[], at: ClaimAt): DraftTheme[] {
  if (!canMergeWithNext(themes, at)) return [...themes];
  return withClaims(themes, at.theme, (claims) => {
    const [first, second] = [claims[at.claim]!, claims[at.claim + 1]!];
    claims.splice(at.claim, 2, { key: first.key, text: `${first.text.trimEnd()} ${second.text.trimStart()}` });
    return claims;
  });
}

/** A split point never falls inside a marker ("[1|9]"): it moves to the marker's end. */
function outsideMarkers(text: string, at: number): number {
  for (const match of text.matchAll(MARKER))
    if (at > match.index && at < match.index + match[0].length) return match.index + match[0].length;
  return at;
}

/**
 * Where a claim's first sentence ends, its markers included ("… by 2030 [1]. Two plants [2]." →
 * after "[1]."; "… by 2030. [1] Two …" → after "[1]"); null when it is one sentence.
 */
export function firstSentenceEnd(text: string): number | null {
  const end = /[.!?](?:\s*\[\d+\])*(?=\s+\S)|[。！？](?:\s*\[\d+\])*(?=\S)/u.exec(text);
  return end ? end.index + end[0].length : null;
}

/**
 * Where Split cuts a claim: at the caret when it stands inside the words (not at either end), else
 * after the first sentence; null when neither gives two non-empty parts.
 */
export function splitPoint(text: string, caret: number | null): number | null {
  const cut = (at: number | null) => {
    if (at === null) return null;
    const point = outsideMarkers(text, at);
    return text.slice(0, point).trim() !== '' && text.slice(point).trim() !== '' ? point : null;
  };
  return cut(caret) ?? cut(firstSentenceEnd(text));
}

/** Splits a claim in two at `splitPoint`; unchanged (a copy) when there is nowhere to split. */
export function splitClaim(themes: readonly DraftTheme[], at: ClaimAt, caret: number | null): DraftTheme[] {
  const claim = themes[at.theme]?.claims[at.claim];
  const point = claim ? splitPoint(claim.text, caret) : null;
  if (!claim || point === null) return [...themes];
  return withClaims(themes, at.theme, (claims) => {
    claims.splice(
      at.claim,
      1,
      { key: claim.key, text: claim.text.slice(0, point).trimEnd() },
      { key: nextKey(), text: claim.text.slice(point).trimStart() },
    );
    return claims;
  });
}

/** Takes a claim out of the draft; a theme left without claims stays, empty, until the source is added (it is not sent). */
export function removeClaim(themes: readonly DraftTheme[], at: ClaimAt): DraftTheme[] {
  return withClaims(themes, at.theme, (claims) => claims.filter((_, index) => index !== at.claim));
}

export interface DraftCounts {
  themes: number;
  claims: number;
  citations: number;
}

/** What "Add to brief" would add: themes that keep a claim, claims with words, and their markers. */
export function countDraft(themes: readonly DraftTheme[]): DraftCounts {
  const counts = { themes: 0, claims: 0, citations: 0 };
  for (const theme of themes) {
    const claims = theme.claims.filter((claim) => claim.text.trim() !== '');
    if (claims.length === 0) continue;
    counts.themes++;
    counts.claims += claims.length;
    for (const claim of claims) counts.citations += claim.text.match(MARKER)?.length ?? 0;
  }
  return counts;
}

const plural = (count: number, noun: string) => `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;

/** "3 themes, 11 claims, 14 citations". */
export function describeCounts(counts: DraftCounts): string {
  return [plural(counts.themes, 'theme'), plural(counts.claims, 'claim'), plural(counts.citations, 'citation')].join(', ');
}

/** "magnets.md · Markdown · 1.2 KB · SHA-256 3f2a9c01b2de": where the source came from, as the preview shows it. */
export function describeProvenance(preview: SourcePreview): { fileName: string; format: string; size: string; sha256: string } {
  const { provenance } = preview;
  return {
    fileName: provenance.fileName,
    format: SOURCE_FORMAT_NAMES[provenance.format],
    size: formatBytes(provenance.size),
    sha256: provenance.sha256.slice(0, 12),
  };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/** The one edit that adds the source as the draft stands; the provenance goes back exactly as main measured it. */
export function sourceAddEdit(preview: SourcePreview, draft: ImportDraft): Edit<'source.add'> {
  const orNull = (text: string) => text.trim() || null;
  return {
    kind: 'source.add',
    receipt: preview.receipt,
    provenance: preview.provenance,
    headline: draft.headline.trim(),
    headlineLanguage: preview.source.headlineLanguage,
    titleTranslation: orNull(draft.titleTranslation),
    shortName: orNull(draft.shortName),
    publisher: draft.publisher.trim(),
    publishedOn: orNull(draft.publishedOn),
    themes: draft.themes
      .map((theme) => ({
        heading: theme.heading.trim(),
        claims: theme.claims.map((claim) => claim.text.trim()).filter((text) => text !== ''),
      }))
      .filter((theme) => theme.claims.length > 0),
  };
}
