// Text the user wrote, as Markdown that shows exactly those characters and never becomes markup.

/** Every way a line can end (CommonMark reads CR, LF and CRLF; editors also break at NEL, LS and PS). */
export const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
/** Other control characters: they mean nothing in a document and some terminals and viewers act on them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text as one line of literal characters: every line ending becomes a space (a lone CR once turned
 * a claim into a heading and a code block), controls are dropped, every ASCII punctuation mark that
 * can start markup is backslash-escaped (CommonMark allows it for any; `=` too, which marks
 * highlights in the Markdown dialects that have them), and a leading marker that would start a list
 * or a setext underline is escaped too.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, '')
    .replace(/\t/g, ' ')
    .replace(/[\\`*_[\]<>|#~!&=]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
