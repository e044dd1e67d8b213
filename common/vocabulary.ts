// The words a brief is made of, as closed lists: each is a type and its runtime list, so the
// store's CHECK constraints, the router's schemas and the renderer's pickers say the same thing.

export const COLOURS = ['yellow', 'green', 'red', 'blue'] as const;
export type Colour = (typeof COLOURS)[number];
/** What each highlight colour means until the user renames it. */
export const DEFAULT_MEANINGS: Record<Colour, string> = { yellow: 'Key fact', green: 'Supports', red: 'Doubtful', blue: 'Follow up' };

/** The analyst's confidence in a claim (DESIGN.md section 9): a judgment about the evidence. */
export const CONFIDENCES = ['low', 'moderate', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const NOTE_TARGETS = ['brief', 'theme', 'claim', 'indicator', 'source'] as const;
export type NoteTarget = (typeof NOTE_TARGETS)[number];

export const HIGHLIGHT_TARGETS = ['claim', 'source'] as const;
export type HighlightTarget = (typeof HIGHLIGHT_TARGETS)[number];

/** How a figure is stated in the text; drives how it is shown. */
export const COMPARATORS = ['equal', 'about', 'less-than', 'more-than', 'rank'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const DIRECTIONS = ['up', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];
