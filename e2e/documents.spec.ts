import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { copiesOfOneBrief, editClaims, makeBriefFile } from './support/brief-files.ts';
import { importArticle, openFile } from './support/file-dialogs.ts';

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('Save As names the document and writes one clean file; a colleague’s brief opens unchanged on disk', async ({
  workspace,
  app,
  page,
}, testInfo) => {
  const folder = testInfo.outputPath('files');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder, { recursive: true });

  const target = join(folder, 'rare-earths.sqlite');
  await app.answerNextDialog(target);
  await page.keyboard.press('Control+Shift+S');
  await expect(workspace.status).toContainText(`Saved to ${target}`);
  await expect(workspace.titleBar.documentName).toHaveText('rare-earths.sqlite');
  await expect(page).toHaveTitle('rare-earths.sqlite — Briefing Desk');
  expect(readdirSync(folder)).toEqual(['rare-earths.sqlite']);

  const colleague = join(folder, 'from-colleague.sqlite');
  makeBriefFile(colleague, 'colleague');
  editClaims(colleague, 'colleague', { '4.2': 'Academics doubt these partnerships will last.' });
  const before = hash(colleague);
  await openFile(app, workspace, colleague);
  await expect(workspace.titleBar.documentName).toHaveText('from-colleague.sqlite');
  await expect(workspace.claim('4.2').root).toContainText('Academics doubt these partnerships will last.');
  await expect(workspace.claim('4.2').root).toContainText('Edited by colleague');
  expect(hash(colleague)).toBe(before);
  expect(readdirSync(folder).sort()).toEqual(['from-colleague.sqlite', 'rare-earths.sqlite']);

  const { fileMenu } = workspace;
  await fileMenu.open();
  await expect(fileMenu.recentBriefs).toHaveText(['from-colleague.sqlite', 'rare-earths.sqlite']);
  await fileMenu.dismiss();
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(fileMenu.button).toBeFocused();
});

test('a hostile file is refused with one plain sentence and the open brief stays', async ({ workspace, app }, testInfo) => {
  const file = testInfo.outputPath('invoice.sqlite');
  writeFileSync(file, '<!doctype html><html><body>Your invoice</body></html>');
  await openFile(app, workspace, file);
  await expect(workspace.alert).toHaveText(/This is not a Briefing Desk file: it is a web page saved under a \.sqlite name\./);
  await expect(workspace.themeHeadings).toHaveCount(4);
  expect(existsSync(`${file}-wal`) || existsSync(`${file}-journal`)).toBe(false);
  await workspace.screenshot(testInfo.outputPath('refused-light.png'), 'light');
});

