import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BriefWriter } from '../db/edit/index.ts';
import { openWorkspace } from '../db/seed/index.ts';
import { closeAsSingleFile } from '../db/store/index.ts';
import { writeSyntheticBrief } from '../db/test-support/index.ts';
import type { Brief } from '../common/model.ts';
import { CHROMIUM_HOST_ORIGIN } from '../hosts/chromium/origin.ts';
import { expect, test } from './fixtures.ts';
import { COMPOSER_PARTS, type Composer, type ComposerPart } from './pages/composer.ts';
import { exportTo, openFile } from './support/file-dialogs.ts';

// The composer and what it exports: everything the analyst wrote can go in, chosen part by part;
// the preview shows exactly what the PDF holds after every change; the settings are the brief's
// (they survive a reload and a Save As); and the PDF's contents give the right pages.

// Printing starts a second page and Chromium's PDF writer (twice, for the contents' page numbers); on 2 busy cores that takes a while.
test.describe.configure({ timeout: 300_000 });
const run = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

const MARKING = 'OFFICIAL-SENSITIVE';
/** The indicators table's header row, without white space. */
const TABLE_HEADER = 'IndicatorValueUnitAsofClaim';
const BOTTOM_LINE = 'Russia cannot cut its dependence on Chinese rare earths before 2030: its reserves are large but barely worked.';

/**
 * The seed brief with everything an analyst writes, made through the store's own edits before the
 * app starts: a bottom line, three key judgments (the third without evidence), graded source and
 * references, an assessment, notes on the brief, a theme, a claim and an indicator (one with an
 * image), highlights in three colours with comments, one highlight orphaned and one indicator's
 * quote edited out of its claim (both by rewording claim 2.1), and a value dated in the future.
 */
function writeAnalystBrief(path: string): void {
  const workspace = openWorkspace(path, 'Test Analyst');
  const writer = new BriefWriter(workspace.db, 'Test Analyst');
  try {
    const brief = (): Brief => workspace.briefs.getBrief()!;
    const claim = (number: string) => {
      const [t, c] = number.split('.').map(Number) as [number, number];
      return brief().themes[t - 1]!.claims[c - 1]!;
    };
    const indicator = (name: string) => brief().indicators.find((i) => i.name === name)!;
    const highlight = (number: string, words: string, colour: 'yellow' | 'green' | 'red' | 'blue', comment: string | null) => {
      const target = claim(number);
      const start = target.text.indexOf(words);
      if (start < 0) throw new Error(`claim ${number} does not say “${words}”`);
      writer.apply({ kind: 'highlight.add', targetKind: 'claim', targetId: target.id, start, end: start + words.length, colour, comment });
    };

    writer.apply({ kind: 'brief.bottomLine', text: BOTTOM_LINE });
    const kj1 = writer.apply({
      kind: 'judgment.add',
      text: 'Russia will remain a minor rare earth producer through 2030.',
      likelihood: 'likely',
      confidence: 'moderate',
    }).id;
    const kj2 = writer.apply({
      kind: 'judgment.add',
      text: 'China will tighten rare earth exports again.',
      likelihood: 'roughly-even',
      confidence: null,
    }).id;
    writer.apply({ kind: 'judgment.add', text: 'A joint venture with India will be announced.', likelihood: null, confidence: 'low' });
    const link = (judgmentId: string, targetKind: 'claim' | 'indicator', targetId: string, stance: 'supports' | 'undercuts') =>
      writer.apply({ kind: 'evidence.link', judgmentId, targetKind, targetId, stance });
    link(kj1, 'claim', claim('2.3').id, 'supports');
    link(kj1, 'claim', claim('2.1').id, 'supports');
    link(kj1, 'indicator', indicator('Engineers working in the rare earth sector').id, 'supports');
    link(kj1, 'claim', claim('4.2').id, 'undercuts');
    link(kj2, 'claim', claim('1.2').id, 'supports');

    const source = brief().sources[0]!;
    writer.apply({ kind: 'source.grade', id: source.id, reliability: 'B', credibility: '2' });
    writer.apply({ kind: 'citation.grade', sourceId: source.id, marker: 19, reliability: 'A', credibility: '1' });
    writer.apply({ kind: 'citation.grade', sourceId: source.id, marker: 6, reliability: 'C', credibility: '3' });
    writer.apply({ kind: 'claim.assess', id: claim('1.2').id, confidence: 'high', judgement: 'Matches customs data.' });

    writer.apply({
      kind: 'note.add',
      targetKind: 'brief',
      targetId: null,
      body: '**Caveat**: one source only.\n\n![output chart](https://example.org/chart.png)',
      tags: [],
    });
    writer.apply({ kind: 'note.add', targetKind: 'theme', targetId: brief().themes[0]!.id, body: 'Context for *this group*.', tags: [] });
    writer.apply({
      kind: 'note.add',
      targetKind: 'claim',
      targetId: claim('2.3').id,
      body: 'See [the skills report](https://example.org/skills).',
      tags: [],
    });
    writer.apply({
      kind: 'note.add',
      targetKind: 'indicator',
      targetId: indicator('Engineers working in the rare earth sector').id,
      body: 'The figure dates from *2024*.',
      tags: [],
    });

    highlight('1.1', 'national roadmap', 'yellow', 'The plan itself.');
    highlight('2.3', '1,200 engineers', 'red', 'Check the number.');
    highlight('3.3', '55% to 78%', 'green', null);
    highlight('2.1', '28 million tons', 'blue', 'Reserves figure.');
    // Reworded: the blue highlight's words and the reserves indicator's quote are gone from claim 2.1.
    writer.apply({ kind: 'claim.update', id: claim('2.1').id, text: claim('2.1').editableText.replace('28 million tons', 'vast size') });
    writer.apply({
      kind: 'observation.add',
      indicatorId: indicator('Rare earth recycling recovery rate').id,
      value: '90',
      unit: '%',
      comparator: 'equal',
      asOf: '2030-01-01',
      claimId: null,
    });
  } finally {
    closeAsSingleFile(workspace.db);
  }
}

