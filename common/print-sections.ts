// A long brief is printed in sections joined into one PDF (renderer/src/print/sections.ts cuts and
// shows them, electron/services/exports/join-sections.ts joins them). What both sides must agree on:

/**
 * The address a section gives a link whose target is printed in another section (Chromium drops a
 * link it cannot resolve); the join turns it back into a link to the target's named destination.
 */
export const CROSS_SECTION_LINK = 'briefing-anchor:';

/** An anchor as a link names it (`#name`, percent-encoded or not); a malformed escape is taken as written. */
export function anchorName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}
