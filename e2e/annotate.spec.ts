import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import type { WorkspacePage } from './workspace.page.ts';

// The annotation workspace, as an analyst uses it: highlights and comments, claims corrected under
// them, notes with tags, new indicator values with their chart, undo and redo, and the bad input
// each form must refuse. Every view is checked with axe-core and photographed light and dark.

// axe-core takes a few seconds a run, and each view is checked in both themes.
test.describe.configure({ timeout: 120_000 });

async function shoot(workspace: WorkspacePage, testInfo: TestInfo, name: string) {
  for (const scheme of ['light', 'dark'] as const) await workspace.screenshot(testInfo.outputPath(`${name}-${scheme}.png`), scheme);
}

/** axe-core on the page as it is, in light and dark: no serious or critical violation. */
async function expectAccessible(page: Page, view: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(serious, `${view}, ${scheme}`).toEqual([]);
  }
}

test('a highlight with a comment is there after a reload, in the text and in the Highlights tab', async ({ page, workspace }, testInfo) => {
  const claim = workspace.claim('2.1');
  await workspace.highlight(claim, '28 million tons', 'Key fact', 'Check against USGS figures');
  await expect(claim.locator('mark')).toHaveText('28 million tons');
  await shoot(workspace, testInfo, 'highlight');

  await page.reload();
  await workspace.waitUntilOpen();
  await expect(workspace.claim('2.1').locator('mark')).toHaveText('28 million tons');
  await workspace.tab('Highlights').click();
  const item = workspace.highlightsPanel.getByRole('listitem', { name: 'Highlight on Claim 2.1' });
  await expect(item).toContainText('28 million tons');
  await expect(item.getByRole('textbox')).toHaveValue('Check against USGS figures');
  await expect(item).toContainText('Key fact');

  // The comment is edited in place; the headline can be highlighted too.
  await item.getByRole('textbox').fill('USGS agrees');
  await item.getByRole('textbox').press('Enter');
  await workspace.highlight(workspace.source, '减少对中国的依赖', 'Follow up');
  await expect(workspace.source.locator('mark')).toHaveText('减少对中国的依赖');
  await page.reload();
  await workspace.waitUntilOpen();
  await workspace.tab('Highlights').click();
  await expect(workspace.highlightsPanel.getByRole('listitem', { name: 'Highlight on Claim 2.1' }).getByRole('textbox')).toHaveValue('USGS agrees');
  await expect(workspace.highlightsPanel.getByRole('listitem', { name: 'Highlight on Headline' })).toContainText('减少对中国的依赖');
});

test('editing the claim under a highlight: it follows its words, and is orphaned when they are gone', async ({ page, workspace }, testInfo) => {
  const claim = workspace.claim('2.3');
  await workspace.highlight(claim, 'about 1,200 engineers', 'Doubtful', 'Source?');

  await claim.hover();
  await claim.getByRole('button', { name: 'Edit claim 2.3' }).click();
  const editor = claim.getByRole('textbox');
  const original = await editor.inputValue();
  expect(original).toContain('[6]');
  await editor.fill(`According to the ministry, ${original}`);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(claim).toContainText('According to the ministry');
  await expect(claim.locator('mark')).toHaveText('about 1,200 engineers');
  await expect(claim.getByRole('note')).toHaveText(['6']);

  await claim.hover();
  await claim.getByRole('button', { name: 'Edit claim 2.3' }).click();
  await claim.getByRole('textbox').fill('Skilled staff are scarce in the rare earth sector [6]');
  await claim.getByRole('button', { name: 'Save' }).click();
  await expect(claim.locator('mark')).toHaveCount(0);
  await expect(workspace.tab('Highlights')).toContainText('1');
  await workspace.tab('Highlights').click();
  const orphaned = workspace.highlightsPanel.getByRole('region', { name: /Orphaned/ });
  await expect(orphaned).toContainText('about 1,200 engineers');
  await expect(orphaned.getByRole('textbox')).toHaveValue('Source?');
  await shoot(workspace, testInfo, 'orphaned');
  await expectAccessible(page, 'Highlights tab with an orphaned highlight');
});

