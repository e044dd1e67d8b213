// A PDF report's text layer, read with PDF.js (the serverless build unpdf ships): no script, no
// eval, no font or CMap fetched, no worker loaded, at most PDF_PAGE_LIMIT pages. PDF.js gives runs
// of text with their position and size; the page is put back into reading order here: a gutter
// down the middle makes two columns, read left then right between full-width lines; superscript
// numbers become citation markers; running headers, page numbers and footnote texts are left out;
// larger type is a heading (a theme), and lines are joined into paragraphs (claims).
import { getResolvedPDFJS } from 'unpdf';
import { StoreError } from '../../common/errors.ts';
import type { ParsedSource } from '../../common/parsed-source.ts';
import { PDF_PAGE_LIMIT } from './limits.ts';
import { scanPdfStreams } from './pdf-streams.ts';
import {
  bracketed,
  joinWrapped,
  cleanText,
  finishSource,
  markerNumbers,
  Outline,
  plural,
  primaryLanguage,
  readByline,
  titleFromName,
} from './structure.ts';
import { looksLikeHeading } from './text.ts';

/** PDF.js as this reader runs it: nothing evaluated, fetched or loaded, no fonts installed, no XFA forms. */
export const PDF_OPTIONS = {
  isEvalSupported: false, // PDF.js 6 never evaluates code; older versions honour this
  disableFontFace: true,
  useSystemFonts: false,
  useWorkerFetch: false,
  useWasm: false,
  enableXfa: false,
  disableAutoFetch: true,
  disableStream: true,
  disableRange: true,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  stopAtErrors: false,
  verbosity: 0,
} as const;

interface Run {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  /** A footnote marker: written "[n]" into its line. */
  marker: number[] | null;
}

type Column = 'left' | 'right' | 'span';

interface Line {
  runs: Run[];
  text: string;
  y: number;
  size: number;
  left: number;
  right: number;
  column: Column;
  page: number;
  /** 0 at the page's bottom edge, 1 at its top. */
  height: number;
}

