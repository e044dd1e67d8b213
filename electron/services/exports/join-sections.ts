import {
  beginMarkedContent,
  endMarkedContent,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  type PDFPageLeaf,
  PDFRef,
  PDFString,
  rgb,
  type PDFObject,
} from '@cantoo/pdf-lib';
import fontkit from '@cantoo/fontkit';
import { anchorName, CROSS_SECTION_LINK } from '../../../common/print-sections.ts';
import { PAGE_NUMBER_FONT_WOFF } from './page-number-font.ts';

// A long brief is printed in sections (Chromium's printing grows faster than the page count, and
// its memory with it: sectioned-print.ts), and the sections' PDFs are joined here into one, with
// what one print would have had: one structure tree (the tags, for screen readers), one outline,
// links that reach across sections, and "Page N of M" counted over the whole.
//
// pdf-lib (the maintained @cantoo fork: pure JS, reads and writes PDF objects) copies each section's
// pages and the objects they reach; what Chromium wrote per document is then merged by hand:
// - the structure tree: each section's Document element's children go under the first section's
//   Document element; the parent tree (page and link keys to structure elements) takes each
//   section's keys past the largest before them, and the ID tree each section's ids;
// - named destinations (/Dests) are merged: anchor names are unique over the whole brief;
// - a link to an anchor in another section was printed as a `briefing-anchor:` address (Chromium
//   drops a link whose target it cannot find) and becomes a link to that named destination;
// - the outline is rebuilt from the sections' outlines in order, each heading's level read from its
//   structure element (H1, H2…), since a section that starts mid-theme has its headings at the top.

/** "Page N of M" at the foot of each page, where one print's footer template puts it. */
export interface PageNumberStamp {
  /** Points from the page's right edge to the text's right end. */
  right: number;
  /** Points from the page's bottom edge to the text's baseline. */
  baseline: number;
  size: number;
}

const name = PDFName.of;

/**
 * pdf-lib lets other work run every so many objects it reads (its default, 100, spends seconds
 * waiting on a long brief's 300,000 objects). A section is read while the next one prints, and
 * main's answers to the print view wait behind it: at 5,000 objects a stretch, showing the next
 * section waited 450 ms for a section's read; at 1,000, 100 to 200 ms.
 */
const OBJECTS_PER_TICK_READ = 1_000;
/** The joined PDF is written when nothing else is waiting: in longer stretches (each wait costs a millisecond). */
const OBJECTS_PER_TICK_WRITE = 5_000;

interface OutlineEntry {
  title: PDFObject;
  dest: PDFObject | undefined;
  structure: PDFObject | undefined;
  level: number;
}

/**
 * A PDF joined section by section: each section is read and copied in as soon as it is printed
 * (while Chromium prints the next, on another core), and the whole is written at the end.
 */
export class SectionJoin {
  readonly #out: PDFDocument;
  /** The parent tree's entries (structure parent key, its elements) and the next free key. */
  readonly #parentTree: [number, PDFObject][] = [];
  #nextKey = 0;
  /** The ID tree's entries by id: the first section to name an element keeps it. */
  readonly #ids = new Map<string, [PDFObject, PDFObject]>();
  readonly #dests: PDFDict;
  readonly #outline: OutlineEntry[] = [];
  /** The joined structure tree's root and Document element (the first section's). */
  #structure: { root: PDFRef; document: PDFRef } | null = null;
  #sections = 0;

  private constructor(out: PDFDocument) {
    this.#out = out;
    this.#dests = out.context.obj({});
  }

  static async start(): Promise<SectionJoin> {
    return new SectionJoin(await PDFDocument.create({ updateMetadata: false }));
  }

