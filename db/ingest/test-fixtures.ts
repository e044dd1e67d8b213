// Files the ingest tests build for themselves: PDFs written by hand (text at x/y positions, a
// script, a compressed bomb, thousands of pages), zip archives with any declared sizes, and Word
// documents. Only the tests import this; nothing here is shipped.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateRawSync, createDeflate } from 'node:zlib';

/** One run of text on a PDF page: baseline at (x, y) in points from the bottom left, Helvetica at `size`. */
export interface PdfRun {
  x: number;
  y: number;
  size: number;
  text: string;
}

/** A page: runs of text, or a raw content stream (with its /Filter) to put there instead. */
export interface PdfPage {
  runs?: PdfRun[];
  raw?: { filter: string; data: Buffer };
}

export interface PdfSpec {
  pages: PdfPage[];
  /** The document information dictionary's /Title. */
  title?: string;
  /** JavaScript run on opening (/OpenAction /S /JavaScript), the way a hostile PDF carries it. */
  openActionJs?: string;
  /** A /URI link annotation on the first page. */
  linkUri?: string;
}

/** WinAnsiEncoding's codes for the typographic marks the tests use; the rest of the text is ASCII. */
const WIN_ANSI: Record<string, string> = { '‘': '\x91', '’': '\x92', '“': '\x93', '”': '\x94', '•': '\x95', '–': '\x96', '—': '\x97' };
const pdfString = (text: string) => `(${text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[‘’“”•–—]/g, (c) => WIN_ANSI[c]!)})`;

/** Helvetica's advance widths (thousandths of the size) for printable ASCII, from its AFM; typographic marks after. */
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278,
  278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
  667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556,
  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const MARK_WIDTHS: Record<string, number> = { '’': 222, '‘': 222, '“': 333, '”': 333, '•': 350, '–': 556, '—': 1000, '·': 278 };

/** How wide `text` is set in Helvetica at `size`, in points. */
export function helveticaWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += MARK_WIDTHS[char] ?? HELVETICA[char.charCodeAt(0) - 32] ?? 556;
  return (width * size) / 1000;
}

/**
 * One printed line from left to right: strings in the line's size, `{ sup: '2' }` a footnote number
 * set in a smaller size and raised, the way a word processor sets it.
 */
export function pdfLine(x: number, y: number, size: number, ...pieces: (string | { sup: string })[]): PdfRun[] {
  const runs: PdfRun[] = [];
  let at = x;
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      runs.push({ x: at, y, size, text: piece });
      at += helveticaWidth(piece, size) + (piece.endsWith(' ') ? 0 : 0.5);
    } else {
      const small = Math.round(size * 0.6);
      runs.push({ x: at, y: y + size * 0.4, size: small, text: piece.sup });
      at += helveticaWidth(piece.sup, small) + 2;
    }
  }
  return runs;
}

/** The content stream that draws `runs`, each in its own text object. */
export function contentStream(runs: readonly PdfRun[]): string {
  return runs.map((run) => `BT /F1 ${run.size} Tf 1 0 0 1 ${run.x} ${run.y} Tm ${pdfString(run.text)} Tj ET`).join('\n');
}

