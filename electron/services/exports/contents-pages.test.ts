import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportDocument } from '../../../common/export-document.ts';
import { composeExport, defaultExportOptions } from '../../../db/export/index.ts';
import { headingPages, MAX_PRINTS, printWithContentsPages, type PrintPass } from './contents-pages.ts';

// The contents' page numbers: predicted by the print view and checked against the printed outline,
// printed again with the outline's numbers when they differ, and left out rather than printed wrong.
// The printer is a stand-in that "lays out" each heading on the page the test says, so what the
// loop does with each answer can be seen print by print.

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

/**
 * A stand-in print view, printer and reader: print n "lays out" the headings on the pages
 * `layouts[n]` gives, by anchor; the view predicts `predicted` when asked (null: it found no heading).
 */
function standIn(layouts: Record<string, number>[], predicted: Record<string, number> | null = null) {
  const printed: { version: ExportDocument; how: Parameters<PrintPass>[1] }[] = [];
  const print: PrintPass = async (version, how) => {
    printed.push({ version, how });
    return { pdf: new Uint8Array([printed.length]), pages: how.predictPages && predicted ? new Map(Object.entries(predicted)) : null };
  };
  const read: typeof headingPages = async (pdf) => new Map(Object.entries(layouts[Math.min(pdf[0]! - 1, layouts.length - 1)]!));
  return { printed, print, read };
}

const listedPages = (version: ExportDocument) => version.headings.filter((h) => h.listed).map((h) => [h.heading, h.page]);
const LAYOUT = { 'bottom-line': 1, contents: 1, 'section-1': 1, 'section-2': 2 };

test('the print view predicts the pages; when the printed outline agrees, that one print is the PDF', async () => {
  const { printed, print, read } = standIn([LAYOUT], { 'section-1': 1, 'section-2': 2 });
  const pdf = await printWithContentsPages(doc(), print, read);
  assert.equal(printed.length, 1);
  assert.equal(pdf[0], 1);
  assert.equal(printed[0]!.version.pageNumbers, true, 'the page column is drawn');
  assert.deepEqual(printed[0]!.how, { pass: 1, pagesOnly: false, predictPages: true });
});

test('a wrong prediction is printed again with the outline’s pages, redrawing only the contents; read back, it agrees and is kept', async () => {
  const { printed, print, read } = standIn([LAYOUT], { 'section-1': 1, 'section-2': 3 });
  const pdf = await printWithContentsPages(doc(), print, read);
  assert.equal(printed.length, 2);
  assert.equal(pdf[0], 2);
  assert.deepEqual(printed[1]!.how, { pass: 2, pagesOnly: true, predictPages: false });
  assert.deepEqual(listedPages(printed[1]!.version), [
    ['Alpha', 1],
    ['Beta', 2],
  ]);
});

test('with nothing predicted, printed once to learn the pages, then again with them', async () => {
  const { printed, print, read } = standIn([LAYOUT]);
  const pdf = await printWithContentsPages(doc(), print, read);
  assert.equal(printed.length, 2);
  assert.equal(pdf[0], 2);
  assert.deepEqual(listedPages(printed[0]!.version), [
    ['Alpha', null],
    ['Beta', null],
  ]);
  assert.deepEqual(listedPages(printed[1]!.version), [
    ['Alpha', 1],
    ['Beta', 2],
  ]);
});

test('numbers that move the layout are printed again with the new pages; numbers that never settle are not printed', async () => {
  const moving = standIn([LAYOUT, { ...LAYOUT, 'section-1': 2, 'section-2': 3 }]);
  await printWithContentsPages(doc(), moving.print, moving.read);
  assert.equal(moving.printed.length, 3);
  assert.deepEqual(listedPages(moving.printed[2]!.version), [
    ['Alpha', 2],
    ['Beta', 3],
  ]);

  const layouts = Array.from({ length: MAX_PRINTS + 1 }, (_, i) => ({ ...LAYOUT, 'section-1': 1 + i, 'section-2': 2 + i }));
  const restless = standIn(layouts, { 'section-1': 9, 'section-2': 9 });
  const pdf = await printWithContentsPages(doc(), restless.print, restless.read);
  assert.equal(restless.printed.length, MAX_PRINTS + 1, 'then once more without numbers');
  assert.equal(pdf[0], MAX_PRINTS + 1);
  const last = restless.printed.at(-1)!;
  assert.deepEqual(listedPages(last.version), [
    ['Alpha', null],
    ['Beta', null],
  ]);
  assert.equal(last.how.pagesOnly, true, 'only the contents are redrawn for it');
});

test('a PDF whose headings cannot be read (no outline, or unreadable) is kept only without page numbers', async () => {
  for (const predicted of [null, { 'section-1': 1, 'section-2': 2 }]) {
    const { printed, print } = standIn([LAYOUT], predicted);
    const pdf = await printWithContentsPages(doc(), print, async () => null);
    // A print showing numbers of its own that cannot be checked is printed once more without them.
    assert.equal(printed.length, predicted ? 2 : 1);
    assert.equal(pdf[0], printed.length);
    assert.deepEqual(listedPages(printed.at(-1)!.version), [
      ['Alpha', null],
      ['Beta', null],
    ]);
  }
  assert.equal(await headingPages(new Uint8Array([1, 2, 3]), doc()), null, 'bytes that are no PDF have no pages to give');
});

test('a second print whose outline cannot be read is not kept: its numbers were never checked', async () => {
  const { printed, print } = standIn([LAYOUT], { 'section-1': 1, 'section-2': 3 });
  // The first print's outline says the prediction was wrong; the second print's cannot be read.
  const read: typeof headingPages = async (pdf) => (pdf[0] === 1 ? new Map(Object.entries(LAYOUT)) : null);
  const pdf = await printWithContentsPages(doc(), print, read);
  assert.equal(printed.length, 3);
  assert.equal(pdf[0], 3, 'a third print, without numbers');
  assert.deepEqual(listedPages(printed[2]!.version), [
    ['Alpha', null],
    ['Beta', null],
  ]);
});
