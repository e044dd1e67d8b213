import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportDocument } from '../../../common/export-document.ts';
import { composeExport, defaultExportOptions } from '../../../db/export/index.ts';
import { headingPages, MAX_PRINTS, printWithContentsPages } from './contents-pages.ts';

// The contents' page numbers: printed once to learn them, printed again with them, checked, and left
// out rather than printed wrong. The printer is a stand-in that "lays out" each heading on the page
// the test says, so what the loop does with each answer can be seen print by print.

const doc = (): ExportDocument => {
  const brief = {
    id: 'b',
    createdAt: '',
    updatedAt: '',
    author: 'me',
    title: 'Brief',
    bottomLine: 'The answer.',
    judgments: [],
    citationGrades: [],
    exportSettings: null,
    sources: [],
    themes: ['Alpha', 'Beta'].map((label, t) => ({
      id: `t${t}`,
      createdAt: '',
      updatedAt: '',
      author: 'me',
      position: t,
      label,
      title: null,
      sourceId: null,
      claims: [
        {
          id: `c${t}`,
          createdAt: '',
          updatedAt: '',
          author: 'me',
          themeId: `t${t}`,
          sourceId: null,
          position: 0,
          text: `Claim of ${label}.`,
          citations: [],
          editableText: `Claim of ${label}.`,
          confidence: null,
          judgement: null,
          translation: null,
        },
      ],
    })),
    indicators: [],
    highlights: [],
    notes: [],
    palette: [],
    dismissedFigures: [],
  };
  return composeExport(brief, defaultExportOptions('Brief', 'me', '2026-11-28'));
};

/** A stand-in print and reader: print n "lays out" the headings on the pages `layouts[n]` gives, by anchor. */
function standIn(layouts: Record<string, number>[]) {
  const printed: ExportDocument[] = [];
  const print = async (version: ExportDocument) => {
    printed.push(version);
    return new Uint8Array([printed.length]);
  };
  const read: typeof headingPages = async (pdf) => new Map(Object.entries(layouts[Math.min(pdf[0]! - 1, layouts.length - 1)]!));
  return { printed, print, read };
}

const listedPages = (version: ExportDocument) => version.headings.filter((h) => h.listed).map((h) => [h.heading, h.page]);

test('printed once to learn the pages, then again with them; the second print, read back, agrees and is the one kept', async () => {
  const { printed, print, read } = standIn([{ 'bottom-line': 1, contents: 1, 'section-1': 1, 'section-2': 2 }]);
  const pdf = await printWithContentsPages(doc(), print, read);
  assert.equal(printed.length, 2);
  assert.equal(pdf[0], 2);
  assert.equal(printed[0]!.pageNumbers, true, 'the first print keeps the page column, empty, so the layout does not move');
  assert.deepEqual(listedPages(printed[0]!), [
    ['Alpha', null],
    ['Beta', null],
  ]);
  assert.deepEqual(listedPages(printed[1]!), [
    ['Alpha', 1],
    ['Beta', 2],
  ]);
});

test('numbers that move the layout are printed again with the new pages; numbers that never settle are not printed', async () => {
  const moving = standIn([
    { 'bottom-line': 1, contents: 1, 'section-1': 1, 'section-2': 2 },
    { 'bottom-line': 1, contents: 1, 'section-1': 2, 'section-2': 3 },
  ]);
  await printWithContentsPages(doc(), moving.print, moving.read);
  assert.equal(moving.printed.length, 3);
  assert.deepEqual(listedPages(moving.printed[2]!), [
    ['Alpha', 2],
    ['Beta', 3],
  ]);

  const layouts = Array.from({ length: MAX_PRINTS }, (_, i) => ({ 'bottom-line': 1, contents: 1, 'section-1': 1 + i, 'section-2': 2 + i }));
  const restless = standIn(layouts);
  const pdf = await printWithContentsPages(doc(), restless.print, restless.read);
  assert.equal(restless.printed.length, MAX_PRINTS);
  assert.equal(pdf[0], 1, 'the first print, whose contents have no numbers');
});

test('a PDF whose headings cannot be read (no outline, or unreadable) is kept as first printed, without page numbers', async () => {
  const printed: ExportDocument[] = [];
  const pdf = await printWithContentsPages(
    doc(),
    async (version) => (printed.push(version), new Uint8Array([7])),
    async () => null,
  );
  assert.equal(printed.length, 1);
  assert.equal(pdf[0], 7);
  assert.deepEqual(listedPages(printed[0]!), [
    ['Alpha', null],
    ['Beta', null],
  ]);
  assert.equal(await headingPages(new Uint8Array([1, 2, 3]), doc()), null, 'bytes that are no PDF have no pages to give');
});
