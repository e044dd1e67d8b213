// Selecting words with the keyboard alone: a caret and an anchor in one claim's text, moved the
// way text editors move them (arrows by character, Ctrl+arrows or Alt+arrows by word, Home and
// End to the ends; Shift keeps the anchor and so extends the selection). Pure, so it is tested
// without a page; lib/selection.ts turns the offsets into the page's selection.

export interface Caret {
  /** Where the selection started (stays put while Shift is held). */
  anchor: number;
  /** Where the caret is now. */
  focus: number;
}

export interface CaretKey {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The start of the word at or before `at` (Ctrl+←): skips the spaces and punctuation before it. */
export function previousWordStart(text: string, at: number): number {
  let found = 0;
  for (const segment of words.segment(text)) {
    if (segment.index >= at) break;
    if (segment.isWordLike) found = segment.index;
  }
  return found;
}

/** The end of the word at or after `at` (Ctrl+→). */
export function nextWordEnd(text: string, at: number): number {
  for (const segment of words.segment(text)) {
    const end = segment.index + segment.segment.length;
    if (segment.isWordLike && end > at) return end;
  }
  return text.length;
}

/** The caret after a key, or null when the key is not a caret key. */
export function moveCaret(text: string, caret: Caret, press: CaretKey): Caret | null {
  const byWord = press.ctrlKey || press.altKey;
  let focus: number;
  switch (press.key) {
    case 'ArrowLeft':
      focus = byWord ? previousWordStart(text, caret.focus) : Math.max(0, caret.focus - 1);
      break;
    case 'ArrowRight':
      focus = byWord ? nextWordEnd(text, caret.focus) : Math.min(text.length, caret.focus + 1);
      break;
    case 'Home':
    case 'ArrowUp':
      focus = 0;
      break;
    case 'End':
    case 'ArrowDown':
      focus = text.length;
      break;
    default:
      return null;
  }
  // Surrogate pairs (emoji, rare CJK) are one character: never stop between their halves.
  if (focus > 0 && focus < text.length && /[\uDC00-\uDFFF]/.test(text[focus]!)) focus += press.key === 'ArrowLeft' ? -1 : 1;
  return { anchor: press.shiftKey ? caret.anchor : focus, focus };
}

/** The selected range, start before end. */
export function selectedRange(caret: Caret): { start: number; end: number } {
  return { start: Math.min(caret.anchor, caret.focus), end: Math.max(caret.anchor, caret.focus) };
}
