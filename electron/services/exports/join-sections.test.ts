import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFRef, PDFString } from '@cantoo/pdf-lib';
import { SectionJoin } from './join-sections.ts';
import { PAGE_NUMBER_STAMP } from './print-layout.ts';

// The join of a long brief's sections, on PDFs built here: what Chromium writes varies with its
// version (links keyed from 100,000 in some, right after the pages in others), and a section may
// come without tags or outline. The whole-brief check against one print is in
// hosts/chromium/print-document.test.ts.

const name = PDFName.of;

/**
 * A section of `pages` pages, each with one paragraph and one link, tagged as Chromium tags them:
 * a Document element, a parent tree keyed by page (from 0) and by link (from `linkKeysFrom`).
 */
async function section(label: string, pages: number, linkKeysFrom: number | null): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const context = pdf.context;
  const rootRef = context.nextRef();
  const documentRef = context.nextRef();
  const kids: PDFRef[] = [];
  const nums: unknown[] = [];
  for (let i = 0; i < pages; i++) {
    const page = pdf.addPage([300, 300]);
    page.drawText(`${label} ${i + 1}`, { x: 20, y: 200, size: 12 });
    if (linkKeysFrom === null) continue;
    const paragraph = context.register(
      context.obj({ Type: 'StructElem', S: 'P', P: documentRef, Pg: page.ref, K: 0, T: PDFString.of(`${label} ${i + 1}`) }),
    );
    const link = context.register(context.obj({ Type: 'StructElem', S: 'Link', P: documentRef, Pg: page.ref }));
    const annot = context.register(
      context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [10, 10, 50, 30],
        StructParent: linkKeysFrom + i,
        A: { S: 'URI', URI: PDFString.of('briefing-anchor:nowhere') },
      }),
    );
    context.lookup(link, PDFDict).set(name('K'), context.obj({ Type: 'OBJR', Obj: annot, Pg: page.ref }));
    page.node.set(name('Annots'), context.obj([annot]));
    page.node.set(name('StructParents'), PDFNumber.of(i));
    kids.push(paragraph, link);
    nums.push(i, [paragraph], linkKeysFrom + i, link);
  }
  if (linkKeysFrom !== null) {
    context.assign(documentRef, context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: kids }));
    // As Skia writes it: the pages' count, whatever the links' keys.
    const next = pages;
    context.assign(
      rootRef,
      context.obj({
        Type: 'StructTreeRoot',
        K: documentRef,
        ParentTree: context.obj({ Nums: context.obj(nums as never) }),
        ParentTreeNextKey: next,
      }),
    );
    pdf.catalog.set(name('StructTreeRoot'), rootRef);
  }
  return pdf.save();
}

async function joined(parts: Uint8Array[]): Promise<PDFDocument> {
  const join = await SectionJoin.start();
  for (const part of parts) await join.add(part);
  return PDFDocument.load(await join.finish(PAGE_NUMBER_STAMP));
}

test('sections whose link keys collide (each keyed from 100,000) join with every key once, ascending, each to its own element', async () => {
  const pdf = await joined([await section('A', 2, 100_000), await section('B', 3, 100_000), await section('C', 1, 2)]);
  const root = pdf.catalog.lookup(name('StructTreeRoot'), PDFDict);
  const nums = root.lookup(name('ParentTree'), PDFDict).lookup(name('Nums'), PDFArray).asArray();
  const keys = nums.filter((_, i) => i % 2 === 0).map((key) => (key as PDFNumber).asNumber());
  assert.equal(new Set(keys).size, keys.length, `keys once each: ${keys.join(' ')}`);
  assert.ok(
    keys.every((key, i) => i === 0 || key > keys[i - 1]!),
    `keys ascend: ${keys.join(' ')}`,
  );
  assert.ok(root.lookup(name('ParentTreeNextKey'), PDFNumber).asNumber() > Math.max(...keys));
  const entry = (key: number) => pdf.context.lookup(nums[keys.indexOf(key) * 2 + 1]);
  const document = pdf.context.lookup(root.get(name('K')), PDFDict);
  assert.equal(document.lookup(name('K'), PDFArray).size(), 12, 'every section’s elements under one Document element');
  for (const [n, page] of pdf.getPages().entries()) {
    // The page's key leads to its own paragraph, the link's key to its own link element.
    const paragraphs = entry(page.node.lookup(name('StructParents'), PDFNumber).asNumber()) as PDFArray;
    const text = (pdf.context.lookup(paragraphs.get(0), PDFDict).lookup(name('T'), PDFString) as PDFString).decodeText();
    assert.equal(text, ['A 1', 'A 2', 'B 1', 'B 2', 'B 3', 'C 1'][n]);
    const annot = pdf.context.lookup(page.node.lookup(name('Annots'), PDFArray).get(0), PDFDict);
    const link = entry(annot.lookup(name('StructParent'), PDFNumber).asNumber()) as PDFDict;
    assert.equal(link.lookup(name('S'), PDFName).asString(), '/Link');
    assert.equal(link.get(name('Pg'))?.toString(), page.ref.toString(), `page ${n + 1}'s link is its own`);
    // A link to an anchor printed nowhere goes nowhere: no action, no destination.
    assert.equal(annot.has(name('A')) || annot.has(name('Dest')), false);
  }
});

test('sections without tags or outline join into one numbered PDF that checks clean', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-join-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const pdf = await joined([await section('A', 2, null), await section('B', 1, null)]);
  assert.equal(pdf.catalog.has(name('StructTreeRoot')), false);
  const file = join(dir, 'joined.pdf');
  writeFileSync(file, await pdf.save());
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  for (const [n, label] of ['A 1', 'A 2', 'B 1'].entries()) {
    const page = text.split('\f')[n]!;
    assert.match(page, new RegExp(label.replace(' ', ' ?')));
    assert.match(page, new RegExp(`Page ${n + 1} of 3`));
  }
  execFileSync('qpdf', ['--check', file]);
});