test('notes with Markdown and tags, filtered by tag; empty notes are refused; a 1 MB note saves and renders', async ({ page, workspace }, testInfo) => {
  await workspace.tab('Notes').click();
  const notes = workspace.notesPanel;
  await expect(notes).toContainText('No notes yet');

  await notes.getByRole('button', { name: 'New note' }).click();
  await notes.getByRole('textbox', { name: 'Note (Markdown)' }).fill('   \n  ');
  await notes.getByRole('button', { name: 'Save note' }).click();
  await expect(notes.getByRole('alert')).toHaveText(/A note needs some text/);
  await expect(notes.getByRole('textbox', { name: 'Note (Markdown)' })).toHaveAttribute('aria-invalid', 'true');

  await notes.getByRole('textbox', { name: 'Note (Markdown)' }).fill('**Logistics** through Kazakhstan\n\n- rail\n- road');
  await notes.getByRole('textbox', { name: /Tags/ }).fill('logistics, follow-up');
  await notes.getByRole('button', { name: 'Save note' }).click();
  await expect(notes.getByRole('listitem', { name: 'Note on Whole brief' }).locator('strong')).toHaveText('Logistics');

  // A note on a claim, started from the claim itself.
  const claim = workspace.claim('1.2');
  await claim.hover();
  await claim.getByRole('button', { name: 'Note on claim 1.2' }).click();
  await expect(notes.getByRole('combobox', { name: 'About' })).toHaveValue(/^claim:/);
  await notes.getByRole('textbox', { name: 'Note (Markdown)' }).fill('Export controls tightened in October');
  await notes.getByRole('textbox', { name: /Tags/ }).fill('china');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(notes.getByRole('listitem', { name: 'Note on Claim 1.2' })).toBeVisible();
  await expect(claim.getByRole('button', { name: 'Note on claim 1.2' })).toContainText('1');

  const filter = notes.getByRole('group', { name: 'Show notes tagged' });
  await filter.getByRole('button', { name: '#china' }).click();
  await expect(notes.getByRole('listitem').filter({ has: page.locator('.markdown') })).toHaveCount(1);
  await expect(notes.getByRole('listitem', { name: 'Note on Claim 1.2' })).toBeVisible();
  await filter.getByRole('button', { name: '#logistics' }).click();
  await expect(notes.getByRole('listitem', { name: 'Note on Whole brief' })).toBeVisible();
  await expect(notes.getByRole('listitem', { name: 'Note on Claim 1.2' })).toHaveCount(0);
  await shoot(workspace, testInfo, 'notes');
  await expectAccessible(page, 'Notes tab');
  await filter.getByRole('button', { name: 'All' }).click();

  const big = `# Long note\n\n${'Supply chain observations, paragraph after paragraph. '.repeat(19_500)}\n\nThe very last line.`;
  expect(Buffer.byteLength(big)).toBeGreaterThan(1_000_000);
  await notes.getByRole('button', { name: 'New note' }).click();
  await notes.getByRole('textbox', { name: 'Note (Markdown)' }).fill(big);
  await notes.getByRole('button', { name: 'Save note' }).click();
  const bigNote = notes.getByRole('listitem').filter({ hasText: 'The very last line.' });
  await expect(bigNote.getByRole('heading', { name: 'Long note' })).toBeVisible();
  await page.reload();
  await workspace.waitUntilOpen();
  await workspace.tab('Notes').click();
  await expect(workspace.notesPanel.getByRole('listitem').filter({ hasText: 'The very last line.' })).toHaveCount(1);
});

