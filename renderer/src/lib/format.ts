/** A claim's text split around its citation markers, for rendering the markers as chips. */
export function splitAtCitations<C extends { offset: number }>(text: string, citations: readonly C[]): { text: string; citations: C[] }[] {
  const parts: { text: string; citations: C[] }[] = [];
  let last = 0;
  for (const citation of [...citations].sort((a, b) => a.offset - b.offset)) {
    const previous = parts.at(-1);
    if (previous && citation.offset === last && previous.citations.length > 0) {
      previous.citations.push(citation);
      continue;
    }
    parts.push({ text: text.slice(last, citation.offset), citations: [citation] });
    last = citation.offset;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last), citations: [] });
  return parts;
}

export interface Mark {
  id: string;
  colour: string;
  start: number;
  end: number;
}

export interface Segment<C> {
  text: string;
  /** The highlight over this stretch of text (the latest made, where two overlap), or null. */
  mark: Mark | null;
  /** Citation chips that follow this stretch. */
  citations: C[];
}

/**
 * A text cut at citation markers and at highlight edges, so each stretch renders as plain text
 * or a <mark>, followed by its citation chips. Offsets count characters of the text alone.
 */
export function segmentText<C extends { offset: number }>(text: string, citations: readonly C[], marks: readonly Mark[]): Segment<C>[] {
  const cuts = new Set([0, text.length]);
  for (const c of citations) cuts.add(Math.min(c.offset, text.length));
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(m.start, text.length)));
    cuts.add(Math.max(0, Math.min(m.end, text.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment<C>[] = [];
  for (let i = 0; i < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1] ?? start;
    const at = citations.filter((c) => Math.min(c.offset, text.length) === start);
    // Chips standing at this point belong after the previous stretch.
    if (at.length > 0 && segments.length > 0) segments.at(-1)!.citations.push(...at);
    else if (at.length > 0) segments.push({ text: '', mark: null, citations: [...at] });
    if (end > start) {
      const mark = marks.filter((m) => m.start <= start && m.end >= end).at(-1) ?? null;
      segments.push({ text: text.slice(start, end), mark, citations: [] });
    }
  }
  return segments;
}