/**
 * Text as compared between the preview and the PDF: the marking (the PDF's header and footer and
 * the title block's box) and "Page N of M" taken out, a table header row repeated on a later page
 * taken out, the contents' page numbers (the PDF's alone) taken out, and every white space removed. White space is not content here: the PDF breaks lines
 * where the page wraps, and pdftotext writes spaces between a word and its superscript and between
 * table cells where the page has none, and none where the preview has a tab between cells.
 */
function comparable(text: string, contents: readonly string[]): string {
  let squeezed = text
    .split(MARKING)
    .join('')
    .replace(/Page \d+ of \d+/g, '')
    .replace(/\s+/g, '');
  // A table that runs onto the next page has its header row printed again there, as page furniture.
  const [first, ...rest] = squeezed.split(TABLE_HEADER);
  if (rest.length > 0) squeezed = `${first}${TABLE_HEADER}${rest.join('')}`;
  // Each contents line is followed by the next one, in the preview; in the PDF, by its page number first.
  const lines = contents.map((l) => l.replace(/\s+/g, ''));
  let from = 0;
  for (const [i, line] of lines.entries()) {
    const at = squeezed.indexOf(line, from);
    if (at < 0) break;
    const end = at + line.length;
    const next = i + 1 < lines.length ? squeezed.indexOf(lines[i + 1]!, end) : -1;
    const gap = next >= 0 ? squeezed.slice(end, next) : /^\d*/.exec(squeezed.slice(end))![0];
    if (/^\d*$/.test(gap)) squeezed = squeezed.slice(0, end) + squeezed.slice(end + gap.length);
    from = end;
  }
  return squeezed;
}

/** Asserts two texts are equal, showing where they part. */
function expectSameText(pdf: string, preview: string, what: string) {
  if (pdf === preview) return;
  let at = 0;
  while (at < pdf.length && pdf[at] === preview[at]) at++;
  throw new Error(
    `${what}: the PDF and the preview part at character ${at}:\n  PDF:     …${pdf.slice(Math.max(0, at - 60), at + 80)}\n  preview: …${preview.slice(Math.max(0, at - 60), at + 80)}`,
  );
}

/** Exports the PDF and checks its text is the preview's. */
async function expectPdfIsPreview(app: Parameters<typeof exportTo>[0], composer: Composer, path: string, what: string) {
  const previewText = await composer.document.innerText();
  const contents = await composer.contents.allInnerTexts();
  await exportTo(app, composer, 'PDF', path);
  const pdfText = run('pdftotext', '-raw', path, '-');
  expectSameText(comparable(pdfText, contents), comparable(previewText, contents), what);
  return { pdfText, previewText };
}

/** What each part shows in the preview, to see it go when it is left out. */
const SIGN_OF: Record<ComposerPart, string> = {
  'Bottom line': BOTTOM_LINE,
  'Key judgments, with their evidence': 'KJ1',
  'Claim assessments': 'Assessment: high confidence — Matches customs data.',
  'Analyst’s notes': 'Caveat',
  'Highlights, their comments and orphans': 'Appendix: highlights',
  'Indicators table': 'As of',
  'Charts of indicator histories': '(undated)',
  References: 'cited in',
  'Grades of the source and references': 'Graded',
};

