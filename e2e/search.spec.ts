import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';

test('search finds Chinese, Russian and English while typing, marks the matches, and jumps to the claim', async ({ page, workspace, app }, testInfo) => {
  const box = page.getByRole('combobox', { name: 'Search claims, notes and indicators' });
  const results = page.getByRole('listbox', { name: 'Search results' });

  await page.keyboard.press('Control+F');
  await expect(box).toBeFocused();
  await box.pressSequentially('中国');
  await expect(results.getByRole('option')).toHaveCount(1);
  await expect(results.getByRole('option').first()).toContainText('Source');
  await expect(results.locator('mark')).toHaveText(['中国']);

  await box.fill('');
  await box.pressSequentially('engineers');
  await expect(results.getByRole('option')).toHaveCount(2);
  await expect(results.getByRole('option', { name: /Claim 2\.3/ })).toBeVisible();
  await workspace.screenshot(testInfo.outputPath('search-light.png'), 'light');
  await workspace.screenshot(testInfo.outputPath('search-dark.png'), 'dark');
  await box.press('ArrowDown');
  const selected = results.getByRole('option', { selected: true });
  await expect(selected).toContainText('Claim 2.3');
  await box.press('Enter');
  await expect(workspace.claim('2.3')).toBeFocused();

  await box.fill('no such words anywhere');
  await box.press('Space');
  await expect(results.getByRole('option')).toHaveText([/Nothing found/]);

  const article = testInfo.outputPath('ru.txt');
  writeFileSync(article, 'Редкоземельные металлы России\nRBC·2025-12-01 10:00\n\nGroup 1 - Добыча редкоземельных металлов выросла на 5% [2] - Новые месторождения на Урале [3]');
  await app.answerNextDialog(article);
  await workspace.fileMenu('New brief from an article…');
  await expect(workspace.themeHeadings).toHaveText(['Group 1']);
  await box.fill('');
  await box.pressSequentially('редкоземельн');
  await expect(results.getByRole('option')).toHaveCount(2);
  await expect(results.locator('mark').first()).toHaveText(/редкоземельн/i);
});
