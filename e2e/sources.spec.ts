import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures.ts';
import { addSource, copiesOfOneBrief } from './support/brief-files.ts';
import { exportTo, openFile } from './support/file-dialogs.ts';

// A brief that draws on two sources, as it comes about: a colleague imports a second source into
// their copy, and I merge their copy into mine. Each source keeps its own citation numbers ([1] of
// one is not [1] of the other), so the numbers carry their source's name wherever both are in play.

test.describe.configure({ timeout: 150_000 });
const run = (command: string, ...args: string[]) => execFileSync(command, args, { encoding: 'utf8' });

const SECOND_SOURCE = {
  provenance: {
    fileName: 'magnet-outlook.pdf',
    size: 48_213,
    sha256: '5e'.repeat(32),
    format: 'pdf' as const,
    importedAt: '2026-11-20T09:30:00.000Z',
  },
  headline: 'Magnet plants: the outlook to 2030',
  headlineLanguage: 'en',
  titleTranslation: null,
  shortName: 'Institute',
  publisher: 'Rare Metals Institute',
  publishedOn: '2026-11-18',
  themes: [
    {
      heading: 'Magnet output',
      claims: ['Output will reach 5,000 tons by 2030 [1].', 'Two plants are planned in the Urals [1][4].'],
    },
  ],
};

test('a merged copy brings a second source: its numbers carry its name, the references are grouped by source, the PDF says whose number is whose', async ({
  page,
  app,
  workspace,
}, testInfo) => {
  const mine = testInfo.outputPath('mine.sqlite');
  const theirs = testInfo.outputPath('theirs.sqlite');
  copiesOfOneBrief(mine, theirs);
  addSource(theirs, 'colleague', SECOND_SOURCE);
  await openFile(app, workspace, mine);
  await expect(workspace.titleBar.documentName).toHaveText('mine.sqlite');

  // My own edit before the merge: a translation of claim 1.1, labelled as ours.
  await workspace.claim('1.1').translate('Россия владеет запасами редкоземельных металлов в 28 млн тонн.');
  await expect(workspace.claim('1.1').translation).toHaveText(/^Translation\s+Россия владеет запасами/);

  await app.answerNextDialog(theirs);
  await page.keyboard.press('Control+Shift+M');
  await expect(workspace.status).toContainText('Merged theirs.sqlite');

  // The colleague's source, its theme and claims, after the embedded brief's four themes.
  const outlook = workspace.claim('5.2');
  await expect(outlook.root).toContainText('Two plants are planned in the Urals');
  await expect(page.getByRole('heading', { name: /Magnet output/ })).toContainText('from Institute');
  await expect(outlook.citations.nth(0)).toHaveAccessibleName('Reference Institute 1');
  await expect(outlook.citations.nth(1)).toHaveAccessibleName('Reference Institute 4');
  await expect(workspace.claim('1.1').citations.first()).toHaveAccessibleName('Reference Sou Hu Cai Jing 1');
  await expect(page.getByText(/Read from magnet-outlook\.pdf \(PDF, 47\.1 KB, SHA-256 5e5e/)).toBeVisible();

  // [1] of the Institute is cited by its own claims only, not by claim 1.1's [1].
  await outlook.citations.first().click();
  const popover = page.getByRole('dialog', { name: 'Reference Institute 1' });
  await expect(popover.getByRole('button', { name: /Go to claim/ })).toHaveText(['Claim 5.1', 'Claim 5.2']);
  await popover.getByRole('button', { name: 'Show in References' }).click();
  const references = workspace.references;
  await expect(references.reference(1, 'Institute')).toBeFocused();
  await expect(references.sourceHeadings).toHaveText([/^Sou Hu Cai Jing/, /^Institute/]);
  await expect(references.reference(4, 'Institute').getByRole('button', { name: /Go to claim/ })).toHaveText(['Claim 5.2']);
  await expect(references.reference(1, 'Sou Hu Cai Jing').getByRole('button', { name: /Go to claim/ })).not.toContainText(['Claim 5.1']);

  await workspace.screenshot(testInfo.outputPath('two-sources-light.png'), 'light');
  await workspace.screenshot(testInfo.outputPath('two-sources-dark.png'), 'dark');
  await page.setViewportSize({ width: 800, height: 600 });
  await workspace.screenshot(testInfo.outputPath('two-sources-800-dark.png'), 'dark');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await workspace.screenshot(testInfo.outputPath('two-sources-1920-light.png'), 'light');

  // Undo reaches past the merge to my own translation, and Redo brings it back.
  await page.keyboard.press('Control+Z');
  await expect(workspace.claim('1.1').translation).toHaveCount(0);
  await expect(workspace.claim('5.2').root).toBeVisible();
  await page.keyboard.press('Control+Shift+Z');
  await expect(workspace.claim('1.1').translation).toContainText('Россия владеет');

  // The PDF: each number with its source's name, the references under each source, the translation labelled as ours.
  await workspace.composer.open();
  const pdf = testInfo.outputPath('two-sources.pdf');
  await exportTo(app, workspace.composer, 'PDF', pdf);
  const text = run('pdftotext', '-layout', pdf, '-').replace(/\s+/g, ' ');
  expect(text).toMatch(/Two plants are planned in the Urals\.? ?\[Institute 1\] ?\[Institute 4\]/);
  expect(text).toMatch(/Institute Reference numbers of Rare Metals Institute, 2026-11-18\. \[1\] cited in 5\.1, 5\.2 \[4\] cited in 5\.2/);
  expect(text).toMatch(/Sou Hu Cai Jing Reference numbers of Sou Hu Cai Jing, 2025-11-09[^[]*\[1\] cited in 1\.1/);
  expect(text).toMatch(/TRANSLATION Россия владеет запасами редкоземельных металлов в 28 млн тонн\. \(ours, not part of the source\)/i);
  expect(text).toContain('Read from magnet-outlook.pdf');
});