test('merging a colleague’s copy: review conflicts side by side, resolve one each way, and both authors show', async ({
  workspace,
  app,
  page,
}, testInfo) => {
  const mine = testInfo.outputPath('mine.sqlite');
  const theirs = testInfo.outputPath('theirs.sqlite');
  copiesOfOneBrief(mine, theirs);
  editClaims(mine, 'me', { '1.1': 'My reading of the roadmap.', '1.3': 'My reading of the shortage.' });
  editClaims(theirs, 'colleague', {
    '1.1': 'Their reading of the roadmap.',
    '1.3': 'Their reading of the shortage.',
    '2.1': 'Their correction of the reserves claim.',
  });

  await openFile(app, workspace, mine);
  await expect(workspace.titleBar.documentName).toHaveText('mine.sqlite');

  await app.answerNextDialog(theirs);
  await page.keyboard.press('Control+Shift+M');
  const review = workspace.mergeReview;
  await expect(review.dialog).toBeVisible();
  await expect(review.conflicts).toHaveCount(2);
  const first = review.conflictOn('1.1');
  await expect(first.yours).toContainText('My reading of the roadmap.');
  await expect(first.theirs).toContainText('Their reading of the roadmap.');
  await expect(first.theirs).toContainText('colleague');
  await workspace.screenshot(testInfo.outputPath('merge-review-light.png'), 'light');
  await workspace.screenshot(testInfo.outputPath('merge-review-dark.png'), 'dark');

  await first.keepYours();
  await review.conflictOn('1.3').takeTheirs();
  await expect(review.status).toHaveText(/Every conflict is resolved/);
  await review.close();

  await expect(workspace.claim('1.1').root).toContainText('My reading of the roadmap.');
  await expect(workspace.claim('1.1').root).toContainText('Edited by me');
  await expect(workspace.claim('1.3').root).toContainText('Their reading of the shortage.');
  await expect(workspace.claim('1.3').root).toContainText('Edited by colleague');
  await expect(workspace.claim('2.1').root).toContainText('Their correction of the reserves claim.');
  await expect(workspace.titleBar.documentName).toHaveText('mine.sqlite');
  await expect(workspace.titleBar.saveStatusText).toHaveText('Saved in this computer’s working copy · not yet saved to mine.sqlite');
  await expect(page).toHaveTitle('mine.sqlite (edited) — Briefing Desk');

  // Unsaved changes are not dropped silently: New asks first.
  await page.keyboard.press('Control+N');
  await expect(workspace.unsavedChanges.dialog).toBeVisible();
  await workspace.unsavedChanges.cancel();
  await expect(workspace.claim('1.1').root).toContainText('My reading of the roadmap.');

  await page.keyboard.press('Control+S');
  await expect(workspace.status).toContainText(`Saved to ${mine}`);
  await expect(page).toHaveTitle('mine.sqlite — Briefing Desk');
});

test('a .sqlite file dropped on the window is checked like File > Open; any other file is read as a source to import', async ({
  workspace,
  app,
}) => {
  // Its contents ("x") are no Word document: the import says so in one sentence, and Cancel leaves the brief.
  await workspace.dropFile('notes.docx');
  await expect(workspace.importPreview.error).toHaveText(/^notes\.docx has no paragraphs Briefing Desk could read as claims/);
  await workspace.importPreview.cancel();
  await expect(workspace.importPreview.dialog).toBeHidden();
  await workspace.dropFile('colleague.sqlite');
  // Electron's preload can tell where a dropped file lives; a plain Chromium page cannot, and says so.
  if (app.kind === 'chromium') await expect(workspace.alert).toHaveText(/use File > Open instead/);
  await expect(workspace.themeHeadings).toHaveCount(4);
});

test('File > New gives an empty brief with a way forward; New from an article imports it', async ({ workspace, page, app }, testInfo) => {
  await page.keyboard.press('Control+N');
  await expect(page.getByRole('heading', { name: 'Untitled brief' })).toBeVisible();
  await expect(workspace.says('This brief is empty.')).toBeVisible();
  await expect(workspace.themeHeadings).toHaveCount(0);
  await expect(workspace.indicators.says(/No indicators yet/)).toBeVisible();
  await workspace.screenshot(testInfo.outputPath('empty-brief-light.png'), 'light');

  await importArticle(
    app,
    workspace,
    testInfo.outputPath('article.txt'),
    'Россия ищет партнёров по редкоземельным металлам\nRBC·2025-12-01 10:00\n\nGroup 1 - India offered technology for market access [11][13] - Belarus and Kazakhstan could help with logistics [13]\nGroup 2 - Scholars want a full supply chain from mine to market [15]',
  );
  await expect(workspace.source.headline).toHaveText('Россия ищет партнёров по редкоземельным металлам');
  await expect(workspace.themeHeadings).toHaveText(['Group 1', 'Group 2']);
  await expect(workspace.claim('1.2').root).toContainText('Belarus and Kazakhstan could help with logistics');
  await expect(workspace.citationChips).toHaveText(['11', '13', '13', '15']);
  await expect(page).toHaveTitle('Россия ищет партнёров по редкоземельным металлам (edited) — Briefing Desk');
});