test('notes render inert: no script runs, no request leaves, whatever the Markdown holds', async ({ page, workspace }) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!/^(app:\/\/briefing|http:\/\/127\.0\.0\.1|data:|blob:)/.test(request.url())) outside.push(request.url());
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '<script>window.__pwned = "script"</script>',
    '[click me](javascript:window.__pwned="link")',
    '![remote](https://example.com/tracker.png)',
    '<img src="https://example.com/pixel.gif">',
    '<a href="https://example.com" onclick="window.__pwned=\'onclick\'">outside</a>',
    '<form action="https://example.com"><input name=q></form>',
    '<style>body{display:none}</style>',
    '<iframe src="https://example.com"></iframe>',
  ].join('\n\n');
  await workspace.tab('Notes').click();
  await workspace.notesPanel.getByRole('button', { name: 'New note' }).click();
  await workspace.notesPanel.getByRole('textbox', { name: 'Note (Markdown)' }).fill(hostile);
  await workspace.notesPanel.getByRole('button', { name: 'Save note' }).click();
  const note = workspace.notesPanel.getByRole('listitem', { name: 'Note on Whole brief' });
  await expect(note).toContainText('click me');
  const markup = note.locator('.markdown');
  await expect(markup.locator('img, script, form, input, style, iframe, [onclick], [onerror]')).toHaveCount(0);
  // The javascript: link keeps its words and loses its target; the outside link keeps only its address.
  await expect(markup.locator('a[href^="javascript" i]')).toHaveCount(0);
  await markup.getByText('click me').click();
  await expect(markup.getByRole('link', { name: 'outside' })).toHaveAttribute('href', 'https://example.com');
  await expect(markup.getByRole('link', { name: 'outside' })).toHaveAttribute('rel', 'noopener noreferrer');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned ?? null)).toBeNull();
  expect(dialogs).toEqual([]);
  expect(outside).toEqual([]);
  await expect(workspace.reading).toBeVisible();
});

test('an indicator gets a new value: the history and its chart show both; bad values are named at their field', async ({ page, workspace }, testInfo) => {
  const reserves = workspace.indicator('Rare earth reserves (Russia)');
  await reserves.getByRole('button', { name: 'Add value to Rare earth reserves (Russia)' }).click();
  const form = reserves.getByRole('form', { name: 'New value' });
  await form.getByRole('textbox', { name: 'Value' }).fill('twenty-nine');
  await form.getByRole('button', { name: 'Add value' }).click();
  await expect(form.getByRole('alert')).toHaveText(/“twenty-nine” is not a number/);
  await expect(form.getByRole('textbox', { name: 'Value' })).toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('textbox', { name: 'Value' }).fill('29');
  await form.getByRole('textbox', { name: /As of/ }).fill('2025-02-30');
  await form.getByRole('button', { name: 'Add value' }).click();
  await expect(form.getByRole('alert')).toHaveText(/“2025-02-30” is not a real date/);
  await expect(form.getByRole('textbox', { name: /As of/ })).toHaveAttribute('aria-invalid', 'true');
  await expect(reserves.getByTestId('indicator-value')).toHaveText('28 million tons');

  await form.getByRole('textbox', { name: /As of/ }).fill('2026-03-01');
  await form.getByRole('combobox', { name: 'Stated as' }).selectOption('about');
  await form.getByRole('button', { name: 'Add value' }).click();
  await expect(form).toBeHidden();
  await expect(reserves.getByTestId('indicator-value')).toHaveText(/28 million tons\s*→\s*≈ 29 million tons/);
  await expect(reserves.getByRole('list', { name: 'History' }).getByRole('listitem')).toHaveCount(2);
  const chart = reserves.locator('figure.chart');
  await expect(chart).toHaveAttribute('data-drawn-points', '2');
  await expect(chart.locator('figcaption')).toHaveText(/28 million tons .*then ≈ 29 million tons \(2026-03-01\)/);
  await reserves.scrollIntoViewIfNeeded();
  await shoot(workspace, testInfo, 'indicator-history');
  await expectAccessible(page, 'Indicators tab with a chart');
});

