import { CHART_ITEMS, type ExportDocument, type ExportSection } from '../../../common/export-document.ts';

// A long brief is drawn a part at a time: each part is drawn by Svelte, copied (static-copy.ts) and
// let go before the next is drawn, so the brief is never alive twice. Drawn whole, a 1,935-page
// brief's Svelte tree and its copy were both alive for a moment: 1.8 GB in the print view's
// renderer. The parts are the document cut between claims, charts and highlight notes; their copies
// are joined into one, the same as the document drawn whole (a test compares the two).

export { CHART_ITEMS };

/** One part of a document to draw: the document cut down to what the part holds. */
export interface DocumentPart {
  doc: ExportDocument;
  /** The part that begins the document: the title block, bottom line, judgments, notes and contents are drawn with it. */
  front: boolean;
}

/**
 * `doc` in parts of about `items` items each (claims, a theme's notes, indicators, references,
 * highlight notes, charts by CHART_ITEMS); 0 draws it whole. A theme, the charts or the highlight
 * notes may be cut between parts: they go on in the next part, their heading drawn again there and
 * dropped by `joinPart`.
 */
export function partsOf(doc: ExportDocument, items: number): DocumentPart[] {
  // Anything but a whole number of items from 1 (0, NaN) draws the document whole: a part of none would never end.
  if (!(items >= 1) || doc.empty) return [{ doc, front: true }];
  items = Math.floor(items);
  const blank = (): ExportDocument => ({ ...doc, sections: [], indicators: [], charts: [], references: [], annotations: null });
  const parts: DocumentPart[] = [];
  let part = blank();
  let room = items;
  const next = () => {
    parts.push({ doc: part, front: parts.length === 0 });
    part = blank();
    room = items;
  };
  for (const section of doc.sections) {
    let from = 0;
    do {
      if (room <= 0) next();
      const notes = from === 0 ? section.notes : [];
      const claims = section.claims.slice(from, from + room);
      part.sections.push({ ...section, notes, claims } satisfies ExportSection);
      room -= notes.length + Math.max(1, claims.length);
      from += claims.length;
    } while (from < section.claims.length);
  }
  // The indicators' table with their first charts; the charts go on in later parts (a chart's canvas is 3.3 MB).
  if (doc.indicators.length + doc.charts.length > 0) {
    if (room <= 0) next();
    part.indicators = doc.indicators;
    room -= doc.indicators.length;
    // At least one chart a part, so the charts left always start a part of their own.
    for (let charted = 0; ; next()) {
      part.charts = doc.charts.slice(charted, charted + Math.max(1, Math.floor(room / CHART_ITEMS)));
      room -= part.charts.length * CHART_ITEMS;
      charted += part.charts.length;
      if (charted >= doc.charts.length) break;
    }
  }
  if (doc.references.length > 0 && room <= 0) next();
  part.references = doc.references;
  room -= doc.references.reduce((sum, group) => sum + group.references.length, 0);
  if (doc.annotations) {
    const { legend, notes, orphans } = doc.annotations;
    let from = 0;
    do {
      if (room <= 0) next();
      const slice = notes.slice(from, from + room);
      const last = from + slice.length >= notes.length;
      // The legend with the first notes, the orphans (few: highlights whose words are gone) with the last.
      part.annotations = { legend: from === 0 ? legend : [], notes: slice, orphans: last ? orphans : [] };
      room -= slice.length + (last ? orphans.length : 0);
      from += slice.length;
    } while (from < notes.length);
  }
  parts.push({ doc: part, front: parts.length === 0 });
  return parts;
}

/**
 * Joins the drawn copy of a later part (its `article`) onto the document drawn so far: a part that
 * goes on with the document's last part (a theme, the highlight notes: the same id) loses what was
 * drawn again (the part's heading, a subheading already there) and its list goes on in the list
 * before it; anything else is added as it is.
 */
export function joinPart(whole: Element, part: Element): void {
  for (const node of [...part.childNodes]) {
    const last = whole.lastElementChild;
    if (node instanceof Element && node.id !== '' && last?.id === node.id) goOn(last, node);
    else whole.append(node);
  }
}

function goOn(into: Element, part: Element): void {
  for (const node of [...part.childNodes]) {
    if (!(node instanceof Element)) {
      into.append(node);
      continue;
    }
    // The part's heading (without an id: themes are found by their section's), or a subheading already drawn.
    if (node === part.firstElementChild && node.matches('h2')) continue;
    if (node.id !== '' && into.querySelector(`#${CSS.escape(node.id)}`)) continue;
    const last = into.lastElementChild;
    if (node.matches('ul') && last?.matches('ul') && last.className === node.className) last.append(...node.childNodes);
    else into.append(node);
  }
}
