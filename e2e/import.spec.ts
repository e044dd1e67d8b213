import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectAccessible } from './support/accessibility.ts';
import { exportTo } from './support/file-dialogs.ts';
import type { WorkspacePage } from './workspace.page.ts';

// A second source comes into the brief: File > Import source… (or Ctrl+I), a file dropped on the
// window, or pasted text, through a preview the analyst adjusts (rename a theme, merge and split
// claims) before one "Add to brief" that one Undo takes back. The figures its claims state are
// offered as indicator candidates in the Figures tab, and nothing else is. Each test writes its own
// source files.

test.describe.configure({ timeout: 120_000 });

const SHOTS = '/tmp/shots-import';
const SIZES = [
  { width: 800, height: 600 },
  { width: 1920, height: 1080 },
] as const;

const MARKDOWN = `# Magnet plants in the Urals

## Output

Output will reach 5,000 tons by 2030 [1]. Two plants are planned [2].

Exports of magnets fell in 2025 [3].

The Verkhnyaya Pyshma plant opens first [4].

## Risks

Power supply is short in winter [5].
`;

/** An article in the embedded layout with one figure of each kind, and one claim with none. */
const ARTICLE = `稀土加工的新计划
Example Policy Review·2026-03-14 09:30

Group 1 - Russia holds rare earth reserves of 28 million tons, ranking fifth globally [1] - Only 12 of 30 regions have a processing plant [2] Group 2 - The recovery rate rose from 55% to 78% [3] - Mines extract 2% of the ore they could reach [4] Group 3 - A new refinery takes 10 years to build [5] - Output will double by 2030 [6] - The ministry has not said who will pay [7]
`;
const ARTICLE_FIGURES: [quote: string, kind: string][] = [
  ['28 million tons', 'Quantity'],
  ['ranking fifth globally', 'Rank'],
  ['12 of 30 regions', 'Count'],
  ['from 55% to 78%', 'Range'],
  ['2%', 'Percentage'],
  ['10 years', 'Duration'],
  ['by 2030', 'Target year'],
];

/**
 * Theme headings as the reading view shows them: with two sources in the brief a heading also names
 * its source ("Risks from Urals review"), so each label is matched as the heading's start.
 */