/** A PDF 1.7 file with a correct cross-reference table. Pages that share one spec share one content stream. */
export function makePdf(spec: PdfSpec): Buffer {
  const objects: (string | Buffer)[] = [];
  const add = (body: string | Buffer) => objects.push(body) - 1 + 1;
  const catalog = add('');
  const pages = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const info = spec.title === undefined ? 0 : add(`<< /Title ${pdfString(spec.title)} /Producer (Briefing Desk tests) >>`);
  const action = spec.openActionJs === undefined ? 0 : add(`<< /Type /Action /S /JavaScript /JS ${pdfString(spec.openActionJs)} >>`);
  const link =
    spec.linkUri === undefined
      ? 0
      : add(`<< /Type /Annot /Subtype /Link /Rect [0 0 612 792] /A << /S /URI /URI ${pdfString(spec.linkUri)} >> >>`);
  const streams = new Map<PdfPage, number>();
  const kids: number[] = [];
  spec.pages.forEach((page, index) => {
    let stream = streams.get(page);
    if (stream === undefined) {
      if (page.raw) {
        stream = add(
          Buffer.concat([
            Buffer.from(`<< /Length ${page.raw.data.length} /Filter ${page.raw.filter} >>\nstream\n`, 'latin1'),
            page.raw.data,
            Buffer.from('\nendstream', 'latin1'),
          ]),
        );
      } else {
        const text = contentStream(page.runs ?? []);
        stream = add(`<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`);
      }
      streams.set(page, stream);
    }
    const annots = index === 0 && link ? ` /Annots [${link} 0 R]` : '';
    kids.push(
      add(
        `<< /Type /Page /Parent ${pages} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R${annots} >>`,
      ),
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pages} 0 R${action ? ` /OpenAction ${action} 0 R` : ''} >>`;
  objects[pages - 1] = `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`;

  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ];
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''} >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref.join('') + trailer, 'latin1'));
  return Buffer.concat(parts);
}

/** A zlib (FlateDecode) stream that inflates to `megabytes` MiB of spaces, built without holding them. */
export async function flateBomb(megabytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const mebibyte = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < megabytes; i++) {
    if (!deflate.write(mebibyte)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

/** One member of a zip archive. `declaredSize` overrides the uncompressed size the directory states. */
export interface ZipEntry {
  name: string;
  data: Buffer | string;
  declaredSize?: number;
  store?: boolean;
}

/** A zip archive written the way Word writes one (deflated members, local headers, central directory). */
export function makeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const packed = entry.store ? data : deflateRawSync(data);
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(Math.min(size, 0xffffffff), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(Math.min(size, 0xffffffff), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A block of a Word document: a heading, a paragraph, or a bulleted list item (level 0). */
export type DocxBlock =
  { heading: 1 | 2 | 'title'; text: string } | { paragraph: string; footnote?: { id: number; text: string } } | { bullet: string };

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string) => `<w:r><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r>`;

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export interface DocxSpec {
  blocks: DocxBlock[];
  /** Extra relationships of the document part, e.g. an external picture or template. */
  relationships?: string[];
  /** Raw XML appended to the body (a linked picture that names an external relationship). */
  bodyXml?: string;
  /** More members, e.g. one whose declared size is a gigabyte. */
  extraEntries?: ZipEntry[];
  title?: string;
}

/** A minimal .docx: content types, package and document relationships, styles (Title, Heading 1 and 2), numbering, footnotes. */
export function makeDocx(spec: DocxSpec): Buffer {
  const styleOf = { 1: 'Heading1', 2: 'Heading2', title: 'Title' } as const;
  const footnotes: { id: number; text: string }[] = [];
  const body = spec.blocks
    .map((block) => {
      if ('heading' in block) return `<w:p><w:pPr><w:pStyle w:val="${styleOf[block.heading]}"/></w:pPr>${run(block.text)}</w:p>`;
      if ('bullet' in block)
        return `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(block.bullet)}</w:p>`;
      let reference = '';
      if (block.footnote) {
        footnotes.push(block.footnote);
        reference = `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${block.footnote.id}"/></w:r>`;
      }
      return `<w:p>${run(block.paragraph)}${reference}</w:p>`;
    })
    .join('');
  const style = (id: string, name: string, type = 'paragraph') =>
    `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  const entries: ZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    },
    {
      name: 'docProps/core.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xmlEscape(spec.title ?? '')}</dc:title></cp:coreProperties>`,
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>${(spec.relationships ?? []).join('')}</Relationships>`,
    },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W} ${R}><w:body>${body}${spec.bodyXml ?? ''}<w:sectPr/></w:body></w:document>`,
    },
    {
      name: 'word/styles.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault></w:docDefaults>${style('Normal', 'Normal')}${style('Title', 'Title')}${style('Heading1', 'heading 1')}${style('Heading2', 'heading 2')}${style('ListParagraph', 'List Paragraph')}${style('FootnoteReference', 'footnote reference', 'character')}</w:styles>`,
    },
    {
      name: 'word/numbering.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
    },
    {
      name: 'word/footnotes.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>${footnotes
        .map((note) => `<w:footnote w:id="${note.id}"><w:p>${run(note.text)}</w:p></w:footnote>`)
        .join('')}</w:footnotes>`,
    },
    ...(spec.extraEntries ?? []),
  ];
  return makeZip(entries);
}

/** A local HTTP server that records every request made to it: a fetch from a reader would show here. */
export async function listeningServer(): Promise<{ port: number; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.end('<html><body><p>fetched</p></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A refusal or a warning as the user reads it: one sentence, ending with a full stop, with nothing of a library's in it. */
export function assertOneSentence(message: string): void {
  assert.match(message, /^[^\n]+\.$/, `one line ending with a full stop: ${message}`);
  assert.doesNotMatch(message, /[.!?]\s+[A-Z]/, `one sentence: ${message}`);
  assert.doesNotMatch(message, /Error|TypeError|undefined|null|\bat \/|ENOENT|PDF\.js|mammoth|zod/, `no library's words: ${message}`);
}
