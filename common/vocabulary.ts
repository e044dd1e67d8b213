// The words a brief is made of, as closed lists: each is a type and its runtime list, so the
// store's CHECK constraints, the router's schemas and the renderer's pickers say the same thing.

export const COLOURS = ['yellow', 'green', 'red', 'blue'] as const;
export type Colour = (typeof COLOURS)[number];
/** What each highlight colour means until the user renames it. */
export const DEFAULT_MEANINGS: Record<Colour, string> = { yellow: 'Key fact', green: 'Supports', red: 'Doubtful', blue: 'Follow up' };

/** The analyst's confidence in a claim (DESIGN.md section 9): a judgment about the evidence. */
export const CONFIDENCES = ['low', 'moderate', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];
/** How the workspace names a confidence ("Moderate confidence"). */
export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  low: 'Low confidence',
  moderate: 'Moderate confidence',
  high: 'High confidence',
};

export const NOTE_TARGETS = ['brief', 'theme', 'claim', 'indicator', 'source'] as const;
export type NoteTarget = (typeof NOTE_TARGETS)[number];

export const HIGHLIGHT_TARGETS = ['claim', 'source'] as const;
export type HighlightTarget = (typeof HIGHLIGHT_TARGETS)[number];

/** How a figure is stated in the text; drives how it is shown. */
export const COMPARATORS = ['equal', 'about', 'less-than', 'more-than', 'rank'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const DIRECTIONS = ['up', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * The likelihood scale of a key judgment (ICD 203; DESIGN.md section 9): each term with its band
 * of probability, in percent. Confidence is a separate judgment and never folded into these.
 */
export const LIKELIHOODS = [
  'almost-no-chance',
  'very-unlikely',
  'unlikely',
  'roughly-even',
  'likely',
  'very-likely',
  'almost-certain',
] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];
export const LIKELIHOOD_SCALE: Record<Likelihood, { term: string; band: readonly [number, number] }> = {
  'almost-no-chance': { term: 'almost no chance', band: [1, 5] },
  'very-unlikely': { term: 'very unlikely', band: [5, 20] },
  unlikely: { term: 'unlikely', band: [20, 45] },
  'roughly-even': { term: 'roughly even chance', band: [45, 55] },
  likely: { term: 'likely', band: [55, 80] },
  'very-likely': { term: 'very likely', band: [80, 95] },
  'almost-certain': { term: 'almost certain', band: [95, 99] },
};
/** "likely (55–80%)": a likelihood as every view and export writes it. */
export const likelihoodLabel = (likelihood: Likelihood): string =>
  `${LIKELIHOOD_SCALE[likelihood].term} (${LIKELIHOOD_SCALE[likelihood].band[0]}–${LIKELIHOOD_SCALE[likelihood].band[1]}%)`;

/** Source reliability, Admiralty / NATO STANAG 2511 (DESIGN.md section 9): graded apart from the information. */
export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITIES)[number];
export const RELIABILITY_MEANINGS: Record<Reliability, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

/** Information credibility, Admiralty / NATO STANAG 2511. */
export const CREDIBILITIES = ['1', '2', '3', '4', '5', '6'] as const;
export type Credibility = (typeof CREDIBILITIES)[number];
export const CREDIBILITY_MEANINGS: Record<Credibility, string> = {
  '1': 'confirmed',
  '2': 'probably true',
  '3': 'possibly true',
  '4': 'doubtful',
  '5': 'improbable',
  '6': 'truth cannot be judged',
};

/** How a piece of evidence bears on a key judgment. */
export const STANCES = ['supports', 'undercuts'] as const;
export type Stance = (typeof STANCES)[number];
/** What a key judgment can rest on. */
export const EVIDENCE_KINDS = ['claim', 'indicator'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
