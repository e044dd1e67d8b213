import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { exportOptionsSchema } from './export-options.ts';
import { SOURCE_FORMATS } from './parsed-source.ts';
import {
  COLOURS,
  COMPARATORS,
  CONFIDENCES,
  CREDIBILITIES,
  DIRECTIONS,
  EVIDENCE_KINDS,
  HIGHLIGHT_TARGETS,
  LIKELIHOODS,
  NOTE_TARGETS,
  RELIABILITIES,
  STANCES,
} from './vocabulary.ts';

// Every edit a user can make to a brief, as data, one entry per kind: its shape (a zod schema the
// router checks before anything runs) and its label (how the Edit menu names it: "Undo Add note").
// `BriefEdit` is derived from this table, and the store's writer must give every kind an apply
// function (db/edit/appliers.ts maps over EditKind), so a kind added here without one, or a
// schema dropped, does not compile.
//
// The schemas check shape only, with generous ceilings that stop absurd payloads; what the values
// mean (a real date, a number, a claim that exists, the real length limits) is checked by the
// writer, which can name the field at fault in a sentence.

const id = z.uuid();
const short = z.string().max(1_000);
const longText = (max: number) => z.string().max(max * 2);
const colour = z.enum(COLOURS);
const direction = z.enum(DIRECTIONS);
const tags = z.array(short).max(100);

const kind = <K extends string, S extends z.ZodRawShape>(name: K, label: string, shape: S) => ({
  label,
  schema: z.strictObject({ kind: z.literal(name), ...shape }),
});

