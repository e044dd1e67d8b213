import type { TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectAccessible } from './support/accessibility.ts';
import type { WorkspacePage } from './workspace.page.ts';

// The annotation workspace, as an analyst uses it: highlights and comments, claims corrected under
// them, notes with tags, new indicator values with their chart, undo and redo, and the bad input
// each form must refuse. Every view is checked with axe-core and photographed light and dark.

// axe-core takes a few seconds a run, and each view is checked in both themes.
test.describe.configure({ timeout: 120_000 });

async function shoot(workspace: WorkspacePage, testInfo: TestInfo, name: string) {
  for (const scheme of ['light', 'dark'] as const) await workspace.screenshot(testInfo.outputPath(`${name}-${scheme}.png`), scheme);
}

test('a highlight with a comment is there after a reload, in the text and in the Highlights tab', async ({ workspace }, testInfo) => {
  const { highlights } = workspace;
  await workspace.claim('2.1').highlight('28 million tons', 'Key fact', 'Check against USGS figures');
  await expect(workspace.claim('2.1').marks).toHaveText('28 million tons');
  await shoot(workspace, testInfo, 'highlight');

  await workspace.reload();
  await expect(workspace.claim('2.1').marks).toHaveText('28 million tons');
  await highlights.open();
  const item = highlights.highlightOn('Claim 2.1');
  await expect(item).toContainText('28 million tons');
  await expect(highlights.commentOf(item)).toHaveValue('Check against USGS figures');
  await expect(item).toContainText('Key fact');

  // The comment is edited in place; the headline can be highlighted too.
  await highlights.editComment('Claim 2.1', 'USGS agrees');
  await workspace.source.highlight('减少对中国的依赖', 'Follow up');
  await expect(workspace.source.marks).toHaveText('减少对中国的依赖');
  await workspace.reload();
  await highlights.open();
  await expect(highlights.commentOf(highlights.highlightOn('Claim 2.1'))).toHaveValue('USGS agrees');
  await expect(highlights.highlightOn('Headline')).toContainText('减少对中国的依赖');
});

test('editing the claim under a highlight: it follows its words, and is orphaned when they are gone', async ({
  page,
  workspace,
}, testInfo) => {
  const claim = workspace.claim('2.3');
  await claim.highlight('about 1,200 engineers', 'Doubtful', 'Source?');

  const original = await claim.edit((text) => `According to the ministry, ${text}`, 'keyboard');
  expect(original).toContain('[6]');
  await expect(claim.root).toContainText('According to the ministry');
  await expect(claim.marks).toHaveText('about 1,200 engineers');
  await expect(claim.citations).toHaveText(['6']);

  await claim.edit('Skilled staff are scarce in the rare earth sector [6]');
  await expect(claim.marks).toHaveCount(0);
  await expect(workspace.highlights.tab).toContainText('1');
  await workspace.highlights.open();
  const { orphaned } = workspace.highlights;
  await expect(orphaned).toContainText('about 1,200 engineers');
  await expect(workspace.highlights.commentOf(orphaned)).toHaveValue('Source?');
  await shoot(workspace, testInfo, 'orphaned');
  await expectAccessible(page, 'Highlights tab with an orphaned highlight');
});