const headings = (...labels: string[]) =>
  labels.map((label) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|\\s*from )`));

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const run = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8' });
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** A claim of the reading view as words (its citation chips left out) and the numbers of its chips. */
async function readClaim(workspace: WorkspacePage, number: string): Promise<{ words: string; markers: number[] }> {
  const claim = workspace.claim(number);
  const words = await claim.root.locator('[data-target-kind="claim"]').evaluate((text) => {
    const copy = text.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-not-text]').forEach((chip) => chip.remove());
    return copy.textContent!.trim();
  });
  const labels = await claim.citations.evaluateAll((chips) => chips.map((chip) => chip.getAttribute('aria-label') ?? ''));
  return { words, markers: labels.map((label) => Number(/(\d+)(?:,|$)/.exec(label)![1])) };
}

/** Screenshots at the small and the large window, light and dark; `prepare` shows what is to be seen at each size. */
async function screenshots(page: Page, workspace: WorkspacePage, name: string, prepare: (width: number) => Promise<void>) {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await prepare(size.width);
    for (const scheme of ['light', 'dark'] as const)
      await workspace.screenshot(join(SHOTS, `${name}-${size.width}x${size.height}-${scheme}.png`), scheme);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('File > Import source… previews a Markdown file; a renamed theme, a merge and a split are added as shown, and one Undo takes the source back', async ({
  workspace,
  app,
  page,
}, testInfo) => {
  const file = testInfo.outputPath('magnets.md');
  writeFileSync(file, MARKDOWN);
  await app.answerNextDialog(file);
  await workspace.fileMenu.choose('Import source…');

  const preview = workspace.importPreview;
  await expect(preview.dialog).toBeVisible();
  await expect(preview.origin).toHaveText(
    `From magnets.md · Markdown · ${Buffer.byteLength(MARKDOWN)} bytes · SHA-256 ${sha256(MARKDOWN).slice(0, 12)}`,
  );
  await expect(preview.counts).toHaveText('2 themes, 4 claims, 5 citations');
  await expect(preview.headline).toHaveValue('Magnet plants in the Urals');
  await expect(preview.shortName).toHaveValue('magnets');
  expect(await preview.headingTexts()).toEqual(['Output', 'Risks']);
  expect(await preview.claimTexts()).toEqual([
    'Output will reach 5,000 tons by 2030 [1]. Two plants are planned [2].',
    'Exports of magnets fell in 2025 [3].',
    'The Verkhnyaya Pyshma plant opens first [4].',
    'Power supply is short in winter [5].',
  ]);

  await preview.renameTheme(1, 'Magnet output');
  await preview.mergeWithNext('1.2');
  await preview.split('1.1', 'by 2030 [1].');
  await preview.shortName.fill('Urals review');
  await expect(preview.counts).toHaveText('2 themes, 4 claims, 5 citations');
  expect(await preview.claimTexts()).toEqual([
    'Output will reach 5,000 tons by 2030 [1].',
    'Two plants are planned [2].',
    'Exports of magnets fell in 2025 [3]. The Verkhnyaya Pyshma plant opens first [4].',
    'Power supply is short in winter [5].',
  ]);
  await expectAccessible(page, 'import preview', 'dialog[open]');
  await screenshots(page, workspace, 'import-preview', async () => {
    await preview.dialog.evaluate((dialog) => dialog.scrollTo(0, 0));
  });
  // The dialog scrolls inside itself; its buttons stay at the bottom.
  await screenshots(page, workspace, 'import-preview-claims', async () => {
    await preview.claim('1.2').evaluate((claim) => claim.scrollIntoView({ block: 'center' }));
  });
  await page.setViewportSize({ width: 1360, height: 900 });

  await preview.add();
  await expect(preview.dialog).toBeHidden();
  await expect(workspace.status).toContainText('Added “Magnet plants in the Urals”: 2 themes, 4 claims, 5 citations.');
  await expect(workspace.themeHeadings).toHaveText(headings('Group 1', 'Group 2', 'Group 3', 'Group 4', 'Magnet output', 'Risks'));
  await expect(workspace.reading.getByText('Magnet plants in the Urals')).toBeVisible();
  expect(await readClaim(workspace, '5.1')).toEqual({ words: 'Output will reach 5,000 tons by 2030.', markers: [1] });
  expect(await readClaim(workspace, '5.2')).toEqual({ words: 'Two plants are planned.', markers: [2] });
  expect(await readClaim(workspace, '5.3')).toEqual({
    words: 'Exports of magnets fell in 2025. The Verkhnyaya Pyshma plant opens first.',
    markers: [3, 4],
  });
  expect(await readClaim(workspace, '6.1')).toEqual({ words: 'Power supply is short in winter.', markers: [5] });

  // The whole source is one edit: one Undo takes every theme and claim of it back, and Redo brings it again.
  await workspace.undo();
  await expect(workspace.status).toContainText('Undone: Add source.');
  await expect(workspace.themeHeadings).toHaveText(headings('Group 1', 'Group 2', 'Group 3', 'Group 4'));
  await expect(workspace.reading.getByText('Magnet plants in the Urals')).toHaveCount(0);
  await workspace.redo();
  await expect(workspace.themeHeadings).toHaveText(headings('Group 1', 'Group 2', 'Group 3', 'Group 4', 'Magnet output', 'Risks'));
});

test('pasted text is read into the same preview and added; Escape closes an import without adding anything', async ({
  workspace,
  page,
}) => {
  // Ctrl+I asks for a file; cancelling that question leaves the dialog, to paste instead.
  await workspace.shortcut('i');
  const preview = workspace.importPreview;
  await expect(preview.dialog).toBeVisible();
  await expect(preview.dialog.getByRole('button', { name: 'Choose a file…' })).toBeVisible();

  await preview.readPasted(
    'Grid upgrades in the Far East\n\nSubstations\n\nThree substations will be rebuilt [1].\n\nThe work starts in spring [2].\n',
  );
  await expect(preview.counts).toHaveText('1 theme, 2 claims, 2 citations');
  await expect(preview.origin).toContainText('From Pasted text · plain text');
  await expect(preview.headline).toHaveValue('Grid upgrades in the Far East');
  expect(await preview.claimTexts()).toEqual(['Three substations will be rebuilt [1].', 'The work starts in spring [2].']);
  await preview.translation.fill('Modernisation du réseau en Extrême-Orient');
  await preview.add();
  await expect(preview.dialog).toBeHidden();
  await expect(workspace.themeHeadings.last()).toHaveText(headings('Substations'));
  expect(await readClaim(workspace, '5.2')).toEqual({ words: 'The work starts in spring.', markers: [2] });

  // Escape is Cancel: the dialog closes and the brief is as it was.
  await workspace.shortcut('i');
  await preview.readPasted('Another note\n\nIt says nothing new [9].\n');
  await expect(preview.counts).toHaveText('1 theme, 1 claim, 1 citation');
  await page.keyboard.press('Escape');
  await expect(preview.dialog).toBeHidden();
  await expect(workspace.themeHeadings).toHaveCount(5);
});

test('an article in the embedded layout offers each of its figures as a candidate and nothing else; three accepted reach the Indicators tab and the PDF, a dismissal is undone', async ({
  workspace,
  app,
  page,
}, testInfo) => {
  // A brief of its own, so the only claims are the article's.
  await page.keyboard.press('Control+N');
  await expect(workspace.says('This brief is empty.')).toBeVisible();
  const file = testInfo.outputPath('rare-earth-plans.txt');
  writeFileSync(file, ARTICLE);
  await app.answerNextDialog(file);
  await workspace.fileMenu.choose('Import source…');
  const preview = workspace.importPreview;
  await expect(preview.counts).toHaveText('3 themes, 7 claims, 7 citations');
  await expect(preview.origin).toContainText('From rare-earth-plans.txt · article text');
  await expect(preview.shortName).toHaveValue('Example Policy Review');
  await preview.translation.fill('New plans for rare earth processing');
  await preview.add();
  await expect(workspace.themeHeadings).toHaveText(headings('Group 1', 'Group 2', 'Group 3'));

  const { figures } = workspace;
  await figures.open();
  await expect(figures.quotes).toHaveText(ARTICLE_FIGURES.map(([quote]) => quote));
  await expect(figures.kinds).toHaveText(ARTICLE_FIGURES.map(([, kind]) => kind));
  await expect(figures.claim('1.1')).toContainText('rare earth reserves of 28 million tons, ranking fifth globally');
  await expect(figures.claim('3.3')).toHaveCount(0);
  // The Figures tab itself: the rest of the window is other work's to check.
  await expectAccessible(page, 'Figures tab', '#side-panel');

  await screenshots(page, workspace, 'figures-panel', async (width) => {
    // Below 860 pixels the side panel folds away behind the top bar's toggle.
    const toggle = page.getByRole('banner').getByRole('button', { name: 'Panel' });
    if (width < 860 && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(figures.root).toBeVisible();
    await figures.startAccepting('28 million tons');
  });
  await page.setViewportSize({ width: 1360, height: 900 });

  // The form starts from the claim's words, the value, its unit and the source's date.
  const form = await figures.startAccepting('28 million tons');
  await expect(form.name).toHaveValue('Rare earth reserves');
  await expect(form.value).toHaveValue('28');
  await expect(form.unit).toHaveValue('million tons');
  await expect(form.asOf).toHaveValue('2026-03-14');
  await figures.accept('28 million tons');
  await figures.accept('from 55% to 78%', { name: 'Ore recovery rate' });
  await figures.accept('12 of 30 regions', { name: 'Regions with a processing plant', unit: 'regions' });
  await expect(figures.quotes).toHaveText(['ranking fifth globally', '2%', '10 years', 'by 2030']);

  await figures.dismiss('2%');
  await expect(figures.quotes).toHaveText(['ranking fifth globally', '10 years', 'by 2030']);
  await workspace.undo();
  await expect(figures.quotes).toHaveText(['ranking fifth globally', '2%', '10 years', 'by 2030']);

  await workspace.indicators.open();
  await expect(workspace.indicators.cards).toHaveCount(3);
  await expect(workspace.indicator('Rare earth reserves').value).toHaveText('28 million tons');
  await expect(workspace.indicator('Ore recovery rate').value).toHaveText('78%');
  await expect(workspace.indicator('Regions with a processing plant').value).toContainText('12');
  await expect(workspace.indicator('Rare earth reserves').linkToClaim('1.1')).toBeVisible();

  await workspace.composer.open();
  const pdf = testInfo.outputPath('brief.pdf');
  await exportTo(app, workspace.composer, 'PDF', pdf);
  const text = flat(run('pdftotext', '-layout', pdf, '-'));
  // The table runs from its column headings to the references (it may break across a page).
  const table = text.slice(text.indexOf('Indicator Value Unit As of Claim'), text.lastIndexOf('References'));
  // Each row: its name (which may wrap in its column, its last words on the line below) and its other cells in a line.
  for (const [name, cells] of [
    ['Rare earth reserves', '28 million tons million tons 2026-03-14 · as reported 1.1'],
    ['Ore recovery rate', '78% % 2026-03-14 · as reported 2.1'],
    ['Regions with a processing plant', '12 regions regions 2026-03-14 · as reported 1.2'],
  ]) {
    expect(table, `a row of the PDF's indicator table`).toContain(cells);
    for (const word of name!.split(' ')) expect(table, `${name} in the PDF's indicator table`).toContain(word);
  }
  for (const notTaken of ['fifth', '10 years', '2030', '2%']) expect(table).not.toContain(notTaken);
});

