import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from '@cantoo/pdf-lib';
import { BriefStore } from '../../db/read/index.ts';
import { closeAsSingleFile, openStore } from '../../db/store/index.ts';
import { importEmbeddedBrief } from '../../db/seed/index.ts';
import { syntheticExport, withEveryPart } from '../../db/test-support/index.ts';
import { composeExport, defaultExportOptions } from '../../db/export/index.ts';
import { printDocument } from './print-document.ts';

// A long brief is printed in sections joined into one PDF (electron/services/exports/sectioned-print.ts).
// Cutting the seed brief into sections of a page each, the joined PDF must be what one print of it
// is: the same pages with the same words, numbered over the whole, the same outline and links, a
// structure tree with every heading, paragraph, link and figure, and every font embedded.

const run = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8' });

function seedDocument(dir: string) {
  const file = join(dir, 'seed.sqlite');
  const db = openStore(file);
  importEmbeddedBrief(db, 'Analyst');
  closeAsSingleFile(db);
  const read = openStore(file, { readonly: true });
  try {
    return composeExport(new BriefStore(read).getBrief(), { ...defaultExportOptions(null, 'Analyst', '2026-11-29'), marking: 'OFFICIAL' });
  } finally {
    read.close();
  }
}

const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', pdf))![1]);
/**
 * A page's words by where they stand (line by line from the top, each line from the left), without
 * its "Page N of M" (drawn by Chromium in one, by the join in the other). Not in the order the PDF
 * paints them: a table's cells were painted in another order by a section's print than by the whole's.
 */
const wordsOf = (pdf: string, page: number) => {
  const words = [
    ...run('pdftotext', '-bbox', '-f', String(page), '-l', String(page), pdf, '-').matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g,
    ),
  ].map(([, x, y, word]) => ({ x: Number(x), y: Math.round(Number(y)), word: word! }));
  words.sort((a, b) => a.y - b.y || a.x - b.x);
  return words
    .map((w) => w.word)
    .join(' ')
    .replace(/Page \d+ of \d+/, '')
    .split(/\s+/)
    .filter(Boolean);
};

interface Outline {
  title: string;
  destpageposfrom1: number;
  kids: Outline[];
}
const outlineOf = (pdf: string) => {
  const strip = (items: Outline[]): unknown[] => items.map((item) => [item.title, item.destpageposfrom1, strip(item.kids)]);
  return strip((JSON.parse(run('qpdf', '--json', '--json-key=outlines', pdf)) as { outlines: Outline[] }).outlines);
};

/** Every link: its page, where it is (to the point) and the page it goes to. */
async function linksOf(bytes: Uint8Array): Promise<string[]> {
  const { getDocumentProxy } = await import('unpdf');
  const proxy = await getDocumentProxy(new Uint8Array(bytes));
  const links: string[] = [];
  for (let n = 1; n <= proxy.numPages; n++) {
    for (const annotation of (await (await proxy.getPage(n)).getAnnotations()) as { subtype: string; dest?: unknown; rect: number[] }[]) {
      if (annotation.subtype !== 'Link') continue;
      const dest = typeof annotation.dest === 'string' ? await proxy.getDestination(annotation.dest) : annotation.dest;
      const to = Array.isArray(dest) ? (await proxy.getPageIndex(dest[0] as { num: number; gen: number })) + 1 : null;
      links.push(`${n} ${annotation.rect.map(Math.round).join(',')} → ${to}`);
    }
  }
  await proxy.loadingTask.destroy();
  return links.sort();
}

/** How many structure elements of each kind the PDF's tags hold, and whether every page's and link's key is in its parent tree. */
async function tagsOf(bytes: Uint8Array): Promise<{ roles: Record<string, number>; unkeyed: number; ascending: boolean }> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const roles: Record<string, number> = {};
  const walk = (node: unknown) => {
    const resolved = node instanceof PDFRef ? pdf.context.lookup(node) : node;
    if (resolved instanceof PDFArray) return resolved.asArray().forEach(walk);
    if (!(resolved instanceof PDFDict) || !resolved.has(PDFName.of('S'))) return;
    const role = resolved.lookup(PDFName.of('S'), PDFName).asString().slice(1);
    roles[role] = (roles[role] ?? 0) + 1;
    walk(resolved.get(PDFName.of('K')));
  };
  walk(root.get(PDFName.of('K')));
  const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
  const list = nums
    .asArray()
    .filter((_, i) => i % 2 === 0)
    .map((key) => (key as PDFNumber).asNumber());
  // Readers search a number tree by halves: its keys ascend, each once.
  const ascending = list.every((key, i) => i === 0 || key > list[i - 1]!);
  const keys = new Set(list);
  let unkeyed = 0;
  for (const page of pdf.getPages()) {
    const key = page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber);
    if (key && !keys.has(key.asNumber())) unkeyed++;
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (const annot of annots?.asArray() ?? []) {
      const structParent = pdf.context.lookup(annot, PDFDict).lookupMaybe(PDFName.of('StructParent'), PDFNumber);
      if (structParent && !keys.has(structParent.asNumber())) unkeyed++;
    }
  }
  return { roles, unkeyed, ascending };
}