test('undo and redo every kind of edit, from the keyboard and the Edit menu; the history outlives a reload', async ({ page, app, workspace }) => {
  const claim = workspace.claim('1.1');
  const notes = workspace.notesPanel;
  /** Makes an edit, then checks Undo takes it back and Redo makes it again. */
  async function roundTrip(name: string, doIt: () => Promise<void>, isDone: () => Promise<void>, isUndone: () => Promise<void>) {
    await test.step(name, async () => {
      await doIt();
      await isDone();
      await workspace.shortcut('z');
      await isUndone();
      await expect(workspace.status).toContainText('Undone');
      await workspace.shortcut('Shift+z');
      await isDone();
    });
  }

  await roundTrip(
    'highlight',
    () => workspace.highlight(claim, 'national roadmap', 'Key fact'),
    () => expect(claim.locator('mark')).toHaveText('national roadmap'),
    () => expect(claim.locator('mark')).toHaveCount(0),
  );
  await roundTrip(
    'claim text',
    async () => {
      // A claim's tools show when the pointer is over it (or focus is in it), as for a user.
      await claim.hover();
      await claim.getByRole('button', { name: 'Edit claim 1.1' }).click();
      await claim.getByRole('textbox').fill('Russia needs a rare earth roadmap [1][19]');
      await claim.getByRole('button', { name: 'Save' }).click();
    },
    () => expect(claim).toContainText('Russia needs a rare earth roadmap'),
    () => expect(claim).toContainText('The core viewpoint of the articles'),
  );
  await roundTrip(
    'assessment',
    async () => {
      await claim.hover();
      await claim.getByRole('button', { name: 'Assess claim 1.1' }).click();
      await claim.getByRole('combobox', { name: 'Confidence' }).selectOption('moderate');
      await claim.getByRole('textbox', { name: /Judgement/ }).fill('Consistent with Kremlin statements');
      await claim.getByRole('button', { name: 'Save' }).click();
    },
    () => expect(claim.getByTestId('assessment')).toContainText('Moderate confidence'),
    () => expect(claim.getByTestId('assessment')).toHaveCount(0),
  );
  await roundTrip(
    'move a claim',
    async () => {
      await workspace.claim('1.2').hover();
      await workspace.claim('1.2').getByRole('button', { name: 'Move claim 1.2 up' }).click();
    },
    () => expect(workspace.claim('1.1')).toContainText('China has begun tightening'),
    () => expect(workspace.claim('1.1')).toContainText('Russia needs a rare earth roadmap'),
  );
  await roundTrip(
    'add a theme',
    async () => {
      await page.getByRole('button', { name: '+ Add a theme' }).click();
      await page.getByRole('textbox', { name: 'Title of the new theme' }).fill('Outlook');
      await page.getByRole('button', { name: 'Add theme', exact: true }).click();
    },
    () => expect(workspace.themeHeadings).toHaveText(['Group 1', 'Group 2', 'Group 3', 'Group 4', 'Group 5: Outlook']),
    () => expect(workspace.themeHeadings).toHaveCount(4),
  );
  await roundTrip(
    'add a claim',
    async () => {
      await page.getByRole('button', { name: '+ Add a claim to Group 4' }).click();
      await workspace.theme('Group 4').getByRole('textbox').fill('A claim of my own [2]');
      await workspace.theme('Group 4').getByRole('button', { name: 'Add claim' }).click();
    },
    () => expect(workspace.claim('4.4')).toContainText('A claim of my own'),
    () => expect(workspace.claim('4.4')).toHaveCount(0),
  );
  await roundTrip(
    'indicator value',
    async () => {
      const engineers = workspace.indicator('Engineers working in the rare earth sector');
      await engineers.getByRole('button', { name: /Add value to/ }).click();
      await engineers.getByRole('textbox', { name: 'Value' }).fill('1,350');
      await engineers.getByRole('button', { name: 'Add value', exact: true }).click();
    },
    () => expect(workspace.indicator('Engineers working in the rare earth sector').getByTestId('indicator-value')).toContainText('1,350'),
    () => expect(workspace.indicator('Engineers working in the rare earth sector').getByTestId('indicator-value')).not.toContainText('1,350'),
  );
  await workspace.tab('Notes').click();
  await roundTrip(
    'note',
    async () => {
      await notes.getByRole('button', { name: 'New note' }).click();
      await notes.getByRole('textbox', { name: 'Note (Markdown)' }).fill('Ask the ministry');
      await notes.getByRole('button', { name: 'Save note' }).click();
    },
    () => expect(notes.getByRole('listitem', { name: 'Note on Whole brief' })).toContainText('Ask the ministry'),
    () => expect(notes).toContainText('No notes yet'),
  );
  await workspace.tab('Highlights').click();
  await roundTrip(
    'colour meaning',
    async () => {
      await workspace.highlightsPanel.getByText('What the colours mean').click();
      await workspace.highlightsPanel.getByRole('textbox', { name: 'Meaning of red' }).fill('Disputed');
      await workspace.highlightsPanel.getByRole('textbox', { name: 'Meaning of red' }).press('Enter');
    },
    () => expect(workspace.highlightsPanel.getByRole('textbox', { name: 'Meaning of red' })).toHaveValue('Disputed'),
    () => expect(workspace.highlightsPanel.getByRole('textbox', { name: 'Meaning of red' })).toHaveValue('Doubtful'),
  );

  // In a text field, Ctrl+Z is the field's own typing undo, not the brief's.
  await workspace.tab('Notes').click();
  await notes.getByRole('button', { name: 'New note' }).click();
  const body = notes.getByRole('textbox', { name: 'Note (Markdown)' });
  await body.pressSequentially('typed');
  await body.press('ControlOrMeta+z');
  await expect(body).toHaveValue('');
  await expect(notes.getByRole('listitem', { name: 'Note on Whole brief' })).toContainText('Ask the ministry');
  await body.press('Escape');

  // The history is the brief's: after a reload, the Edit menu's Undo still takes back the last edit.
  await page.reload();
  await workspace.waitUntilOpen();
  await workspace.tab('Highlights').click();
  await workspace.highlightsPanel.getByText('What the colours mean').click();
  await expect(workspace.highlightsPanel.getByRole('textbox', { name: 'Meaning of red' })).toHaveValue('Disputed');
  await app.menuCommand({ command: 'undo' });
  await expect(workspace.highlightsPanel.getByRole('textbox', { name: 'Meaning of red' })).toHaveValue('Doubtful');
  await app.menuCommand({ command: 'undo' });
  await workspace.tab('Notes').click();
  await expect(workspace.notesPanel).toContainText('No notes yet');
});

test('every view passes axe-core, and the shortcut sheet lists the keys', async ({ page, workspace }, testInfo) => {
  await expectAccessible(page, 'reading view');
  await shoot(workspace, testInfo, 'reading');
  await workspace.select(workspace.claim('3.1'), 'long payback period');
  await expect(workspace.highlightToolbar).toBeVisible();
  await expectAccessible(page, 'highlight toolbar');
  await shoot(workspace, testInfo, 'highlight-toolbar');
  await page.keyboard.press('ControlOrMeta+Shift+H');
  await expect(workspace.highlightToolbar.getByRole('button').first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(workspace.claim('3.1').locator('mark')).toHaveText('long payback period');

  await page.locator('body').press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Undo the last edit/ })).toContainText(/Ctrl\+Z|⌘Z/);
  await expectAccessible(page, 'shortcut sheet');
  await shoot(workspace, testInfo, 'shortcuts');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await workspace.tab('Highlights').click();
  await expectAccessible(page, 'Highlights tab');
  await page.getByRole('button', { name: 'Compose and export' }).click();
  await expect(page.getByRole('heading', { name: /Compose/ }).first()).toBeVisible();
  await expectAccessible(page, 'composer');
});