test('notes with Markdown and tags, filtered by tag; empty notes are refused; a 1 MB note saves and renders', async ({
  page,
  workspace,
}, testInfo) => {
  const { notes } = workspace;
  await notes.open();
  await expect(notes.root).toContainText('No notes yet');

  await notes.add('   \n  ');
  await expect(notes.error).toHaveText(/A note needs some text/);
  await expect(notes.body).toHaveAttribute('aria-invalid', 'true');

  await notes.write('**Logistics** through Kazakhstan\n\n- rail\n- road', 'logistics, follow-up');
  await notes.save();
  await expect(notes.noteOn('Whole brief').locator('strong')).toHaveText('Logistics');

  // A note on a claim, started from the claim itself.
  const claim = workspace.claim('1.2');
  await claim.startNote();
  await expect(notes.about).toHaveValue(/^claim:/);
  await notes.write('Export controls tightened in October', 'china');
  await notes.save('keyboard');
  await expect(notes.noteOn('Claim 1.2')).toBeVisible();
  await expect(claim.noteButton).toContainText('1');

  await notes.showTagged('china');
  await expect(notes.renderedNotes).toHaveCount(1);
  await expect(notes.noteOn('Claim 1.2')).toBeVisible();
  await notes.showTagged('logistics');
  await expect(notes.noteOn('Whole brief')).toBeVisible();
  await expect(notes.noteOn('Claim 1.2')).toHaveCount(0);
  await shoot(workspace, testInfo, 'notes');
  await expectAccessible(page, 'Notes tab');
  await notes.showAll();

  const big = `# Long note\n\n${'Supply chain observations, paragraph after paragraph. '.repeat(19_500)}\n\nThe very last line.`;
  expect(Buffer.byteLength(big)).toBeGreaterThan(1_000_000);
  await notes.add(big);
  await expect(notes.notesSaying('The very last line.').getByRole('heading', { name: 'Long note' })).toBeVisible();
  await workspace.reload();
  await notes.open();
  await expect(notes.notesSaying('The very last line.')).toHaveCount(1);
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
  await workspace.notes.open();
  await workspace.notes.add(hostile);
  const note = workspace.notes.noteOn('Whole brief');
  await expect(note).toContainText('click me');
  const markup = workspace.notes.markupOf(note);
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

test('an indicator gets a new value: the history and its chart show both; bad values are named at their field', async ({
  page,
  workspace,
}, testInfo) => {
  const reserves = workspace.indicator('Rare earth reserves (Russia)');
  const form = await reserves.startAddingValue();
  await form.value.fill('twenty-nine');
  await form.submit();
  await expect(form.error).toHaveText(/“twenty-nine” is not a number/);
  await expect(form.value).toHaveAttribute('aria-invalid', 'true');
  await form.value.fill('29');
  await form.asOf.fill('2025-02-30');
  await form.submit();
  await expect(form.error).toHaveText(/“2025-02-30” is not a real date/);
  await expect(form.asOf).toHaveAttribute('aria-invalid', 'true');
  await expect(reserves.value).toHaveText('28 million tons');

  await form.asOf.fill('2026-03-01');
  await form.statedAs.selectOption('about');
  await form.submit();
  await expect(form.root).toBeHidden();
  await expect(reserves.value).toHaveText(/28 million tons\s*→\s*≈ 29 million tons/);
  await expect(reserves.history).toHaveCount(2);
  await expect(reserves.chart).toHaveAttribute('data-drawn-points', '2');
  await expect(reserves.chartCaption).toHaveText(/28 million tons .*then ≈ 29 million tons \(2026-03-01\)/);
  await reserves.root.scrollIntoViewIfNeeded();
  await shoot(workspace, testInfo, 'indicator-history');
  await expectAccessible(page, 'Indicators tab with a chart');
});

/** One kind of edit for the undo test: how it is made, and what the brief shows with it and without it. */
interface UndoableEdit {
  kind: string;
  do: (workspace: WorkspacePage) => Promise<unknown>;
  after: (workspace: WorkspacePage) => Promise<void>;
  afterUndo: (workspace: WorkspacePage) => Promise<void>;
}

const ENGINEERS = 'Engineers working in the rare earth sector';

/** Made in this order, each on top of the ones before (the move finds the edited claim 1.1 below it). */
const EDITS: UndoableEdit[] = [
  {
    kind: 'highlight',
    do: (w) => w.claim('1.1').highlight('national roadmap', 'Key fact'),
    after: (w) => expect(w.claim('1.1').marks).toHaveText('national roadmap'),
    afterUndo: (w) => expect(w.claim('1.1').marks).toHaveCount(0),
  },
  {
    kind: 'claim text',
    do: (w) => w.claim('1.1').edit('Russia needs a rare earth roadmap [1][19]'),
    after: (w) => expect(w.claim('1.1').root).toContainText('Russia needs a rare earth roadmap'),
    afterUndo: (w) => expect(w.claim('1.1').root).toContainText('The core viewpoint of the articles'),
  },
  {
    kind: 'assessment',
    do: (w) => w.claim('1.1').assess('moderate', 'Consistent with Kremlin statements'),
    after: (w) => expect(w.claim('1.1').assessment).toContainText('Moderate confidence'),
    afterUndo: (w) => expect(w.claim('1.1').assessment).toHaveCount(0),
  },
  {
    kind: 'move a claim',
    do: (w) => w.claim('1.2').moveUp(),
    after: (w) => expect(w.claim('1.1').root).toContainText('China has begun tightening'),
    afterUndo: (w) => expect(w.claim('1.1').root).toContainText('Russia needs a rare earth roadmap'),
  },
  {
    kind: 'add a theme',
    do: (w) => w.addTheme('Outlook'),
    after: (w) => expect(w.themeHeadings).toHaveText(['Group 1', 'Group 2', 'Group 3', 'Group 4', 'Group 5: Outlook']),
    afterUndo: (w) => expect(w.themeHeadings).toHaveCount(4),
  },
  {
    kind: 'add a claim',
    do: (w) => w.theme('Group 4').addClaim('A claim of my own [2]'),
    after: (w) => expect(w.claim('4.4').root).toContainText('A claim of my own'),
    afterUndo: (w) => expect(w.claim('4.4').root).toHaveCount(0),
  },
  {
    kind: 'indicator value',
    do: (w) => w.indicator(ENGINEERS).addValue('1,350'),
    after: (w) => expect(w.indicator(ENGINEERS).value).toContainText('1,350'),
    afterUndo: (w) => expect(w.indicator(ENGINEERS).value).not.toContainText('1,350'),
  },
  {
    kind: 'note',
    do: async (w) => {
      await w.notes.open();
      await w.notes.add('Ask the ministry');
    },
    after: (w) => expect(w.notes.noteOn('Whole brief')).toContainText('Ask the ministry'),
    afterUndo: (w) => expect(w.notes.root).toContainText('No notes yet'),
  },
  {
    kind: 'colour meaning',
    do: async (w) => {
      await w.highlights.open();
      await w.highlights.showColourMeanings();
      await w.highlights.setMeaning('red', 'Disputed');
    },
    after: (w) => expect(w.highlights.meaningOf('red')).toHaveValue('Disputed'),
    afterUndo: (w) => expect(w.highlights.meaningOf('red')).toHaveValue('Doubtful'),
  },
];
const edit = (kind: string) => EDITS.find((row) => row.kind === kind)!;

test('undo and redo every kind of edit, from the keyboard and the Edit menu; the history outlives a reload', async ({ app, workspace }) => {
  // Each edit is made, Ctrl+Z takes it back (and says so), Ctrl+Shift+Z makes it again.
  for (const row of EDITS) {
    await test.step(row.kind, async () => {
      await row.do(workspace);
      await row.after(workspace);
      await workspace.undo();
      await row.afterUndo(workspace);
      await expect(workspace.status).toContainText('Undone');
      await workspace.redo();
      await row.after(workspace);
    });
  }

  // In a text field, Ctrl+Z is the field's own typing undo, not the brief's.
  const { notes } = workspace;
  await notes.open();
  await notes.startNote();
  await notes.body.pressSequentially('typed');
  await notes.body.press('ControlOrMeta+z');
  await expect(notes.body).toHaveValue('');
  await edit('note').after(workspace);
  await notes.body.press('Escape');

  // The history is the brief's: after a reload, the Edit menu's Undo still takes back the last edits.
  await workspace.reload();
  await workspace.highlights.open();
  await workspace.highlights.showColourMeanings();
  await edit('colour meaning').after(workspace);
  await app.menuCommand({ command: 'undo' });
  await edit('colour meaning').afterUndo(workspace);
  await app.menuCommand({ command: 'undo' });
  await notes.open();
  await edit('note').afterUndo(workspace);
});

test('every view passes axe-core, and the shortcut sheet lists the keys', async ({ page, workspace }, testInfo) => {
  const { highlightToolbar, shortcutSheet } = workspace;
  await expectAccessible(page, 'reading view');
  await shoot(workspace, testInfo, 'reading');
  await workspace.claim('3.1').select('long payback period');
  await expect(highlightToolbar.root).toBeVisible();
  await expectAccessible(page, 'highlight toolbar');
  await shoot(workspace, testInfo, 'highlight-toolbar');
  await page.keyboard.press('ControlOrMeta+Shift+H');
  await expect(highlightToolbar.firstColour).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(workspace.claim('3.1').marks).toHaveText('long payback period');

  await shortcutSheet.open();
  await expect(shortcutSheet.dialog).toBeVisible();
  await expect(shortcutSheet.row(/Undo the last edit/)).toContainText(/Ctrl\+Z|⌘Z/);
  await expectAccessible(page, 'shortcut sheet');
  await shoot(workspace, testInfo, 'shortcuts');
  await shortcutSheet.close();
  await expect(shortcutSheet.dialog).toBeHidden();

  await workspace.highlights.open();
  await expectAccessible(page, 'Highlights tab');
  await workspace.composer.open();
  await expectAccessible(page, 'composer');
});