test('a brief printed in sections is the PDF one print makes: pages, words, numbering, outline, links, tags and fonts', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-sections-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const doc = seedDocument(dir);
  const whole = (await printDocument(doc, { pdf: true, html: false }, { sectionPages: 0 })).pdf!;
  const cut = (await printDocument(doc, { pdf: true, html: false }, { sectionPages: 1 })).pdf!;
  const [wholeFile, cutFile] = [join(dir, 'whole.pdf'), join(dir, 'cut.pdf')];
  writeFileSync(wholeFile, whole);
  writeFileSync(cutFile, cut);

  const pages = pageCount(wholeFile);
  assert.ok(pages >= 3, `the seed brief prints on ${pages} pages: enough to be cut`);
  assert.equal(pageCount(cutFile), pages);
  for (let page = 1; page <= pages; page++) {
    assert.deepEqual(wordsOf(cutFile, page), wordsOf(wholeFile, page), `page ${page} has the same words`);
    const text = run('pdftotext', '-f', String(page), '-l', String(page), '-layout', cutFile, '-');
    assert.match(text, new RegExp(`Page ${page} of ${pages}\\s*$`, 'm'), `page ${page} is numbered over the whole`);
    assert.ok((text.match(/OFFICIAL/g)?.length ?? 0) >= 2, `page ${page} carries the marking at its top and foot`);
  }
  assert.deepEqual(outlineOf(cutFile), outlineOf(wholeFile), 'the same outline, each heading on its page');
  const links = await linksOf(cut);
  assert.ok(
    links.some((link) => link.startsWith('1 ') && !link.endsWith('→ 1')),
    'the contents link to pages printed in other sections',
  );
  assert.deepEqual(links, await linksOf(whole), 'every link goes where one print’s goes');

  const [wholeTags, cutTags] = [await tagsOf(whole), await tagsOf(cut)];
  assert.equal(cutTags.unkeyed, 0, 'every page and link is in the parent tree');
  assert.ok(cutTags.ascending, 'the parent tree’s keys ascend, each once (Chromium keys links from 100,000 in every section)');
  // A part or list cut across sections is two elements; what is in them is all there, once.
  for (const role of ['H1', 'H2', 'P', 'Link', 'Figure', 'Table', 'TR', 'LI'])
    assert.equal(
      cutTags.roles[role],
      wholeTags.roles[role],
      `${role}: ${cutTags.roles[role]} tagged, one print tags ${wholeTags.roles[role]}`,
    );
  assert.match(run('pdfinfo', cutFile), /Tagged:\s+yes/);

  const fonts = run('pdffonts', cutFile).split('\n').slice(2).filter(Boolean);
  for (const line of fonts) assert.equal(line.split(/\s+/).at(-5), 'yes', `embedded: ${line}`);
  run('qpdf', '--check', cutFile);
});

test('the contents’ page numbers are the pages the headings print on, right in the first print', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-contents-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // A brief whose page once ended within a pixel of where the prediction ended it (a claim at the
  // foot of an A4 page, 19 pages: caught, and the brief printed again), one of 84 themes printed in
  // two sections (two pages of contents), and one on US Letter.
  for (const [items, paper] of [
    [351, 'a4'],
    [{ claims: 2_100, annotations: 300, notes: 60, indicators: 5 }, 'a4'],
    [780, 'letter'],
  ] as const) {
    const doc = syntheticExport(dir, items, paper);
    // A pass prints its first section first (a reprint of the contents' numbers, too).
    let passes = 0;
    let sections = 0;
    const onPrint = (index: number, count: number) => {
      if (index === 0) passes++;
      sections = Math.max(sections, count);
    };
    const pdf = (await printDocument(doc, { pdf: true, html: false }, { onPrint })).pdf!;
    const file = join(dir, `${JSON.stringify(items).replace(/\W/g, '')}-${paper}.pdf`);
    writeFileSync(file, pdf);
    // The contents as printed: "3. Theme 3 ..... 7", against the outline's page for each heading.
    const contents = run('pdftotext', '-f', '1', '-l', '2', '-layout', file, '-');
    const printedAt = new Map([...contents.matchAll(/^\s*\d+\.\s+(.+?)\s{2,}(\d+)\s*$/gm)].map((m) => [m[1]!.trim(), Number(m[2])]));
    type Item = [string, number, Item[]];
    const flat = (items: Item[]): [string, number][] =>
      items.flatMap(([title, page, kids]) => [[title, page] as [string, number], ...flat(kids)]);
    const outline = new Map(flat(outlineOf(file) as Item[]));
    assert.ok(printedAt.size >= 5, `${items} items on ${paper}: ${printedAt.size} contents lines read`);
    for (const [heading, page] of printedAt) assert.equal(page, outline.get(heading), `${items} items on ${paper}: "${heading}"`);
    assert.equal(passes, 1, `${items} items on ${paper}: printed once (the predicted numbers held)`);
    if (typeof items === 'object') assert.ok(sections > 1, `printed in ${sections} sections`);
  }
});

test('a long brief drawn a part at a time is the brief drawn whole', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-parts-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // Parts of 7 items cut themes between claims and the highlight notes between notes; what begins
  // the brief (bottom line, judgments, notes, contents) is drawn once, with the first.
  const doc = withEveryPart(syntheticExport(dir, { claims: 90, notes: 25, annotations: 60, indicators: 6 }, 'a4'));
  assert.ok(
    doc.sections.length > 2 && doc.charts.length > 0 && (doc.annotations?.notes.length ?? 0) > 7,
    'a brief with every kind of part',
  );
  // What a reader gets: the elements, their attributes and text, without the comments Svelte leaves as markers.
  const drawn = async (partItems: number) =>
    (await printDocument(doc, { pdf: false, html: true }, { partItems })).html!.replace(/<!--[^]*?-->/g, '').replace(/>\s+</g, '><');
  const whole = await drawn(0);
  const inParts = await drawn(7);
  assert.ok(whole.includes('<img'), 'the charts drawn');
  for (const drawnOnce of [
    'class="hl-notes',
    'id="bottom-line"',
    'id="key-judgments"',
    'id="analyst-notes"',
    'On this theme.',
    'words no longer there',
  ])
    assert.equal(whole.split(drawnOnce).length, 2, `${drawnOnce} drawn once`);
  assert.equal(inParts, whole);
});
