import { createHash } from 'node:crypto';
import { COLOURS, type Colour } from '../../common/vocabulary.ts';
import { invalidInput } from '../../common/errors.ts';

/** One fixed id per colour, so two copies renaming the same colour meet as one item in a merge. */
export function paletteId(colour: Colour): string {
  return `00000000-0000-4000-8000-${(COLOURS.indexOf(colour) + 1).toString(16).padStart(12, '0')}`;
}

/** A name-based UUID (version 5 layout): the same name gives the same id in every copy. */
function nameBasedId(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * One fixed id per tag name, folded as the tags table's NOCASE folds it (ASCII letters only), and
 * one per note and tag: two copies tagging notes "urgent" make the same tag and the same links,
 * which meet as one item each in a merge instead of two rows fighting over one name.
 */
export const tagId = (name: string): string => nameBasedId(`briefing-desk/tag/${name.replace(/[A-Z]/g, (c) => c.toLowerCase())}`);
export const noteTagId = (noteId: string, tagId: string): string => nameBasedId(`briefing-desk/note-tag/${noteId}/${tagId}`);

/**
 * One id per thing graded or linked, derived from what it names: two colleagues grading [19] of a
 * source make the same row, and so do two linking the same claim to the same judgment (linking it
 * again with the other stance changes that row). Each meets as one item in a merge.
 */
export const citationGradeId = (sourceId: string, marker: number): string =>
  nameBasedId(`briefing-desk/citation-grade/${sourceId}/${marker}`);
export const evidenceLinkId = (judgmentId: string, targetKind: string, targetId: string): string =>
  nameBasedId(`briefing-desk/evidence/${judgmentId}/${targetKind}/${targetId}`);
/** A figure of a claim dismissed as an indicator candidate: two colleagues dismissing it make the same row. */
export const dismissedFigureId = (claimId: string, quote: string): string =>
  nameBasedId(`briefing-desk/dismissed-figure/${claimId}/${quote}`);
/** The one row of a brief's export settings. */
export const exportSettingsId = (briefId: string): string => nameBasedId(`briefing-desk/export-settings/${briefId}`);

/** Reads a typed figure: "78", "1,200", "1 200", "55.5", "-3". Anything else is named back to the user. */
export function parseNumber(typed: string): number {
  const text = typed.trim();
  const plain = text.replace(/(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)/g, '');
  if (text === '' || !/^[-+]?(\d+(\.\d+)?|\.\d+)$/.test(plain)) {
    throw invalidInput(
      'value',
      text === '' ? 'Enter a value, like 78 or 1,200.' : `“${text.slice(0, 20)}” is not a number. Enter digits, like 78 or 1,200.`,
    );
  }
  const value = Number(plain);
  if (!Number.isFinite(value)) throw invalidInput('value', 'That number is too large.');
  return value;
}