test('a dropped web page with a script, a remote image and a meta refresh is imported as text, and nothing is fetched', async ({
  workspace,
  page,
}) => {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const html = `<!doctype html><html><head><title>Magnet report</title>
<meta http-equiv="refresh" content="0; url=${origin}/refresh">
<link rel="stylesheet" href="${origin}/style.css">
<script>fetch('${origin}/script'); document.title = 'script ran';</script>
</head><body>
<nav><a href="${origin}/home">Home</a> <a href="${origin}/about">About us</a></nav>
<article><h1>Magnet report</h1>
<h2>Plants</h2>
<p>The first magnet plant opens in 2027 [1].</p>
<img src="${origin}/pixel.png" alt="">
<p>Two more plants follow before 2030 [2].</p>
</article>
<script>new Image().src = '${origin}/beacon';</script>
</body></html>`;
    const preview = workspace.importPreview;
    await preview.drop('magnet-report.html', html);
    await expect(preview.dialog).toBeVisible();
    await expect(preview.origin).toContainText('From magnet-report.html · web page');
    await expect(preview.headline).toHaveValue('Magnet report');
    expect(await preview.claimTexts()).toEqual(['The first magnet plant opens in 2027 [1].', 'Two more plants follow before 2030 [2].']);
    await preview.add();
    await expect(workspace.themeHeadings.last()).toHaveText(headings('Plants'));
    expect(await readClaim(workspace, '5.1')).toEqual({ words: 'The first magnet plant opens in 2027.', markers: [1] });
    await expect(workspace.reading.getByText('About us')).toHaveCount(0);
    await expect(page).not.toHaveTitle('script ran');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  expect(requests, 'requests the local server received').toEqual([]);
});
