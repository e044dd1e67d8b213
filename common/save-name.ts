/**
 * A file name offered in a save dialog, made from a title the user typed: characters no file
 * system accepts (and line breaks) become spaces, the length is bounded, and an empty result
 * falls back to "Brief".
 */
export function suggestedFileName(title: string | null | undefined, extension: string): string {
  const stem =
    (title ?? '')
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .slice(0, 80)
      .trim() || 'Brief';
  return `${stem}.${extension}`;
}
