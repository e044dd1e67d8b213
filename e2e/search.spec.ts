import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace } from '../db/seed/index.ts';
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

/** What a search for `words` finds in the embedded brief a new profile opens on, counted from its data, by kind. */
function embeddedBriefMatches(words: string): { claims: number; indicators: number; sources: number } {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-search-count-'));
  const seeded = openWorkspace(join(dir, 'count.sqlite'), 'me');
  try {
    const brief = seeded.briefs.getBrief()!;
    const has = (text: string) => text.toLowerCase().includes(words.toLowerCase());
    return {
      claims: brief.themes.flatMap((theme) => theme.claims).filter((claim) => has(claim.text)).length,
      indicators: brief.indicators.filter((indicator) => has(`${indicator.name} ${indicator.unit}`)).length,
      sources: brief.sources.filter((source) => has(`${source.titleOriginal} ${source.titleTranslation ?? ''} ${source.publisher}`)).length,
    };
  } finally {
    seeded.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('snippets show a note’s words, not its Markdown; the box counts its results by kind, moves through them by keyboard, and focus alone never reopens them', async ({
  page,
  workspace,
}) => {
  const { search, notes } = workspace;
  const status = page.getByRole('status').filter({ hasText: /^(\d+ results?|The first \d+ results):/ });

  await notes.open();
  await notes.add('Rare earth output grew *far more* than forecast ![chart](http://x/y.png)');
  await expect(notes.notesSaying('far more')).toHaveCount(1);

  await page.keyboard.press('Control+F');
  await search.type('far more');
  await expect(search.hits).toHaveText([/^Note\s*Rare earth output grew far more than forecast chart$/]);
  await expect(search.marks).toHaveText(['far more']);
  await expect(search.hits.first()).not.toContainText('*');
  await expect(search.hits.first()).not.toContainText('![');
  await expect(status).toHaveText('1 result: 1 note');

  // The embedded brief's claims and indicators that say "rare earth", and the note above.
  const found = embeddedBriefMatches('rare earth');
  expect(found).toMatchObject({ sources: 0 });
  expect(found.claims).toBeGreaterThan(1);
  expect(found.indicators).toBeGreaterThan(1);
  const total = found.claims + 1 + found.indicators;
  await search.searchFor('rare earth');
  await expect(status).toHaveText(`${total} results: ${found.claims} claims, 1 note, ${found.indicators} indicators`);
  await expect(search.hits).toHaveCount(total);

  // End and Home go to the last and first result, scrolling the list to show it.
  await expect(search.hits.last()).not.toBeInViewport();
  await search.press('End');
  await expect(search.hits.last()).toHaveAttribute('aria-selected', 'true');
  await expect(search.hits.last()).toBeInViewport();
  await search.press('Home');
  await expect(search.hits.first()).toHaveAttribute('aria-selected', 'true');
  await expect(search.hits.first()).toBeInViewport();

  // Closed, then left and come back to with Tab: the old results stay closed until asked for.
  await search.press('Escape');
  await expect(search.results).toBeHidden();
  await page.keyboard.press('Shift+Tab');
  await expect(search.box).not.toBeFocused();
  await page.keyboard.press('Tab');
  await expect(search.box).toBeFocused();
  await expect(search.box).toHaveValue('rare earth');
  await expect(search.results).toBeHidden();
  await expect(status).toHaveCount(0);
  await search.press('ArrowDown');
  await expect(search.hits).toHaveCount(total);
  await expect(status).toHaveText(`${total} results: ${found.claims} claims, 1 note, ${found.indicators} indicators`);
});

test('opening another brief empties the search box and drops the results found in the one before', async ({ page, workspace }) => {
  const { search } = workspace;
  await page.keyboard.press('Control+F');
  await search.type('rare earth');
  await expect(search.hits.first()).toBeVisible();
  await search.press('Escape');

  await page.keyboard.press('Control+N');
  await expect(page.getByRole('heading', { name: 'Untitled brief' })).toBeVisible();
  await expect(search.box).toHaveValue('');
  await search.box.focus();
  await search.press('ArrowDown');
  await expect(search.results).toBeHidden();
});