const MARKER_TEXT = /^\[?\d{1,3}(?:[,–-]\d{1,3})*\]?$/;
const ENDS_SENTENCE = /[.!?:;。！？”"’)\]]$/u;
const LIST_START = /^(?:[•‣◦▪–—-]|\(?\d{1,3}[.)]|\d{1,3}(?:\.\d{1,3})+\.?|\(?[a-z][.)])\s/;
/** The end of a sentence, as a paragraph's last line ends. */
const FULL_STOP = /[.!?。！？](?:["”’)\]]|\[\d+\])*$/u;

/** The size most of a document's characters are set in. */
function bodySizeOf(runs: readonly Run[]): number {
  const weight = new Map<number, number>();
  for (const run of runs) {
    const size = Math.round(run.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + run.text.length);
  }
  let best = 10;
  let most = -1;
  for (const [size, count] of weight) if (count > most) [best, most] = [size, count];
  return best;
}

/** A line's words: runs in x order, a space where there is a gap, markers as "[n]". */
function lineText(runs: Run[]): string {
  runs.sort((a, b) => a.x - b.x);
  let text = '';
  let right = -Infinity;
  for (const run of runs) {
    if (run.marker) text += bracketed(run.marker);
    else {
      const gap = run.x - right;
      if (text !== '' && gap > 0.12 * run.size && !/\s$/.test(text.slice(-1)) && !/^\s/.test(run.text)) text += ' ';
      text += run.text;
    }
    right = Math.max(right, run.right);
  }
  const words = cleanText(text);
  // Letter-spaced type ("O F F I C I A L") read as the word it spells.
  return /^(?:[\p{L}\p{N}-] ){3,}[\p{L}\p{N}-]$/u.test(words) ? words.replace(/ /g, '') : words;
}

/**
 * The x of a gutter down the page's middle, if the page is set in two columns: a band in the
 * middle third that no more than a few runs cross, with text on both sides of it.
 */
function gutterOf(runs: readonly Run[], x0: number, width: number): number | null {
  if (runs.length < 6) return null;
  const from = Math.floor(x0 + width * 0.3);
  const to = Math.ceil(x0 + width * 0.7);
  const cover = new Uint32Array(to - from + 1);
  for (const run of runs) {
    for (let x = Math.max(from, Math.floor(run.x)); x <= Math.min(to, Math.ceil(run.right)); x++) cover[x - from]!++;
  }
  let least = Infinity;
  for (const count of cover) least = Math.min(least, count);
  // The middle of the widest stretch at that least coverage.
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < cover.length;) {
    if (cover[i] !== least) {
      i++;
      continue;
    }
    let j = i;
    while (j < cover.length && cover[j] === least) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  if (bestLength < 4) return null;
  const gutter = from + bestStart + bestLength / 2;
  const leftOnly = runs.filter((run) => run.right <= gutter).length;
  const rightOnly = runs.filter((run) => run.x >= gutter).length;
  return leftOnly >= 3 && rightOnly >= 3 && least <= 0.25 * Math.min(leftOnly, rightOnly) ? gutter : null;
}

/** Runs on one baseline and one side of the gutter as lines. */
function linesOf(runs: Run[], column: Column, page: number, y0: number, pageHeight: number): Line[] {
  const lines: { runs: Run[]; y: number; size: number }[] = [];
  for (const run of [...runs].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l.y - run.y) <= 0.35 * Math.max(l.size, run.size));
    if (line) {
      line.runs.push(run);
      line.size = Math.max(line.size, run.size);
    } else lines.push({ runs: [run], y: run.y, size: run.size });
  }
  return lines.map((line) => ({
    runs: line.runs,
    text: lineText(line.runs),
    y: line.y,
    size: line.size,
    left: line.runs.reduce((least, r) => Math.min(least, r.x), Infinity),
    right: line.runs.reduce((most, r) => Math.max(most, r.right), -Infinity),
    column,
    page,
    height: (line.y - y0) / pageHeight,
  }));
}

interface PageText {
  number: number;
  x0: number;
  y0: number;
  width: number;
  height: number;
  runs: Run[];
}

/** A page's lines in reading order: between full-width lines, the left column top to bottom, then the right. */
function readingOrder(page: PageText): Line[] {
  const markers: Run[] = [];
  const text: Run[] = [];
  for (const run of page.runs) (MARKER_TEXT.test(run.text.trim()) ? markers : text).push(run);
  // A small number raised above a larger run beside it is a footnote marker; any other stays text.
  const hosts = new Map<Run, Run[]>();
  // How far right a run reaches with the markers already set after it ("… issue[1][19]").
  const reach = new Map<Run, number>();
  for (const marker of markers.sort((x, y) => x.x - y.x)) {
    const host = text.find(
      (run) =>
        run.size >= 1.2 * marker.size &&
        marker.y > run.y + 0.1 * run.size &&
        marker.y < run.y + run.size &&
        marker.x >= run.x - 3 * marker.size &&
        marker.x <= (reach.get(run) ?? run.right) + run.size,
    );
    const numbers = host
      ? markerNumbers(
          marker.text
            .trim()
            .replace(/^\[|\]$/g, '')
            .replace(/–/g, '-'),
        )
      : null;
    if (host && numbers) {
      hosts.set(host, [...(hosts.get(host) ?? []), { ...marker, marker: numbers, y: host.y }]);
      reach.set(host, Math.max(reach.get(host) ?? host.right, marker.right));
    } else text.push(marker);
  }
  const gutter = gutterOf(text, page.x0, page.width);
  const sides: Record<Column, Run[]> = { left: [], right: [], span: [] };
  for (const run of text) {
    const side: Column = gutter === null ? 'span' : run.right <= gutter ? 'left' : run.x >= gutter ? 'right' : 'span';
    sides[side].push(run, ...(hosts.get(run) ?? []));
  }
  const lines = (['left', 'right', 'span'] as const).flatMap((side) => linesOf(sides[side], side, page.number, page.y0, page.height));
  lines.sort((a, b) => b.y - a.y);
  const ordered: Line[] = [];
  let left: Line[] = [];
  let right: Line[] = [];
  const flush = () => {
    ordered.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const line of lines) {
    if (line.column === 'left') left.push(line);
    else if (line.column === 'right') right.push(line);
    else {
      flush();
      ordered.push(line);
    }
  }
  flush();
  return ordered;
}

const shape = (text: string) => text.toLowerCase().replace(/\d+/g, '#');
const PAGE_NUMBER = /^(?:page\s+)?#(?:\s*(?:of|\/)\s*#)?$|^[-–—]\s*#\s*[-–—]$/;

/** Running headers and footers (the same words at a page's edge on most pages) and page numbers. */
function furniture(pages: readonly Line[][]): Set<Line> {
  const atEdge = (line: Line) => line.height > 0.88 || line.height < 0.12;
  const counts = new Map<string, number>();
  for (const lines of pages)
    for (const key of new Set(lines.filter(atEdge).map((l) => shape(l.text)))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const dropped = new Set<Line>();
  for (const lines of pages) {
    for (const line of lines.filter(atEdge)) {
      const key = shape(line.text);
      if (PAGE_NUMBER.test(key) || (pages.length >= 2 && (counts.get(key) ?? 0) >= Math.max(2, pages.length / 2))) dropped.add(line);
    }
  }
  return dropped;
}

/** Footnote texts at a page's foot: in smaller type, in its lower half, starting with their number. */
function footnotes(lines: readonly Line[], bodySize: number): Set<Line> {
  const dropped = new Set<Line>();
  let inside = false;
  for (const line of lines) {
    const small = line.size <= 0.9 * bodySize;
    if (small && line.height < 0.5 && (/^\[\d{1,3}\]/.test(line.text) || /^\d{1,3}[\s.)]\s*\p{L}/u.test(line.text))) inside = true;
    else if (!small || line.height >= 0.5) inside = false;
    if (inside) dropped.add(line);
  }
  return dropped;
}

interface Block {
  kind: 'heading' | 'paragraph';
  lines: Line[];
}

const blockText = (block: Block) => joinWrapped(block.lines.map((line) => line.text));
/** A paragraph's own number or bullet ("2.1", "•", "(a)"): layout, not the claim's words. */
const NUMBERING = /^(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]|\(?[a-z]\)|[•‣◦▪–—-])\s+(?=\S)/;

