import { expect, test } from './fixtures.ts';
import { importArticle } from './support/file-dialogs.ts';

test('search finds Chinese, Russian and English while typing, marks the matches, and jumps to the claim', async ({
  page,
  workspace,
  app,
}, testInfo) => {
  const { search } = workspace;

  await page.keyboard.press('Control+F');
  await expect(search.box).toBeFocused();
  await search.type('中国');
  await expect(search.hits).toHaveCount(1);
  await expect(search.hits.first()).toContainText('Source');
  await expect(search.marks).toHaveText(['中国']);

  await search.searchFor('engineers');
  await expect(search.hits).toHaveCount(2);
  await expect(search.hit(/Claim 2\.3/)).toBeVisible();
  await workspace.screenshot(testInfo.outputPath('search-light.png'), 'light');
  await workspace.screenshot(testInfo.outputPath('search-dark.png'), 'dark');
  await search.press('ArrowDown');
  await expect(search.selectedHit).toContainText('Claim 2.3');
  await search.press('Enter');
  await expect(workspace.claim('2.3').root).toBeFocused();

  await search.paste('no such words anywhere');
  await search.press('Space');
  await expect(search.hits).toHaveText([/Nothing found/]);

  await importArticle(
    app,
    workspace,
    testInfo.outputPath('ru.txt'),
    'Редкоземельные металлы России\nRBC·2025-12-01 10:00\n\nGroup 1 - Добыча редкоземельных металлов выросла на 5% [2] - Новые месторождения на Урале [3]',
  );
  await expect(workspace.themeHeadings).toHaveText(['Group 1']);
  await search.searchFor('редкоземельн');
  await expect(search.hits).toHaveCount(2);
  await expect(search.marks.first()).toHaveText(/редкоземельн/i);
});
