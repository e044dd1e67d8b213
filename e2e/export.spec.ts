import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test as base } from './fixtures.ts';
import type { Composer } from './pages/composer.ts';
import { exportTo } from './support/file-dialogs.ts';

const HEADLINE = '俄总理返回莫斯科后,普京下令了:即日起,减少对中国的依赖';

// Most tests start in the composer.
const test = base.extend<{ composer: Composer }>({
  /** The composer, opened from the workspace before the test starts. */
  composer: async ({ workspace }, use) => {
    await workspace.composer.open();
    await use(workspace.composer);
  },
});

// Printing starts a second page and Chromium's PDF writer; on 2 busy cores that takes a while.
test.describe.configure({ timeout: 120_000 });
const run = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8' });

test('the composed brief exports to a PDF with the headline, every theme, the indicators, the marking on every page, embedded fonts, tags and an outline', async ({
  page,
  app,
  composer,
}, testInfo) => {
  await composer.setMarking('OFFICIAL-SENSITIVE');
  await expect(composer.preview.getByText('OFFICIAL-SENSITIVE').first()).toBeVisible();
  await expect(composer.previewHeadings).toHaveText(['Contents', 'Group 1', 'Group 2', 'Group 3', 'Group 4', 'Indicators', 'References']);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: testInfo.outputPath('composer-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('composer-dark.png') });

  const pdf = testInfo.outputPath('brief.pdf');
  await exportTo(app, composer, 'PDF', pdf);
  expect(existsSync(pdf)).toBe(true);

  const text = run('pdftotext', '-layout', pdf, '-');
  expect(text).toContain(HEADLINE);
  for (const heading of ['Group 1', 'Group 2', 'Group 3', 'Group 4', 'Indicators', 'References']) expect(text).toContain(heading);
  for (const value of ['28 million tons', '< 1%', '≈ 1,200 engineers', '55% → 78%', '2025-11-09']) expect(text).toContain(value);
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', pdf))![1]);
  expect(pages).toBeGreaterThan(1);
  for (let p = 1; p <= pages; p++) {
    const pageText = run('pdftotext', '-f', String(p), '-l', String(p), '-layout', pdf, '-');
    expect(pageText.match(/OFFICIAL-SENSITIVE/g)?.length ?? 0, `marking in header and footer of page ${p}`).toBeGreaterThanOrEqual(2);
    expect(pageText).toContain(`Page ${p} of ${pages}`);
  }
  expect(run('pdfinfo', pdf)).toMatch(/Tagged:\s+yes/);
  expect(run('pdfinfo', pdf)).toMatch(/Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
  const fonts = run('pdffonts', pdf)
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '');
  expect(fonts.length).toBeGreaterThan(0);
  for (const line of fonts) expect(line.split(/\s+/).at(-5), `embedded: ${line}`).toBe('yes');
  expect(
    fonts.some((line) => /NotoSansSC/i.test(line)),
    'the bundled Chinese font is embedded',
  ).toBe(true);
  run('qpdf', '--check', pdf);
  const outline = JSON.parse(run('qpdf', '--json', '--json-key=outlines', pdf)) as {
    outlines: { title: string; kids: { title: string }[] }[];
  };
  const titles = JSON.stringify(outline.outlines);
  for (const heading of ['Group 1', 'Group 2', 'Group 3', 'Group 4']) expect(titles).toContain(heading);

  // Pages as pictures, to look at.
  const pngs = testInfo.outputPath('pages');
  mkdirSync(pngs, { recursive: true });
  run('pdftoppm', '-png', '-r', '60', pdf, join(pngs, 'page'));
  expect(readdirSync(pngs).length).toBe(pages);
});

test('Markdown and HTML exports: the HTML is one file with no script and nothing remote', async ({ app, composer }, testInfo) => {
  const md = testInfo.outputPath('brief.md');
  await exportTo(app, composer, 'MD', md);
  const markdown = readFileSync(md, 'utf8');
  expect(markdown).toContain(`: ${HEADLINE}`);
  expect(markdown).toContain('**2.3** The lack of skilled engineers');

  const html = testInfo.outputPath('brief.html');
  await exportTo(app, composer, 'HTML', html);
  const content = readFileSync(html, 'utf8');
  expect(content).toContain(HEADLINE);
  expect(content).not.toMatch(/<script/i);
  expect(content).not.toMatch(/(src|href)=["']?(https?:|\/\/|\/assets)/i);
  expect(content).toMatch(/<img [^>]*src="data:image\/png;base64,/);
  // The values' history, joined so that a line breaks after an arrow, never inside a value.
  expect(content).toContain('55%&nbsp;→ 78%');
});

test('US Letter paper, and an export to a folder that does not exist fails clearly and leaves nothing', async ({
  app,
  workspace,
  composer,
}, testInfo) => {
  await composer.choosePaper('US Letter');
  const missing = testInfo.outputPath('no-such-folder', 'brief.pdf');
  await app.answerNextDialog(missing);
  await composer.export('PDF');
  await expect(workspace.alertSaying('The folder')).toHaveText(/The folder .*no-such-folder does not exist; choose another place\./, {
    timeout: 60_000,
  });
  expect(existsSync(testInfo.outputPath('no-such-folder'))).toBe(false);

  const letter = testInfo.outputPath('letter.pdf');
  await exportTo(app, composer, 'PDF', letter);
  expect(run('pdfinfo', letter)).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  expect(readdirSync(testInfo.outputPath()).filter((f) => f.endsWith('.part'))).toEqual([]);
});

test('an empty brief exports a valid PDF that says it is empty', async ({ page, app, workspace }, testInfo) => {
  const { composer } = workspace;
  await page.keyboard.press('Control+N');
  await expect(workspace.says('This brief is empty.')).toBeVisible();
  await composer.open();
  const pdf = testInfo.outputPath('empty.pdf');
  await exportTo(app, composer, 'PDF', pdf);
  expect(run('pdftotext', pdf, '-')).toContain('This brief is empty');
  run('qpdf', '--check', pdf);
});

test('File > Export as PDF exports the whole brief with progress shown, from the menu as from the keyboard', async ({
  app,
  workspace,
}, testInfo) => {
  const { composer } = workspace;
  const pdf = testInfo.outputPath('from-menu.pdf');
  await app.answerNextDialog(pdf);
  await workspace.fileMenu.choose('Export as PDF…');
  await expect(composer.progress.or(composer.exported('PDF'))).toBeVisible();
  await expect(composer.exported('PDF')).toBeVisible({ timeout: 60_000 });
  expect(run('pdftotext', pdf, '-')).toContain('Group 4');
});

test('an export left running when the composer is closed says in the workspace where it wrote the file', async ({
  app,
  page,
  workspace,
  composer,
}, testInfo) => {
  const pdf = testInfo.outputPath('left.pdf');
  await app.answerNextDialog(pdf);
  // Export, and leave the composer at once (in the same task: the seed brief, drawn ahead, exports in half a second).
  await page.evaluate(() => {
    const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;
    button('Export PDF…').click();
    button('Back to the brief').click();
  });
  await expect(composer.heading).toBeHidden();
  await expect(workspace.status).toContainText(`Exported PDF to ${pdf}`, { timeout: 60_000 });
  expect(run('pdftotext', pdf, '-')).toContain('Group 4');
});