/** Lines in reading order as headings (larger type) and paragraphs (a gap, a short last line, a list mark or a change of size ends one). */
function blocksOf(lines: readonly Line[], bodySize: number): Block[] {
  // The usual distance between lines of a paragraph.
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [p, l] = [lines[i - 1]!, lines[i]!];
    const gap = p.y - l.y;
    if (p.page === l.page && p.column === l.column && Math.abs(p.size - l.size) < 0.05 * p.size && gap > 0 && gap < 3 * p.size)
      gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  const leading = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)]! : 1.2 * bodySize;
  // Each column's edges on each page: a paragraph's last line stops well short of the right one.
  const columnRight = new Map<string, number>();
  const columnLeft = new Map<string, number>();
  for (const line of lines) {
    const key = `${line.page}:${line.column}`;
    columnRight.set(key, Math.max(columnRight.get(key) ?? 0, line.right));
    columnLeft.set(key, Math.min(columnLeft.get(key) ?? Infinity, line.left));
  }
  const blocks: Block[] = [];
  for (const line of lines) {
    const heading = line.size >= 1.15 * bodySize && line.text.length <= 200;
    const previous = blocks.at(-1);
    const p = previous?.lines.at(-1);
    let joins = false;
    if (previous && p) {
      if (heading || previous.kind === 'heading') {
        joins =
          heading &&
          previous.kind === 'heading' &&
          p.page === line.page &&
          Math.abs(p.size - line.size) < 0.05 * p.size &&
          p.y - line.y <= 1.6 * p.size;
      } else if (p.page !== line.page || p.column !== line.column || line.y > p.y) {
        joins = !ENDS_SENTENCE.test(p.text) && !LIST_START.test(line.text);
      } else {
        const key = `${p.page}:${p.column}`;
        const [right, left] = [columnRight.get(key) ?? p.right, columnLeft.get(key) ?? p.left];
        const shortLast = FULL_STOP.test(p.text) && p.right < right - 0.2 * (right - left);
        const indented = FULL_STOP.test(p.text) && line.left > p.left + 1.5 * line.size;
        joins =
          p.y - line.y <= 1.35 * leading &&
          Math.abs(p.size - line.size) <= 0.1 * bodySize &&
          !LIST_START.test(line.text) &&
          !shortLast &&
          !indented;
      }
    }
    if (joins) previous!.lines.push(line);
    else blocks.push({ kind: heading ? 'heading' : 'paragraph', lines: [line] });
  }
  // A paragraph of one short line with no full stop, at body size, reads as a heading set in bold.
  for (const block of blocks) {
    const text = blockText(block);
    if (block.kind === 'paragraph' && block.lines.length === 1 && text.length <= 80 && !ENDS_SENTENCE.test(text) && looksLikeHeading(text))
      block.kind = 'heading';
  }
  return blocks;
}

const refuse = (message: string) => new StoreError('bad-article', message);

