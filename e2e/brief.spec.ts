import { join } from 'node:path';
import { BriefStore } from '../db/read/index.ts';
import { openStore } from '../db/store/index.ts';
import { SEED_ARTICLE } from '../db/seed/index.ts';
import { expect, test } from './fixtures.ts';

// What a reader of the article sees in it, written down by hand: the app must show all of it.
const HEADLINE = '俄总理返回莫斯科后,普京下令了:即日起,减少对中国的依赖';
const CLAIMS_PER_THEME = { 'Group 1': 3, 'Group 2': 3, 'Group 3': 3, 'Group 4': 3 };
const INDICATOR_VALUES: [name: RegExp, shown: string][] = [
  [/reserves \(Russia\)/, '28 million tons'],
  [/Global rank/, '5th globally'],
  [/proven reserves extracted/, '2%'],
  [/share of global rare earth production/, '< 1%'],
  [/Main challenges/, '3 challenges'],
  [/Engineers/, '≈ 1,200 engineers'],
  [/recycling recovery rate/, '55% → 78%'],
];

test('the embedded brief opens with its source, four themes, every claim with its citations and every indicator', async ({
  workspace,
  page,
}, testInfo) => {
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));

  const { source, indicators } = workspace;
  await expect(source.headline).toHaveText(HEADLINE);
  await expect(source.says('Translation', { exact: true })).toBeVisible();
  await expect(source.says(/not part of the source/)).toBeVisible();
  await expect(source.says('Sou Hu Cai Jing')).toBeVisible();
  await expect(source.publishedAt).toHaveText('2025-11-09 07:03');

  await expect(workspace.themeHeadings).toHaveText(Object.keys(CLAIMS_PER_THEME));
  for (const [label, count] of Object.entries(CLAIMS_PER_THEME)) {
    await expect(workspace.theme(label).claims).toHaveCount(count);
  }
  await expect(workspace.claim('2.3').root).toContainText('with only about 1,200 engineers currently working in this field');
  await expect(workspace.claim('4.3').root).toContainText('highlighting the necessity for self-sufficiency in rare earth production');

  // Every [n] of the article's text is a chip, in the article's order.
  const markers = [...SEED_ARTICLE.matchAll(/\[(\d+)\]/g)].map((m) => m[1]!);
  await expect(workspace.citationChips).toHaveText(markers);
  await expect(workspace.claim('2.2').citations).toHaveText(['6', '7', '9']);

  await expect(indicators.cards).toHaveCount(INDICATOR_VALUES.length);
  for (const [name, shown] of INDICATOR_VALUES) {
    const card = indicators.indicatorTitled(name);
    await expect(card.root).toHaveCount(1);
    await expect(card.value).toHaveText(shown);
    await expect(card.linkToClaim()).toBeVisible();
    await expect(card.says(/2025-11-09|no date/).first()).toBeVisible();
  }

  // The bundled Noto Sans SC draws the headline: no empty boxes on a machine without CJK fonts.
  // (A face of a unicode-range family loads only when text on the page needs it.)
  const cjkBoldFacesLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter(
      (face) => face.family.replaceAll('"', '') === 'Noto Sans SC' && face.weight === '700' && face.status === 'loaded',
    ).length;
  });
  expect(cjkBoldFacesLoaded).toBeGreaterThan(0);
  expect(problems, 'no console errors (CSP violations, failed loads)').toEqual([]);

  await workspace.screenshot(testInfo.outputPath('workspace-light.png'), 'light');
  await workspace.screenshot(testInfo.outputPath('workspace-dark.png'), 'dark');
  await testInfo.attach('workspace-light', { path: testInfo.outputPath('workspace-light.png'), contentType: 'image/png' });
  await testInfo.attach('workspace-dark', { path: testInfo.outputPath('workspace-dark.png'), contentType: 'image/png' });
});

test('an indicator links back to its claim, by mouse and by keyboard', async ({ workspace, page }) => {
  await workspace.indicators
    .indicatorTitled(/Engineers/)
    .linkToClaim('2.3')
    .click();
  await expect(workspace.claim('2.3').root).toBeFocused();

  await workspace.indicators
    .indicatorTitled(/recycling/)
    .linkToClaim('3.3')
    .focus();
  await page.keyboard.press('Enter');
  await expect(workspace.claim('3.3').root).toBeFocused();
  await expect(workspace.claim('3.3').root).toContainText('from 55% to 78%');
});

test('a reload shows the same brief, read back from the store file in the profile', async ({ workspace, app }) => {
  const before = await workspace.visibleText();
  await workspace.reload();
  expect(await workspace.visibleText()).toBe(before);

  const db = openStore(join(app.userData, 'briefing.sqlite'), { readonly: true, mustExist: true });
  try {
    const stored = new BriefStore(db).getBrief()!;
    const shownClaims = await workspace.claims.locator('p').allInnerTexts();
    expect(shownClaims.map((text) => text.replace(/[\s\d]+$/, ''))).toEqual(
      stored.themes.flatMap((theme) => theme.claims.map((claim) => claim.text)),
    );
    await expect(workspace.titleBar.saveStatusText).toHaveText('Saved in this computer’s working copy · not saved to a file yet');
    await expect(workspace.titleBar.saveStatus).toHaveAttribute(
      'title',
      new RegExp(`Working copy: ${join(app.userData, 'briefing.sqlite')}`),
    );
  } finally {
    db.close();
  }
});
