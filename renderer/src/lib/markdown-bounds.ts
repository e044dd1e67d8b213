// Pure, so the bound is tested under Node with the same marked the page uses (tests/markdown-bounds.test.ts).

/**
 * How deep quotes and lists may nest before the rest of the line is shown as text. marked parses
 * nested blocks recursively: a note of 5,000 nested `>` overflowed its stack and the whole Notes
 * panel failed. No real note needs more than a few levels.
 */
export const MAX_NESTING = 12;

/** Escapes quote markers and list indentation beyond MAX_NESTING, so they read as text. */
export function boundNesting(body: string): string {
  return body
    .split(/(\r\n|\r|\n)/)
    .map((line) => {
      // Quote markers: "> > > text" or ">>>text".
      const quote = /^(?:[ \t]*>){1,}/.exec(line)?.[0];
      if (quote && (quote.match(/>/g) ?? []).length > MAX_NESTING) {
        let seen = 0;
        const cut = quote.replace(/>/g, (marker) => (++seen > MAX_NESTING ? '\\>' : marker));
        return cut + line.slice(quote.length);
      }
      // List markers in a row on one line ("- - - x") nest too; those beyond the bound are escaped.
      const markers = /^(?:[ \t]*(?:[-*+]|\d+[.)])[ \t]+)+/.exec(line)?.[0];
      if (markers && (markers.match(/(?:[-*+]|\d+[.)])(?=[ \t])/g) ?? []).length > MAX_NESTING) {
        let seen = 0;
        const cut = markers.replace(/([-*+]|\d+[.)])(?=[ \t])/g, (marker) => (++seen > MAX_NESTING ? `\\${marker}` : marker));
        return cut + line.slice(markers.length);
      }
      // List items nest by indentation; beyond the bound the indentation is dropped.
      const indent = /^[ \t]+/.exec(line)?.[0] ?? '';
      if (indent.replace(/\t/g, '    ').length > MAX_NESTING * 4) return line.trimStart().replace(/^([-*+]|\d+[.)])(?=\s)/, '\\$1');
      return line;
    })
    .join('');
}