const usableTitle = (title: unknown): string | null => {
  const text = typeof title === 'string' ? cleanText(title) : '';
  return text && !/^(?:untitled|document\d*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|indd|pptx?))$/i.test(text) ? text : null;
};

/** A PDF report as a source. */
export async function parsePdf(bytes: Buffer, name: string): Promise<ParsedSource> {
  const { javascript } = scanPdfStreams(bytes, name);
  const { getDocument } = await getResolvedPDFJS();
  // PDF.js takes the array it is given; a copy keeps the caller's bytes whole.
  const task = getDocument({ ...PDF_OPTIONS, data: new Uint8Array(bytes) } as Parameters<typeof getDocument>[0]);
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    if ((error as { name?: string }).name === 'PasswordException')
      throw refuse(`${name} is protected by a password; open it, save a copy without the password and import that.`);
    throw refuse(`${name} is damaged or not a PDF Briefing Desk can read; ask the sender for a fresh copy.`);
  }
  try {
    const count = document.numPages;
    if (count > PDF_PAGE_LIMIT)
      throw refuse(
        `${name} has ${count.toLocaleString('en')} pages; Briefing Desk reads at most ${PDF_PAGE_LIMIT}, so split the report and import the part you need.`,
      );
    const { info } = (await document.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const pages: PageText[] = [];
    let blank = 0;
    for (let number = 1; number <= count; number++) {
      const page = await document.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, c, d, x, y] = item.transform as number[];
        // Rotated text (a margin stamp, a table header on its side) is not part of the reading.
        if (Math.abs(b!) > 0.1 * Math.abs(a!) || Math.abs(c!) > 0.1 * Math.abs(d!)) continue;
        const size = Math.abs(d!) || item.height;
        runs.push({ text: item.str, x: x!, right: x! + item.width, y: y!, size, marker: null });
      }
      if (runs.length === 0) blank++;
      pages.push({ number, x0, y0, width: x1 - x0, height: y1 - y0, runs });
      page.cleanup();
    }
    if (pages.every((page) => page.runs.length === 0))
      throw refuse(
        `${name} has no text to read (it is probably a scan of printed pages); run it through text recognition (OCR) first, or paste its text.`,
      );

    const bodySize = bodySizeOf(pages.flatMap((page) => page.runs));
    const ordered = pages.map((page) => readingOrder(page));
    const furnitureLines = furniture(ordered);
    const lines = ordered.flatMap((pageLines) => {
      const kept = pageLines.filter((line) => !furnitureLines.has(line));
      const notes = footnotes(kept, bodySize);
      return kept.filter((line) => !notes.has(line));
    });

    // The headline: the largest type in the top half of the first page, when it stands out; else the document's title.
    const firstPage = lines.filter((line) => line.page === 1 && line.height > 0.5);
    const largest = firstPage.reduce((most, line) => Math.max(most, line.size), 0);
    let headlineLines: Line[] = [];
    if (largest >= 1.25 * bodySize) {
      const start = lines.findIndex((line) => line.page === 1 && line.size === largest);
      headlineLines = [lines[start]!];
      for (let i = start + 1; i < lines.length && lines[i]!.size === largest && lines[i - 1]!.y - lines[i]!.y <= 1.6 * largest; i++)
        headlineLines.push(lines[i]!);
    }
    const headline = headlineLines.length > 0 ? joinWrapped(headlineLines.map((line) => line.text)) : usableTitle(info.Title);
    let rest = lines.filter((line) => !headlineLines.includes(line));
    const facts = {
      headline,
      headlineLanguage: primaryLanguage(typeof info.Language === 'string' ? info.Language : null),
      publisher: null as string | null,
      publishedOn: null as string | null,
    };
    const byline = rest[0] && rest[0].page === 1 ? readByline(rest[0].text) : null;
    if (byline) {
      facts.publisher = byline.publisher;
      facts.publishedOn = byline.publishedOn;
      rest = rest.slice(1);
    }

    const outline = new Outline(titleFromName(name));
    for (const block of blocksOf(rest, bodySize)) {
      if (block.kind === 'heading') outline.heading(blockText(block));
      else outline.claim(blockText(block).replace(NUMBERING, ''));
    }
    const warnings: string[] = [];
    if (javascript) warnings.push('The PDF carries JavaScript; Briefing Desk did not run it.');
    if (blank > 0)
      warnings.push(
        `${plural(blank, 'page')} had no text to read (scanned pictures, perhaps) and ${blank === 1 ? 'was' : 'were'} skipped.`,
      );
    return finishSource(facts, outline, name, warnings);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
