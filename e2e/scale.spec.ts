import { writeSyntheticBrief } from '../db/test-support/index.ts';
import { expect, test } from './fixtures.ts';

// A brief of 10,000 claims and 100,000 highlights: the reading view draws only what is on screen,
// jumping anywhere still lands on the claim, and the side panel lists a page at a time.
test.describe.configure({ timeout: 180_000 });
// The user's working store is the big brief when the app starts, as after opening it once.
// (A function given to test.use is taken as a fixture, so this fixture hands the function over.)
test.use({
  // eslint-disable-next-line no-empty-pattern
  prepareStore: async ({}, use) => use((path: string) => void writeSyntheticBrief(path, { claims: 10_000, annotations: 100_000, notes: 1_000, indicators: 50 })),
});

test('a brief of 10,000 claims and 100,000 highlights opens, scrolls and jumps without drawing every claim', async ({ page, workspace }, testInfo) => {
  await expect(workspace.documentName()).toHaveText(/Synthetic brief/);

  const drawn = workspace.reading.locator('[data-claim-number]');
  await expect(drawn.first()).toBeVisible();
  expect(await drawn.count()).toBeLessThan(150);
  await expect(page.getByRole('navigation', { name: 'Themes' }).getByRole('link')).toHaveCount(400);

  // The last theme, from the table of contents.
  await page.getByRole('navigation', { name: 'Themes' }).getByRole('link', { name: /Theme 400/ }).click();
  await expect(workspace.reading.getByRole('heading', { name: /Theme 400/ })).toBeFocused();
  await expect(workspace.claim('400.1')).toBeInViewport();
  expect(await drawn.count()).toBeLessThan(150);
  // The theme's tools work here too: a rename is one small edit, not a reload of 110,000 items.
  await workspace.reading.getByRole('heading', { name: /Theme 400/ }).hover();
  await page.getByRole('button', { name: 'Rename Theme 400' }).click();
  await page.getByRole('textbox', { name: 'Title of Theme 400' }).fill('Outlook');
  await page.keyboard.press('Enter');
  await expect(workspace.reading.getByRole('heading', { name: /Theme 400: Outlook/ })).toBeVisible();

  // A search hit deep in the brief.
  const box = page.getByRole('combobox', { name: 'Search claims, notes and indicators' });
  await box.fill('lanthanum 9007');
  const hit = page.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name: /Claim 361\.8/ });
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(workspace.claim('361.8')).toBeFocused();
  await expect(workspace.claim('361.8')).toBeInViewport();

  // Highlights are drawn in the claims on screen, and listed a page at a time.
  await expect(workspace.claim('361.8').locator('mark').first()).toBeVisible();
  await workspace.tab('Highlights').click();
  await expect(workspace.highlightsPanel.getByRole('heading', { name: /Highlights/ })).toContainText('100,000');
  await expect(workspace.highlightsPanel.getByRole('listitem')).toHaveCount(100);
  await workspace.highlightsPanel.getByRole('button', { name: /Show more/ }).click();
  await expect(workspace.highlightsPanel.getByRole('listitem')).toHaveCount(200);
  await workspace.screenshot(testInfo.outputPath('big-brief-light.png'), 'light');
});
