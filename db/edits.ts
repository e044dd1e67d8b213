import type { Comparator } from './model.ts';

// Every edit a user can make to a brief, as data: the renderer sends one, the router checks its
// shape, BriefWriter.apply checks its meaning and writes it in one transaction, recorded for undo.

export type Colour = 'yellow' | 'green' | 'red' | 'blue';
export const COLOURS: readonly Colour[] = ['yellow', 'green', 'red', 'blue'];
/** What each colour means until the user renames it. */
export const DEFAULT_MEANINGS: Record<Colour, string> = { yellow: 'Key fact', green: 'Supports', red: 'Doubtful', blue: 'Follow up' };

export type Confidence = 'low' | 'moderate' | 'high';
export type NoteTarget = 'brief' | 'theme' | 'claim' | 'indicator' | 'source';
export type Direction = 'up' | 'down';

export type BriefEdit =
  | { kind: 'highlight.add'; targetKind: 'claim' | 'source'; targetId: string; start: number; end: number; colour: Colour; comment: string | null }
  | { kind: 'highlight.update'; id: string; colour: Colour; comment: string | null }
  | { kind: 'highlight.delete'; id: string }
  | { kind: 'note.add'; targetKind: NoteTarget; targetId: string | null; body: string; tags: string[] }
  | { kind: 'note.update'; id: string; body: string; tags: string[] }
  | { kind: 'note.delete'; id: string }
  /** `text` carries the citation markers where they stand, as the editor shows them: "… reserves [1][19]". */
  | { kind: 'claim.update'; id: string; text: string }
  | { kind: 'claim.assess'; id: string; confidence: Confidence | null; judgement: string | null }
  | { kind: 'claim.add'; themeId: string; text: string }
  | { kind: 'claim.move'; id: string; direction: Direction }
  | { kind: 'claim.delete'; id: string }
  | { kind: 'theme.add'; title: string }
  | { kind: 'theme.update'; id: string; title: string }
  | { kind: 'theme.move'; id: string; direction: Direction }
  | { kind: 'indicator.add'; name: string; unit: string; claimId: string | null }
  | { kind: 'indicator.update'; id: string; name: string; unit: string; claimId: string | null }
  /** `value` and `asOf` are what the user typed; the writer reads them, and names the field it cannot read. */
  | { kind: 'observation.add'; indicatorId: string; value: string; unit: string; comparator: Comparator; asOf: string; claimId: string | null }
  | { kind: 'observation.delete'; id: string }
  | { kind: 'palette.rename'; colour: Colour; meaning: string };

export type EditKind = BriefEdit['kind'];

/** How the Edit menu names an edit: "Undo Add note". */
export const EDIT_LABELS: Record<EditKind, string> = {
  'highlight.add': 'Highlight',
  'highlight.update': 'Edit highlight',
  'highlight.delete': 'Remove highlight',
  'note.add': 'Add note',
  'note.update': 'Edit note',
  'note.delete': 'Delete note',
  'claim.update': 'Edit claim',
  'claim.assess': 'Assess claim',
  'claim.add': 'Add claim',
  'claim.move': 'Move claim',
  'claim.delete': 'Delete claim',
  'theme.add': 'Add theme',
  'theme.update': 'Rename theme',
  'theme.move': 'Move theme',
  'indicator.add': 'Add indicator',
  'indicator.update': 'Edit indicator',
  'observation.add': 'Add value',
  'observation.delete': 'Remove value',
  'palette.rename': 'Rename colour',
};

/** The limits the writer enforces; the router's schemas allow a little more so the writer can say what is wrong. */
export const LIMITS = {
  noteChars: 2_000_000,
  commentChars: 10_000,
  claimChars: 20_000,
  shortText: 200,
  tags: 20,
  tagChars: 40,
};

export interface HistoryState {
  /** Label of the edit Undo would take back, or null. */
  undo: string | null;
  redo: string | null;
}
