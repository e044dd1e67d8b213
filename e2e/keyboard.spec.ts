import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

// The workspace by keyboard alone (no mouse, no click, no selection made by script), the way a
// user who cannot or will not reach for the mouse works: F6 between panes, arrows between claims,
// a caret to select words, the highlight toolbar, a note, an assessment, and the export.

test.describe.configure({ timeout: 120_000 });

/** Presses keys one at a time and counts them, as the user's fingers would. */
function keyboard(page: Page) {
  let presses = 0;
  return {
    async press(key: string, times = 1) {
      for (let i = 0; i < times; i++) {
        await page.keyboard.press(key);
        presses++;
      }
    },
    async type(text: string) {
      await page.keyboard.type(text);
      presses += [...text].length;
    },
    get presses() {
      return presses;
    },
  };
}

test('highlight with a comment, a note, an assessment and a PDF export, by keyboard alone', async ({ page, app, workspace }, testInfo) => {
  const keys = keyboard(page);
  const claim = workspace.claim('2.1');

  // Ctrl+Shift+H with nothing selected says how to select.
  await keys.press('ControlOrMeta+Shift+H');
  await expect(workspace.status).toContainText('Nothing is selected to highlight');

  // F6 moves between panes: the themes list, then the reading pane with its first claim.
  await keys.press('F6');
  await expect(workspace.themeNav.links.first()).toBeFocused();
  await keys.press('F6');
  await expect(workspace.claim('1.1').root).toBeFocused();
  await keys.press('ArrowDown', 3);
  await expect(claim.root).toBeFocused();

  // Enter starts a caret at the claim's start; Ctrl+→ goes word by word, Shift extends.
  await keys.press('Enter');
  await expect(claim.root.getByRole('status')).toContainText('Selecting');
  await keys.press('ControlOrMeta+ArrowRight', 3); // after "substantial"
  await keys.press('ArrowRight');
  await keys.press('ControlOrMeta+Shift+ArrowRight', 3);
  expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('rare earth reserves');
  await keys.press('ControlOrMeta+Shift+H');
  await expect(workspace.highlightToolbar.root.getByRole('button').first()).toBeFocused();
  await keys.press('Tab', 4);
  await keys.type('Headline figure for the brief');
  await keys.press('Enter');
  await expect(claim.marks).toHaveText(['rare earth reserves']);
  await expect(claim.marginMarks.highlights).toHaveAccessibleName('1 highlight on claim 2.1');

  // Focus is back on the claim; N starts a note on it.
  await expect(claim.root).toBeFocused();
  await keys.press('n');
  await expect(workspace.notes.body).toBeFocused();
  await keys.type('Reserves are large; extraction is the bottleneck.');
  await keys.press('ControlOrMeta+Enter');
  await expect(claim.marginMarks.notes).toHaveAccessibleName('1 note on claim 2.1');

  // Shift+F6 goes back to the reading pane; A opens the assessment.
  await keys.press('Shift+F6');
  await expect(claim.root).toBeFocused();
  await keys.press('a');
  const confidence = claim.root.getByRole('combobox', { name: 'Confidence' });
  await expect(confidence).toBeFocused();
  await keys.press('ArrowDown', 2);
  await expect(confidence).toHaveValue('moderate');
  await keys.press('Tab');
  await keys.type('Credible; matches USGS figures');
  await keys.press('ControlOrMeta+Enter');
  await expect(claim.assessment).toContainText('Moderate confidence');
  await expect(claim.marginMarks.assessment).toBeVisible();

  // Export: Ctrl+P opens the composer with Export PDF focused; Enter exports. Counted from here.
  const pdf = testInfo.outputPath('by-keyboard.pdf');
  await app.answerNextDialog(pdf);
  const before = keys.presses;
  await keys.press('ControlOrMeta+P');
  await expect(page.getByRole('button', { name: 'Export PDF…' })).toBeFocused();
  await keys.press('Enter');
  await expect(workspace.composer.exported('PDF')).toBeVisible({ timeout: 60_000 });
  const exportPresses = keys.presses - before;
  console.log(`export by keyboard: ${exportPresses} key presses; the whole session: ${keys.presses}`);
  expect(exportPresses).toBeLessThanOrEqual(10);
  expect(existsSync(pdf)).toBe(true);

  await workspace.reload();
  await expect(workspace.claim('2.1').marks).toHaveText(['rare earth reserves']);
});