export const EDIT_KINDS = {
  'highlight.add': kind('highlight.add', 'Highlight', {
    targetKind: z.enum(HIGHLIGHT_TARGETS),
    targetId: id,
    start: z.int().min(0),
    end: z.int().min(0),
    colour,
    comment: longText(LIMITS.commentChars).nullable(),
  }),
  'highlight.update': kind('highlight.update', 'Edit highlight', { id, colour, comment: longText(LIMITS.commentChars).nullable() }),
  'highlight.delete': kind('highlight.delete', 'Remove highlight', { id }),
  'note.add': kind('note.add', 'Add note', {
    targetKind: z.enum(NOTE_TARGETS),
    targetId: id.nullable(),
    body: longText(LIMITS.noteChars),
    tags,
  }),
  'note.update': kind('note.update', 'Edit note', { id, body: longText(LIMITS.noteChars), tags }),
  'note.delete': kind('note.delete', 'Delete note', { id }),
  /** `text` carries the citation markers where they stand, as the editor shows them: "… reserves [1][19]". */
  'claim.update': kind('claim.update', 'Edit claim', { id, text: longText(LIMITS.claimChars) }),
  'claim.assess': kind('claim.assess', 'Assess claim', { id, confidence: z.enum(CONFIDENCES).nullable(), judgement: short.nullable() }),
  'claim.add': kind('claim.add', 'Add claim', { themeId: id, text: longText(LIMITS.claimChars) }),
  'claim.move': kind('claim.move', 'Move claim', { id, direction }),
  'claim.delete': kind('claim.delete', 'Delete claim', { id }),
  'theme.add': kind('theme.add', 'Add theme', { title: short }),
  'theme.update': kind('theme.update', 'Rename theme', { id, title: short }),
  'theme.move': kind('theme.move', 'Move theme', { id, direction }),
  'indicator.add': kind('indicator.add', 'Add indicator', { name: short, unit: short, claimId: id.nullable() }),
  'indicator.update': kind('indicator.update', 'Edit indicator', { id, name: short, unit: short, claimId: id.nullable() }),
  /** `value` and `asOf` are what the user typed; the writer reads them, and names the field it cannot read. */
  'observation.add': kind('observation.add', 'Add value', {
    indicatorId: id,
    value: short,
    unit: short,
    comparator: z.enum(COMPARATORS),
    asOf: short,
    claimId: id.nullable(),
  }),
  'observation.delete': kind('observation.delete', 'Remove value', { id }),
  'palette.rename': kind('palette.rename', 'Rename colour', { colour, meaning: short }),
  // The analyst's answer: the bottom line and the key judgments with their evidence.
  'brief.bottomLine': kind('brief.bottomLine', 'Edit bottom line', { text: longText(LIMITS.claimChars).nullable() }),
  'judgment.add': kind('judgment.add', 'Add key judgment', {
    text: longText(LIMITS.claimChars),
    likelihood: z.enum(LIKELIHOODS).nullable(),
    confidence: z.enum(CONFIDENCES).nullable(),
  }),
  'judgment.update': kind('judgment.update', 'Edit key judgment', {
    id,
    text: longText(LIMITS.claimChars),
    likelihood: z.enum(LIKELIHOODS).nullable(),
    confidence: z.enum(CONFIDENCES).nullable(),
  }),
  'judgment.move': kind('judgment.move', 'Move key judgment', { id, direction }),
  'judgment.delete': kind('judgment.delete', 'Delete key judgment', { id }),
  'evidence.link': kind('evidence.link', 'Link evidence', {
    judgmentId: id,
    targetKind: z.enum(EVIDENCE_KINDS),
    targetId: id,
    stance: z.enum(STANCES),
  }),
  'evidence.unlink': kind('evidence.unlink', 'Unlink evidence', { id }),
  // Admiralty grades: a citation number of a source, and the source as a whole.
  'citation.grade': kind('citation.grade', 'Grade reference', {
    sourceId: id,
    marker: z.int().min(0).max(1_000_000),
    reliability: z.enum(RELIABILITIES).nullable(),
    credibility: z.enum(CREDIBILITIES).nullable(),
  }),
  'source.grade': kind('source.grade', 'Grade source', {
    id,
    reliability: z.enum(RELIABILITIES).nullable(),
    credibility: z.enum(CREDIBILITIES).nullable(),
  }),
  // Sources: one read from a file or pasted text, added to the brief as the preview left it (each
  // claim's text with its citation markers where they stand); its short name and headline
  // translation; translations of claims; figures of claims taken as indicators or dismissed.
  'source.add': kind('source.add', 'Add source', {
    /** The main process's receipt for the file it read (it checks `provenance` against it); null from the command line. */
    receipt: id.nullable(),
    provenance: z
      .strictObject({
        fileName: short,
        size: z.int().min(0),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        format: z.enum(SOURCE_FORMATS),
        importedAt: short,
      })
      .nullable(),
    headline: longText(LIMITS.claimChars),
    headlineLanguage: short.nullable(),
    titleTranslation: longText(LIMITS.claimChars).nullable(),
    shortName: short.nullable(),
    publisher: short,
    publishedOn: short.nullable(),
    themes: z
      .array(z.strictObject({ heading: short, claims: z.array(longText(LIMITS.claimChars)).max(LIMITS.sourceClaims) }))
      .max(LIMITS.sourceThemes),
  }),
  'source.update': kind('source.update', 'Edit source', {
    id,
    shortName: short.nullable(),
    titleTranslation: longText(LIMITS.claimChars).nullable(),
  }),
  'claim.translate': kind('claim.translate', 'Translate claim', { id, translation: longText(LIMITS.claimChars).nullable() }),
  /** A figure of a claim taken as an indicator's value (into the indicator of that name if the brief has one). */
  'figure.accept': kind('figure.accept', 'Add indicator from figure', {
    claimId: id,
    quote: short,
    name: short,
    unit: short,
    value: short,
    comparator: z.enum(COMPARATORS),
    asOf: short,
  }),
  'figure.dismiss': kind('figure.dismiss', 'Dismiss figure', { claimId: id, quote: short }),
  /** The composer's settings, kept with the brief so they travel with the file. */
  'export.settings': kind('export.settings', 'Change export settings', { options: exportOptionsSchema }),
};

export type EditKind = keyof typeof EDIT_KINDS;

/** One edit of a brief; `Edit<'note.add'>` is one kind's shape. */
export type Edit<K extends EditKind> = z.infer<(typeof EDIT_KINDS)[K]['schema']>;
export type BriefEdit = { [K in EditKind]: Edit<K> }[EditKind];

const schemas = Object.values(EDIT_KINDS).map((entry) => entry.schema);
/** The router's check of a `brief:edit` argument: exactly one of the kinds above. */
export const briefEditSchema = z.discriminatedUnion(
  'kind',
  schemas as unknown as [(typeof schemas)[number], ...(typeof schemas)[number][]],
) as z.ZodType<BriefEdit>;

/** How the Edit menu names an edit: "Undo Add note". */
export const editLabel = (kind: EditKind): string => EDIT_KINDS[kind].label;

export interface HistoryState {
  /** Label of the edit Undo would take back, or null. */
  undo: string | null;
  redo: string | null;
}
