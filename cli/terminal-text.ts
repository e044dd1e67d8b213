// Text from a file, made safe to print in a terminal. A brief's titles, authors, conflict fields
// and even the names in its schema are written by whoever sent the file; a terminal obeys what it
// prints (ESC sequences set the window title, erase lines, move the cursor; C1 controls do the
// same on some terminals; \r and \n forge lines of our own output; bidi overrides reorder what is
// read; invisible characters hide what is there). Everything the CLI prints that came from a file
// goes through one of the two functions here; what they show stays readable and tells the reader
// something was there.

/**
 * What a terminal could act on, or a reader not see: C0 controls (line breaks included: a field is
 * one line), DEL, C1 controls, the Arabic letter mark, zero-width space, LRM and RLM, line and
 * paragraph separators, bidi embeddings, overrides and isolates, word joiner and invisible
 * operators, the byte order mark, soft hyphen, interlinear annotation marks, Hangul fillers, tag
 * characters and unpaired surrogates. Zero-width joiner and non-joiner stay: scripts (Persian, the
 * Indic scripts) and emoji need them, and they move nothing.
 */
const INVISIBLE = String.raw`\x7f-\x9f\xad\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}`;
const UNSAFE = new RegExp(String.raw`[\x00-\x1f${INVISIBLE}]|\p{Cs}`, 'gu');
/** In JSON, C0 controls are escaped by JSON.stringify, and a raw line break is the layout's own. */
const UNSAFE_IN_JSON = new RegExp(`[${INVISIBLE}]`, 'gu');

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visible(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0)!;
  if (code < 0x80) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}

export interface TerminalTextOptions {
  /** Longest text shown, in characters (code points); the rest is counted, not printed. */
  maxLength?: number;
}

/**
 * One line of text from a file, safe to print: every character a terminal could act on or a
 * reader could not see is shown as its escape (`\x1b`, `\n`, `\u202e`), and a very long value is
 * cut (a megabyte title is not printed whole).
 */
export function terminalText(value: unknown, { maxLength = 500 }: TerminalTextOptions = {}): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  let shown = text;
  let leftOut = 0;
  if (text.length > maxLength) {
    const chars = Array.from(text);
    if (chars.length > maxLength) {
      shown = chars.slice(0, maxLength).join('');
      leftOut = chars.length - maxLength;
    }
  }
  const safe = shown.replace(UNSAFE, visible);
  return leftOut > 0 ? `${safe}… (${leftOut} more characters)` : safe;
}

/**
 * JSON for a terminal: JSON.stringify already writes C0 controls and unpaired surrogates as
 * `\uXXXX`; this writes the rest of what a terminal could act on the same way. Still the same
 * JSON: parsing it gives back exactly the values, text from the file included.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (char) =>
    Array.from({ length: char.length }, (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
}
