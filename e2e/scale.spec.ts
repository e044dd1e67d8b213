import { writeSyntheticBrief } from '../db/test-support/index.ts';
import { expect, test } from './fixtures.ts';

// A brief of 10,000 claims and 100,000 highlights: the reading view draws only what is on screen,
// jumping anywhere still lands on the claim, and the side panel lists a page at a time.
test.describe.configure({ timeout: 180_000 });
// The user's working store is the big brief when the app starts, as after opening it once.
// (A function given to test.use is taken as a fixture, so this fixture hands the function over.)
test.use({
  // eslint-disable-next-line no-empty-pattern
  prepareStore: async ({}, use) =>
    use((path: string) => void writeSyntheticBrief(path, { claims: 10_000, annotations: 100_000, notes: 1_000, indicators: 50 })),
});

test('a brief of 10,000 claims and 100,000 highlights opens, scrolls and jumps without drawing every claim', async ({
  workspace,
}, testInfo) => {
  await expect(workspace.titleBar.documentName).toHaveText(/Synthetic brief/);

  const drawn = workspace.claims;
  await expect(drawn.first()).toBeVisible();
  // Usable from the opening on: the first claims are drawn while the rest of the lists come in parts.
  await workspace.screenshot(testInfo.outputPath('big-brief-opening.png'), 'light');
  expect(await drawn.count()).toBeLessThan(150);
  await expect(workspace.themeNav.links).toHaveCount(400);

  // An indicator names the claim it comes from (the opening carries the numbers of claims still to
  // come), and its button goes there, waiting for the claim if it has not come yet.
  const fromClaim = workspace.indicators.indicator('Synthetic indicator 50').linkToClaim();
  await expect(fromClaim).toBeVisible();
  const number = (await fromClaim.innerText()).replace('From claim ', '').trim();
  await fromClaim.click();
  await expect(workspace.claim(number).root).toBeFocused();
  await expect(workspace.claim(number).root).toBeInViewport();

  // The last theme, from the table of contents.
  const last = workspace.theme('Theme 400');
  await workspace.themeNav.jumpTo(/Theme 400/);
  await expect(last.heading).toBeFocused();
  await expect(workspace.claim('400.1').root).toBeInViewport();
  expect(await drawn.count()).toBeLessThan(150);
  // The theme's tools work here too: a rename is one small edit, not a reload of 110,000 items.
  await last.rename('Outlook');
  await expect(workspace.theme('Theme 400: Outlook').heading).toBeVisible();

  // A search hit deep in the brief.
  const { search, highlights } = workspace;
  await search.paste('lanthanum 9007');
  const hit = search.hit(/Claim 361\.8/);
  await expect(hit).toBeVisible();
  await hit.click();
  await expect(workspace.claim('361.8').root).toBeFocused();
  await expect(workspace.claim('361.8').root).toBeInViewport();

  // Highlights are drawn in the claims on screen, and listed a page at a time.
  await expect(workspace.claim('361.8').marks.first()).toBeVisible();
  await highlights.open();
  await expect(highlights.heading).toContainText('100,000');
  await expect(highlights.items).toHaveCount(100);
  await highlights.showMore();
  await expect(highlights.items).toHaveCount(200);
  await workspace.screenshot(testInfo.outputPath('big-brief-light.png'), 'light');
});
