// A Word document (.docx): its zip directory checked by hand first (sizes declared and real, see
// zip.ts), then mammoth turns it into HTML (no external file read, pictures not unpacked) and the
// HTML is walked like a page's: Heading 1 and 2 become themes, paragraphs and list items claims,
// footnote references citations. Linked files and templates are never fetched; they are named in
// a warning.
import mammoth from 'mammoth';
import { StoreError } from '../../common/errors.ts';
import type { ParsedSource } from '../../common/parsed-source.ts';
import { all, markFootnotes, parseDocument, removeFootnoteLists, walkBlocks } from './html.ts';
import { cleanText, finishSource, Outline, plural, primaryLanguage, tablesLeftOut, titleFromName } from './structure.ts';
import { checkDeclaredSizes, readMember, readZipDirectory, type ZipMember } from './zip.ts';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const xmlText = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name]!);

/** Relationships to outside the document other than hyperlinks (a linked picture, a remote template, a frame): never followed. */
function externalReferences(parts: ReadonlyMap<string, Buffer>): number {
  let count = 0;
  for (const [part, bytes] of parts) {
    if (!part.endsWith('.rels')) continue;
    for (const relationship of bytes.toString('utf8').match(/<Relationship\b[^>]*>/g) ?? []) {
      if (/TargetMode\s*=\s*["']External["']/i.test(relationship) && !/Type\s*=\s*["'][^"']*\/hyperlink["']/i.test(relationship)) count++;
    }
  }
  return count;
}

/** The title the document's properties give, unless it is a word processor's placeholder. */
function propertiesTitle(core: Buffer | undefined): string | null {
  const match = core ? /<dc:title>([^<]*)<\/dc:title>/.exec(core.toString('utf8')) : null;
  const title = match ? cleanText(xmlText(match[1]!)) : '';
  return title && !/^(?:document\s*\d*|untitled|microsoft word\b.*|title)$/i.test(title) ? title : null;
}

/** The document's language, as its default text properties give it. */
function documentLanguage(styles: Buffer | undefined): string | null {
  const defaults = styles ? /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles.toString('utf8')) : null;
  const lang = defaults ? /<w:lang\b[^>]*\bw:val="([^"]+)"/.exec(defaults[0]) : null;
  return primaryLanguage(lang?.[1]);
}

/** A Word document as a source. */
export async function parseDocx(bytes: Buffer, name: string): Promise<ParsedSource> {
  const members = readZipDirectory(bytes, name);
  checkDeclaredSizes(members, name);
  const byName = new Map<string, ZipMember>(members.map((member) => [member.name, member]));
  if (!byName.has('word/document.xml'))
    throw new StoreError('bad-article', `${name} is a zip archive but not a Word document; save it as .docx from Word and import that.`);
  // Every part a reader opens (XML and relationships) unpacked here first, each stopped at its declared size.
  const parts = new Map<string, Buffer>();
  for (const member of members) if (/\.(?:xml|rels)$/i.test(member.name)) parts.set(member.name, readMember(bytes, member, name));

  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        externalFileAccess: false,
        includeEmbeddedStyleMap: false,
        // Pictures are not unpacked at all: the reader takes text only.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        styleMap: ["p[style-name='Title'] => h1.document-title:fresh", "p[style-name='Subtitle'] => p.document-subtitle:fresh"],
      },
    ));
  } catch {
    throw new StoreError(
      'bad-article',
      `${name} is not a Word document Briefing Desk can read (it may be damaged); open it in Word, save it again as .docx and import that.`,
    );
  }
  const document = parseDocument(`<!doctype html><html><body>${html}</body></html>`);
  removeFootnoteLists(document);
  markFootnotes(document);
  for (const image of all(document, 'img')) image.remove?.();
  const titled = document.querySelector?.('h1.document-title');
  const headline = (titled ? cleanText(titled.textContent ?? '') : '') || propertiesTitle(parts.get('docProps/core.xml'));
  titled?.remove?.();
  for (const subtitle of all(document, 'p.document-subtitle')) subtitle.remove?.();

  const outline = new Outline(titleFromName(name));
  const walk = { skip: new Set<string>(), tables: 0 };
  if (document.body) walkBlocks(document.body, outline, walk);
  const warnings: string[] = [];
  const external = externalReferences(parts);
  if (external > 0)
    warnings.push(
      `The document refers to ${plural(external, 'file')} outside it (a linked picture or template); Briefing Desk did not fetch ${external === 1 ? 'it' : 'them'}.`,
    );
  if (walk.tables > 0) warnings.push(tablesLeftOut(walk.tables));
  return finishSource(
    { headline: headline || null, headlineLanguage: documentLanguage(parts.get('word/styles.xml')), publisher: null, publishedOn: null },
    outline,
    name,
    warnings,
  );
}
