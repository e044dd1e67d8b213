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