test('Tab reaches each claim once: its chips, marks and tools are stops only in the claim that has focus', async ({ page, workspace }) => {
  await workspace.claim('1.1').root.focus();
  // From claim 1.1, Tab walks its two chips and its six tools, then leaves the claim.
  const stops: string[] = [];
  for (let i = 0; i < 9; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? ''),
    );
  }
  // Move up is off for the first claim, so it is no stop.
  expect(stops.slice(0, 8)).toEqual([
    'Reference 1',
    'Reference 19',
    'Edit claim 1.1',
    'Assess claim 1.1',
    'Translate claim 1.1',
    'Note on claim 1.1',
    'Move claim 1.1 down',
    'Delete claim 1.1',
  ]);
  expect(stops.some((label) => /claim 1\.2/.test(label))).toBe(false);
});

test('a citation chip shows its reference and the claims citing it; the References tab leads to each claim', async ({
  page,
  workspace,
}) => {
  await workspace.claim('1.1').citations.filter({ hasText: '19' }).click();
  const popover = page.getByRole('dialog', { name: 'Reference 19' });
  await expect(popover).toContainText('As cited in Sou Hu Cai Jing');
  await expect(popover.getByRole('button', { name: /Go to claim/ })).toHaveText(['Claim 1.1', 'Claim 1.3', 'Claim 4.3']);
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(workspace.claim('1.1').citations.filter({ hasText: '19' })).toBeFocused();

  await page.keyboard.press('Enter');
  await popover.getByRole('button', { name: 'Show in References' }).click();
  const entry = workspace.references.reference(19);
  await expect(entry).toBeFocused();
  await expect(workspace.references.heading).toContainText('References');
  await expect(workspace.references.items.first()).toHaveAccessibleName('Reference 1');
  await entry.getByRole('button', { name: 'Go to claim 4.3' }).click();
  await expect(workspace.claim('4.3').root).toBeFocused();
});

test('marks in a claim’s margin show its notes and highlights, and open them in the side panel', async ({ workspace }) => {
  const claim = workspace.claim('1.2');
  await expect(claim.marginMarks.notes).toHaveCount(0);
  await expect(claim.marginMarks.highlights).toHaveCount(0);

  await claim.startNote();
  await workspace.notes.write('Export controls tightened in 2023.');
  await workspace.notes.save();
  await claim.highlight('export policies', 'Key fact');
  await expect(claim.marginMarks.notes).toHaveAccessibleName('1 note on claim 1.2');
  await expect(claim.marginMarks.highlights).toHaveAccessibleName('1 highlight on claim 1.2');

  await workspace.indicators.open();
  await claim.marginMarks.notes.click();
  await expect(workspace.notes.items.filter({ hasText: 'Export controls tightened' })).toBeFocused();
  await claim.marginMarks.highlights.click();
  await expect(workspace.highlights.items.filter({ hasText: 'export policies' })).toBeFocused();
});

test('on a focused claim Shift+End, Ctrl+A and F7 select within the claim, never the whole window', async ({ page, workspace }) => {
  const claim = workspace.claim('1.2');
  // Claim 1.2 of the embedded brief, without its citation chips.
  const text =
    'China has begun tightening its rare earth export policies, signaling a trend towards more systematic control, which has raised concerns in Russian leadership';
  const selected = () => page.evaluate(() => document.getSelection()?.toString() ?? '');
  await workspace.claim('1.1').root.focus();
  await page.keyboard.press('ArrowDown');
  await expect(claim.root).toBeFocused();
  await page.keyboard.press('Shift+End');
  expect(await selected()).toBe(text);
  await page.keyboard.press('Escape');
  expect(await selected()).toBe('');
  await page.keyboard.press('ControlOrMeta+A');
  expect(await selected()).toBe(text);
  await page.keyboard.press('Escape');
  await page.keyboard.press('F7');
  await page.keyboard.press('Shift+ArrowRight', { delay: 0 });
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
  expect(await selected()).toBe('China');
});