  /** Copies in the next section: its pages, its structure elements, named destinations and outline entries. */
  async add(bytes: Uint8Array): Promise<void> {
    const out = this.#out;
    const context = out.context;
    const src = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: OBJECTS_PER_TICK_READ });
    const copier = PDFObjectCopier.for(src.context, context);
    const offset = this.#nextKey;
    const first = this.#sections++ === 0;

    for (const page of src.getPages()) {
      const ref = copier.copy(page.ref) as PDFRef;
      const leaf = context.lookup(ref, PDFDict) as PDFPageLeaf;
      shiftKey(leaf, 'StructParents', offset);
      const annots = leaf.lookupMaybe(name('Annots'), PDFArray);
      for (let i = 0; i < (annots?.size() ?? 0); i++) shiftKey(annots!.lookup(i, PDFDict), 'StructParent', offset);
      out.addPage(PDFPage.of(leaf, ref, out));
    }

    const srcRootRef = src.catalog.get(name('StructTreeRoot'));
    const srcRoot = src.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
    const srcDocumentRef = srcRoot?.get(name('K'));
    if (srcRoot && srcRootRef instanceof PDFRef && srcDocumentRef instanceof PDFRef) {
      if (!this.#structure) {
        // The joined root is ours: the first section's Document element, role and class maps; its
        // parent and ID trees are built from every section's at the end.
        const root = context.nextRef();
        seed(copier, srcRootRef, root);
        const document = copier.copy(srcDocumentRef) as PDFRef;
        const dict = context.obj({ Type: 'StructTreeRoot', K: document });
        for (const key of ['RoleMap', 'ClassMap']) {
          const value = srcRoot.get(name(key));
          if (value) dict.set(name(key), copier.copy(value));
        }
        context.assign(root, dict);
        this.#structure = { root, document };
      } else {
        // The section's root and Document element stand for the joined ones: its elements hang
        // under the first section's Document element, and nothing of its own root is copied.
        seed(copier, srcRootRef, this.#structure.root);
        seed(copier, srcDocumentRef, this.#structure.document);
        const kids = kidsOf(context, context.lookup(this.#structure.document, PDFDict));
        const theirs = src.context.lookup(srcDocumentRef, PDFDict).get(name('K'));
        for (const kid of theirs instanceof PDFArray ? theirs.asArray() : theirs ? [theirs] : []) kids.push(copier.copy(kid));
      }
      // Chromium keys pages from 0 and links from 100,000: the next section's keys start past the largest.
      const srcTree = srcRoot.lookupMaybe(name('ParentTree'), PDFDict);
      for (const [key, value] of srcTree ? numberTree(srcTree) : []) {
        this.#parentTree.push([key + offset, copier.copy(value)]);
        this.#nextKey = Math.max(this.#nextKey, key + offset + 1);
      }
      this.#nextKey = Math.max(this.#nextKey, offset + (srcRoot.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0));
      const srcIds = srcRoot.lookupMaybe(name('IDTree'), PDFDict);
      for (const [key, value] of srcIds ? nameTree(srcIds) : []) {
        const id = key.decodeText();
        if (!this.#ids.has(id)) this.#ids.set(id, [copier.copy(key), copier.copy(value)]);
      }
    }

    const srcDests = src.catalog.lookupMaybe(name('Dests'), PDFDict);
    // An anchor is where it first appears (a later section only continues what it holds).
    for (const [key, value] of srcDests?.entries() ?? []) if (!this.#dests.has(key)) this.#dests.set(key, copier.copy(value));

    const srcOutline = src.catalog.lookupMaybe(name('Outlines'), PDFDict);
    if (srcOutline) collectOutline(src, copier, srcOutline, 1, this.#outline);

    if (first) {
      for (const key of ['Lang', 'ViewerPreferences', 'MarkInfo']) {
        const value = src.catalog.get(name(key));
        if (value) out.catalog.set(name(key), copier.copy(value));
      }
      const title = src.getTitle();
      if (title) out.setTitle(title, { showInWindowTitleBar: true });
    }
  }

  /** The joined PDF: its parent tree, destinations, links across sections, outline and page numbers put in. */
  async finish(stamp: PageNumberStamp | null): Promise<Uint8Array> {
    const out = this.#out;
    const context = out.context;
    if (this.#structure) {
      const root = context.lookup(this.#structure.root, PDFDict);
      // A number tree's keys ascend (readers search it by halves), and so do a name tree's.
      const nums = this.#parentTree.sort(([a], [b]) => a - b).flatMap(([key, value]) => [PDFNumber.of(key), value]);
      root.set(name('ParentTree'), context.register(context.obj({ Nums: context.obj(nums) })));
      root.set(name('ParentTreeNextKey'), PDFNumber.of(this.#nextKey));
      if (this.#ids.size > 0) {
        const names = [...this.#ids].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, entry]) => entry);
        root.set(name('IDTree'), context.register(context.obj({ Names: context.obj(names) })));
      }
      out.catalog.set(name('StructTreeRoot'), this.#structure.root);
    }
    if (this.#dests.entries().length > 0) out.catalog.set(name('Dests'), context.register(this.#dests));
    linkAcrossSections(out, this.#dests);
    if (this.#outline.length > 0) out.catalog.set(name('Outlines'), buildOutline(out, this.#outline));
    if (stamp) await stampPageNumbers(out, stamp);
    // No object streams: pdf-lib writes their cross-reference stream in time that grows with the square of the objects.
    return out.save({ useObjectStreams: false, objectsPerTick: OBJECTS_PER_TICK_WRITE });
  }
}

/** Maps `from` (a section's object) to `to` (the joined document's) in the copier, so what refers to it is joined to ours. */
function seed(copier: PDFObjectCopier, from: PDFRef, to: PDFRef): void {
  // pdf-lib keeps the map private; it has been a Map of source to copied object since its first version.
  const traversed = (copier as unknown as { traversedObjects?: unknown }).traversedObjects;
  if (!(traversed instanceof Map)) throw new Error('pdf-lib changed: its object copier has no map to join sections with.');
  traversed.set(from, to);
}

function shiftKey(dict: PDFDict | undefined, key: string, offset: number): void {
  const value = dict?.lookupMaybe(name(key), PDFNumber);
  if (dict && value) dict.set(name(key), PDFNumber.of(value.asNumber() + offset));
}

/** The children of a structure element, as an array held by it (a single child becomes an array of one). */
function kidsOf(context: PDFDocument['context'], element: PDFDict): PDFArray {
  const kids = element.get(name('K'));
  const resolved = kids instanceof PDFRef ? context.lookup(kids) : kids;
  if (resolved instanceof PDFArray) return resolved;
  const array = context.obj(kids ? [kids] : []);
  element.set(name('K'), array);
  return array;
}

/** The entries of a number tree (its /Nums, and its /Kids' in order). */
function* numberTree(node: PDFDict): Generator<[number, PDFObject]> {
  const nums = node.lookupMaybe(name('Nums'), PDFArray);
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
    const key = nums.lookup(i);
    if (key instanceof PDFNumber) yield [key.asNumber(), nums.get(i + 1)];
  }
  const kids = node.lookupMaybe(name('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) yield* numberTree(kids.lookup(i, PDFDict));
}

/** The entries of a name tree (its /Names, and its /Kids' in order). */
function* nameTree(node: PDFDict): Generator<[PDFString | PDFHexString, PDFObject]> {
  const names = node.lookupMaybe(name('Names'), PDFArray);
  for (let i = 0; names && i + 1 < names.size(); i += 2) {
    const key = names.lookup(i);
    if (key instanceof PDFString || key instanceof PDFHexString) yield [key, names.get(i + 1)];
  }
  const kids = node.lookupMaybe(name('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) yield* nameTree(kids.lookup(i, PDFDict));
}

/** The headings of a section's outline in order, each with its level (its structure element's H1…H6, else its depth). */
function collectOutline(src: PDFDocument, copier: PDFObjectCopier, parent: PDFDict, depth: number, into: OutlineEntry[]): void {
  const seen = new Set<PDFDict>();
  let item = parent.lookupMaybe(name('First'), PDFDict);
  while (item && !seen.has(item)) {
    seen.add(item);
    const structure = item.get(name('SE'));
    const role = structure ? src.context.lookup(structure) : undefined;
    const tag = role instanceof PDFDict ? role.lookupMaybe(name('S'), PDFName)?.asString() : undefined;
    const level = tag && /^\/H[1-6]$/.test(tag) ? Number(tag.slice(2)) : depth;
    into.push({
      title: copier.copy(item.get(name('Title')) ?? PDFString.of('')),
      dest: item.get(name('Dest')) ? copier.copy(item.get(name('Dest'))!) : undefined,
      structure: structure ? copier.copy(structure) : undefined,
      level,
    });
    collectOutline(src, copier, item, depth + 1, into);
    item = item.lookupMaybe(name('Next'), PDFDict);
  }
}

/** One outline from the headings in order: each under the last heading of a higher level before it, all open. */
function buildOutline(out: PDFDocument, entries: readonly OutlineEntry[]): PDFRef {
  const context = out.context;
  const rootRef = context.nextRef();
  const root = context.obj({ Type: 'Outlines' });
  const refs = entries.map(() => context.nextRef());
  const items = entries.map((entry) => {
    const item = context.obj({});
    item.set(name('Title'), entry.title);
    if (entry.dest) item.set(name('Dest'), entry.dest);
    if (entry.structure) item.set(name('SE'), entry.structure);
    return item;
  });
  const children = new Map<number, number[]>(); // parent index (-1: the root) → children's indexes
  const stack: number[] = [];
  entries.forEach((entry, i) => {
    while (stack.length > 0 && entries[stack.at(-1)!]!.level >= entry.level) stack.pop();
    const parent = stack.at(-1) ?? -1;
    const siblings = children.get(parent);
    if (siblings) siblings.push(i);
    else children.set(parent, [i]);
    items[i]!.set(name('Parent'), parent === -1 ? rootRef : refs[parent]!);
    stack.push(i);
  });
  const count = (parent: number): number => (children.get(parent) ?? []).reduce((sum, child) => sum + 1 + count(child), 0);
  for (const [parent, kids] of children) {
    const holder = parent === -1 ? root : items[parent]!;
    holder.set(name('First'), refs[kids[0]!]!);
    holder.set(name('Last'), refs[kids.at(-1)!]!);
    holder.set(name('Count'), PDFNumber.of(count(parent)));
    kids.forEach((kid, k) => {
      if (k > 0) items[kid]!.set(name('Prev'), refs[kids[k - 1]!]!);
      if (k < kids.length - 1) items[kid]!.set(name('Next'), refs[kids[k + 1]!]!);
    });
  }
  items.forEach((item, i) => context.assign(refs[i]!, item));
  context.assign(rootRef, root);
  return rootRef;
}

/** Links printed as `briefing-anchor:name` go to the named destination; one without a destination goes nowhere. */
function linkAcrossSections(out: PDFDocument, dests: PDFDict): void {
  for (const page of out.getPages()) {
    const annots = page.node.lookupMaybe(name('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i, PDFDict);
      const action = annot.lookupMaybe(name('A'), PDFDict);
      const uri = action?.lookup(name('URI'));
      const address = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : undefined;
      if (!address?.startsWith(CROSS_SECTION_LINK)) continue;
      annot.delete(name('A'));
      const target = name(anchorName(address.slice(CROSS_SECTION_LINK.length)));
      if (dests.has(target)) annot.set(name('Dest'), target);
    }
  }
}

/**
 * "Page N of M" on every page, as a pagination artifact (not part of the tagged content), in Noto
 * Sans (embedded, only the glyphs used, like every font of the PDF; the footer's other words are
 * Chromium's, in the machine's sans-serif).
 */
async function stampPageNumbers(out: PDFDocument, stamp: PageNumberStamp): Promise<void> {
  out.registerFontkit(fontkit);
  const font = await out.embedFont(Buffer.from(PAGE_NUMBER_FONT_WOFF, 'base64'), { subset: true });
  const pages = out.getPages();
  pages.forEach((page, i) => {
    const text = `Page ${i + 1} of ${pages.length}`;
    const width = font.widthOfTextAtSize(text, stamp.size);
    page.pushOperators(beginMarkedContent('Artifact'));
    page.drawText(text, {
      x: page.getWidth() - stamp.right - width,
      y: stamp.baseline,
      size: stamp.size,
      font,
      color: rgb(0x44 / 255, 0x44 / 255, 0x44 / 255),
    });
    page.pushOperators(endMarkedContent());
  });
}
