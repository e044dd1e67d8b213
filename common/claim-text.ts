// A claim's text with its citation markers, as the source prints it and the claim editor shows it
// ("… reserves [1][19]"), and the same claim as the store keeps it: the text without markers, and
// each marker with the offset where it stood. Pure, so the store, the importers and the renderer
// read markers the same way.

const CITATION = /\s*\[(\d+)\]/g;

export interface ParsedCitation {
  marker: number;
  offset: number;
}

export interface ParsedClaim {
  text: string;
  citations: ParsedCitation[];
}

export function parseClaim(raw: string): ParsedClaim {
  const citations: ParsedCitation[] = [];
  let text = '';
  let last = 0;
  for (const match of raw.matchAll(CITATION)) {
    text += raw.slice(last, match.index);
    citations.push({ marker: Number(match[1]), offset: text.length });
    last = match.index + match[0].length;
  }
  text = (text + raw.slice(last)).trim();
  for (const citation of citations) citation.offset = Math.min(citation.offset, text.length);
  return { text, citations };
}

/** The claim as the article wrote it: text with its markers put back where they stood. */
export function formatClaim(claim: { text: string; citations: readonly ParsedCitation[] }): string {
  let out = '';
  let last = 0;
  let previousOffset = -1;
  for (const citation of claim.citations) {
    out += claim.text.slice(last, citation.offset);
    if (citation.offset !== previousOffset) out += ' ';
    out += `[${citation.marker}]`;
    last = citation.offset;
    previousOffset = citation.offset;
  }
  return out + claim.text.slice(last);
}

export function isValidDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}
