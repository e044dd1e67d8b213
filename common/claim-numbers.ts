// "2.1" is the first claim of the second theme: how analysts refer to claims. One numbering for
// the reading views, the export, search hits and the merge review.

/** The number of the claim at `claimIndex` in the theme at `themeIndex` (both from 0). */
export const claimNumber = (themeIndex: number, claimIndex: number): string => `${themeIndex + 1}.${claimIndex + 1}`;

/** Every claim's number, by claim id, for themes in reading order. */
export function claimNumbers(themes: readonly { claims: readonly { id: string }[] }[]): Map<string, string> {
  const numbers = new Map<string, string>();
  themes.forEach((theme, t) => theme.claims.forEach((claim, c) => numbers.set(claim.id, claimNumber(t, c))));
  return numbers;
}

/** `numbers` with more claims' numbers (a long brief's, named before they come); `numbers` wins where both have one. */
export function withNumbers(numbers: ReadonlyMap<string, string>, more: Readonly<Record<string, string>>): ReadonlyMap<string, string> {
  return new Map([...Object.entries(more), ...numbers]);
}