test.describe('a brief with everything the analyst wrote', () => {
  test.use({
    // eslint-disable-next-line no-empty-pattern
    prepareStore: async ({}, use) => use(writeAnalystBrief),
  });

  test('everything the analyst wrote is exported, and with each part left out in turn the PDF holds exactly what the preview shows', async ({
    app,
    page,
    workspace,
  }, testInfo) => {
    const { composer } = workspace;
    await composer.open();
    await composer.setMarking(MARKING);
    const preview = composer.document;

    // The composer warns of the unsupported judgment; the export does not print the warning.
    await expect(composer.warnings).toHaveText(['Key judgment 3 has no supporting evidence.']);
    await expect(preview).not.toContainText('no supporting evidence');

    await expect(composer.previewHeadings).toHaveText([
      'Bottom line',
      'Key judgments',
      'Analyst’s notes',
      'Contents',
      'Group 1',
      'Group 2',
      'Group 3',
      'Group 4',
      'Indicators',
      'References',
      'Appendix: highlights',
    ]);
    for (const words of [
      BOTTOM_LINE,
      'KJ1 Russia will remain a minor rare earth producer through 2030.',
      'Likelihood: likely (55–80%) · Confidence: moderate',
      'Supported by claims 2.1, 2.3; indicator Engineers working in the rare earth sector.',
      'Cut against by claim 4.2.',
      'Likelihood: roughly even chance (45–55%)',
      '[image: output chart — https://example.org/chart.png]',
      'Context for this group.',
      'See the skills report (https://example.org/skills).',
      'The figure dates from 2024.',
      'Source graded B2 — usually reliable; probably true',
      '[19] cited in 1.1, 1.3, 4.3. Graded A1 — completely reliable; confirmed',
      'quote no longer in claim 2.1',
      '2030-01-01 · projection',
      'Rare earth recycling recovery rate: 55% (undated) → 78% (2025-11-09) → 90% (2030-01-01, projection)',
      'Key fact (yellow)',
      'Claim 1.1, “national roadmap” (Key fact): The plan itself. — Test Analyst',
      'Claim 2.3, “1,200 engineers” (Doubtful): Check the number. — Test Analyst',
      'Claim 2.1: “28 million tons” (Follow up): Reserves figure. — Test Analyst',
    ])
      await expect(preview).toContainText(words);
    // Highlights are marked in their claims, in their colours; the orphan is on no claim.
    await expect(preview.locator('mark.hl-yellow').first()).toHaveText('national roadmap');
    await expect(preview.locator('mark.hl-red').first()).toHaveText('1,200 engineers');
    await expect(preview.locator('.claim mark.hl-blue')).toHaveCount(0);

    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: testInfo.outputPath('composer-light.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: testInfo.outputPath('composer-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    const full = testInfo.outputPath('everything.pdf');
    const { pdfText } = await expectPdfIsPreview(app, composer, full, 'everything');
    expect(pdfText).not.toContain('no supporting evidence');
    const pngs = testInfo.outputPath('pages');
    mkdirSync(pngs, { recursive: true });
    run('pdftoppm', '-png', '-r', '60', full, join(pngs, 'page'));

    // Each part left out in turn: gone from the preview at once (not one change late), and the PDF says the same.
    for (const [index, part] of COMPOSER_PARTS.entries()) {
      await composer.part(part).uncheck();
      await expect(preview).not.toContainText(SIGN_OF[part]);
      await expectPdfIsPreview(app, composer, testInfo.outputPath(`without-${index}.pdf`), `without “${part}”`);
      await composer.part(part).check();
      await expect(preview).toContainText(SIGN_OF[part]);
    }
    // A theme and a claim left out, a theme moved.
    await composer.theme('Group 2').uncheck();
    await expect(composer.previewHeadings).not.toContainText(['Group 2']);
    await composer.claim('1.2').uncheck();
    await expect(preview).not.toContainText('China has begun tightening');
    await composer.moveThemeUp('Group 4');
    await expect(composer.contents).toHaveText([/Group 1/, /Group 4/, /Group 3/, /Indicators/, /References/, /Appendix/]);
    await expectPdfIsPreview(app, composer, testInfo.outputPath('chosen.pdf'), 'themes and claims chosen');
  });

  test('the Markdown and HTML exports hold the same parts in the same order', async ({ app, workspace }, testInfo) => {
    const { composer } = workspace;
    await composer.open();
    const md = testInfo.outputPath('brief.md');
    await exportTo(app, composer, 'MD', md);
    const markdown = readFileSync(md, 'utf8');
    const html = testInfo.outputPath('brief.html');
    await exportTo(app, composer, 'HTML', html);
    const page = readFileSync(html, 'utf8');
    expect(page).not.toMatch(/<script|<img(?![^>]*src="data:image\/png)/i);
    expect(page).not.toMatch(/(src|href)=["']?(https?:|\/\/)/i);
    const order = [
      'Bottom line',
      'Key judgments',
      'KJ3',
      'Analyst’s notes',
      'image: output chart',
      'Contents',
      'Group 1',
      'national roadmap',
      'Group 4',
      'Indicators',
      'quote no longer in claim 2.1',
      'References',
      'Appendix: highlights',
      'Orphaned highlights',
      '28 million tons',
    ];
    for (const [name, text] of [
      ['Markdown', markdown.replace(/\\/g, '')],
      ['HTML', page],
    ] as const) {
      let at = 0;
      for (const words of order) {
        const found = text.indexOf(words, at);
        expect(found, `${name}: “${words}” in order`).toBeGreaterThanOrEqual(0);
        at = found + words.length;
      }
    }
    expect(markdown).toContain('==national roadmap== \\[Key fact\\][^1]');
    expect(markdown).toContain('[^1]: Claim 1.1, “national roadmap” (Key fact): The plan itself. — Test Analyst');
  });

  test('the composer’s settings are the brief’s: they survive a reload, and a Save As carries them to the file', async ({
    app,
    page,
    workspace,
  }, testInfo) => {
    const { composer } = workspace;
    await composer.open();
    await composer.title.fill('Rare earths: the outlook');
    await composer.setMarking(MARKING);
    await composer.choosePaper('US Letter');
    await composer.part('References').uncheck();
    await composer.part('Claim assessments').uncheck();
    await composer.theme('Group 2').uncheck();
    await composer.moveThemeUp('Group 4');
    await composer.claim('1.2').uncheck();
    await expect(composer.kept).toBeVisible();
    const chosen = await composer.document.innerText();

    const expectChosen = async () => {
      await expect(composer.title).toHaveValue('Rare earths: the outlook');
      await expect(composer.marking).toHaveValue(MARKING);
      await expect(composer.paper('US Letter')).toBeChecked();
      await expect(composer.part('References')).not.toBeChecked();
      await expect(composer.part('Claim assessments')).not.toBeChecked();
      await expect(composer.part('Key judgments, with their evidence')).toBeChecked();
      await expect(composer.theme('Group 2')).not.toBeChecked();
      await expect(composer.themeLabels).toHaveText(['Group 1', 'Group 4', 'Group 3', 'Group 2']);
      await expect(composer.claim('1.2')).not.toBeChecked();
      await expect.poll(() => composer.document.innerText()).toBe(chosen);
    };

    await workspace.reload();
    await composer.open();
    await expectChosen();

    const file = testInfo.outputPath('outlook.sqlite');
    await app.answerNextDialog(file);
    await page.keyboard.press('Control+Shift+S');
    await expect(workspace.status).toContainText(`Saved to ${file}`);
    // Another brief, made while the composer is shown, has its own settings (none yet: the defaults)...
    await page.keyboard.press('Control+N');
    await expect(workspace.titleBar.documentName).toHaveText('Untitled brief');
    await composer.open();
    await expect(composer.part('References')).toBeChecked();
    await expect(composer.paper('A4')).toBeChecked();
    await expect(composer.themeLabels).toHaveCount(0);
    // ...and the saved file brings its own back.
    await openFile(app, workspace, file);
    await expect(workspace.titleBar.documentName).toHaveText('outlook.sqlite');
    await composer.open();
    await expectChosen();
  });
});

test('the composer follows an undo: of an edit to the brief (its preview), and of the brief’s first settings (its form)', async ({
  workspace,
}) => {
  const { composer } = workspace;
  // An edit made in the workspace, then undone with the composer open: the preview drops it.
  await workspace.claim('1.1').edit('ZEBRA The core viewpoint of the articles highlights Russia [1][19]');
  await composer.open();
  await expect(composer.document).toContainText('ZEBRA');
  await composer.heading.click();
  await workspace.undo();
  await expect(workspace.status).toContainText('Undone');
  await expect(composer.document).not.toContainText('ZEBRA');
  await expect(composer.document).toContainText('The core viewpoint of the articles');

  // The brief's first settings, undone: the form (and the preview) go back to the defaults.
  const title = await composer.title.inputValue();
  await composer.title.fill('Undo me');
  await expect(composer.kept).toBeVisible();
  await expect(composer.previewTitle).toHaveText('Undo me');
  await composer.heading.click();
  await workspace.undo();
  await expect(workspace.status).toContainText('Undone: Change export settings');
  await expect(composer.title).toHaveValue(title);
  await expect(composer.previewTitle).toHaveText(title);
});

test('an image in a note is never loaded: the workspace and every export show its words and address instead', async ({
  app,
  page,
  workspace,
}, testInfo) => {
  // Every request of the window and of the print pages: only the app's own files, never the note's addresses.
  const outside: string[] = [];
  page.context().on('request', (request) => {
    const url = request.url();
    if (!(url.startsWith('app://briefing/') || url.startsWith(`${CHROMIUM_HOST_ORIGIN}/`) || /^(data|blob):/.test(url))) outside.push(url);
  });
  const { notes, composer } = workspace;
  await notes.open();
  await notes.add(
    'Output fell. ![chart of output](https://example.org/output.png)\n\n<img src="https://example.org/pixel.gif" alt="a pixel">',
  );
  const markup = notes.markupOf(notes.noteOn('Whole brief'));
  await expect(markup).toContainText('Output fell. [image: chart of output — https://example.org/output.png]');
  await expect(markup).toContainText('[image: a pixel — https://example.org/pixel.gif]');
  await expect(markup.locator('img')).toHaveCount(0);

  await composer.open();
  await expect(composer.document).toContainText('[image: chart of output — https://example.org/output.png]');
  await expect(composer.document).toContainText('[image: a pixel — https://example.org/pixel.gif]');
  const pdf = testInfo.outputPath('note-image.pdf');
  await exportTo(app, composer, 'PDF', pdf);
  expect(run('pdftotext', pdf, '-').replace(/\s+/g, ' ')).toContain('[image: chart of output — https://example.org/output.png]');
  const html = testInfo.outputPath('note-image.html');
  await exportTo(app, composer, 'HTML', html);
  expect(readFileSync(html, 'utf8')).toContain('[image: chart of output — https://example.org/output.png]');
  const md = testInfo.outputPath('note-image.md');
  await exportTo(app, composer, 'MD', md);
  const markdown = readFileSync(md, 'utf8');
  expect(markdown).toContain('\\[image: chart of output — <https://example.org/output.png>\\]');
  expect(markdown).toContain('\\[image: a pixel — <https://example.org/pixel.gif>\\]');
  expect(outside).toEqual([]);
});

test.describe('a brief of many pages', () => {
  test.use({
    // eslint-disable-next-line no-empty-pattern
    prepareStore: async ({}, use) =>
      use((path: string) => void writeSyntheticBrief(path, { claims: 600, annotations: 0, notes: 0, indicators: 5 })),
  });

  test('the PDF’s contents give the page each part starts on', async ({ app, workspace }, testInfo) => {
    const { composer } = workspace;
    await composer.open();
    await composer.part('Charts of indicator histories').uncheck();
    const pdf = testInfo.outputPath('long.pdf');
    await exportTo(app, composer, 'PDF', pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', pdf))![1]);
    expect(pages).toBeGreaterThanOrEqual(20);

    // The contents, as printed: "12. Theme 12 ....... 9".
    const layout = run('pdftotext', '-layout', '-f', '1', '-l', '3', pdf, '-');
    const entries = [...layout.matchAll(/^\s*(\d+)\.\s+(.+?)\s+(\d+)\s*$/gm)].map(([, n, heading, page]) => ({
      n: Number(n),
      heading: heading!.trim(),
      page: Number(page),
    }));
    const listed = await composer.contents.allInnerTexts();
    expect(entries.map((e) => `${e.n}. ${e.heading}`)).toEqual(listed.map((l) => l.replace(/\s+/g, ' ').trim()));
    expect(entries.at(-1)!.page).toBeGreaterThan(15);

    const pageText = new Map<number, string[]>();
    const linesOf = (p: number) => {
      if (!pageText.has(p))
        pageText.set(
          p,
          run('pdftotext', '-layout', '-f', String(p), '-l', String(p), pdf, '-')
            .split('\n')
            .map((l) => l.trim()),
        );
      return pageText.get(p)!;
    };
    for (const entry of entries) {
      // The heading stands on its own line on the page the contents give, and on no page before it.
      expect(linesOf(entry.page), `${entry.heading} on page ${entry.page}`).toContain(entry.heading);
      if (entry.page > 1) expect(linesOf(entry.page - 1), `${entry.heading} not on page ${entry.page - 1}`).not.toContain(entry.heading);
    }
  });
});
