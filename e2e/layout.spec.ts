import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { expectAccessible } from './support/accessibility.ts';

// The workspace at the window sizes analysts use, from a small laptop to a big screen: the window
// itself never scrolls (only its panes do), nothing is cut off at the right, the top bar stays on
// one line, and every control of the side panel and the composer is inside the window.

test.describe.configure({ timeout: 180_000 });

const SIZES = [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/** The document's own scroll extent: the window scrolls only if these exceed the viewport. */
async function documentOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    window.scrollTo(400, 400);
    const scrolled = { x: window.scrollX, y: window.scrollY };
    window.scrollTo(0, 0);
    return { wide: root.scrollWidth - root.clientWidth, tall: root.scrollHeight - root.clientHeight, scrolled };
  });
}

/** Every visible control under `within` lies inside the window from left to right (a pane may scroll it vertically). */
async function expectControlsInside(page: Page, within: Locator, what: string) {
  const width = page.viewportSize()!.width;
  const outside = await within.evaluate((root, windowWidth) => {
    const controls = root.querySelectorAll<HTMLElement>('button, input, select, textarea, [role="tab"]');
    return [...controls]
      .filter((control) => control.offsetParent !== null && getComputedStyle(control).visibility !== 'hidden')
      .map((control) => ({ control, box: control.getBoundingClientRect() }))
      .filter(({ box }) => box.left < -0.5 || box.right > windowWidth + 0.5)
      .map(
        ({ control, box }) =>
          `${control.tagName} "${control.getAttribute('aria-label') ?? control.textContent?.trim().slice(0, 30)}" ${Math.round(box.left)}–${Math.round(box.right)}`,
      );
  }, width);
  expect(outside, `${what} at ${width}px: controls cut off`).toEqual([]);
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the window holds: no page scroll, one-line header, panels and composer inside`, async ({
    page,
    workspace,
  }, testInfo) => {
    await workspace.waitUntilOpen();
    await page.setViewportSize(size);
    const label = `${size.width}x${size.height}`;

    expect(await documentOverflow(page)).toEqual({ wide: 0, tall: 0, scrolled: { x: 0, y: 0 } });

    // The top bar is one line: every item on it is centred on the same row.
    const rows = await page.getByRole('banner').evaluate((bar) => {
      const middles = [...bar.children]
        .filter((c) => (c as HTMLElement).offsetParent !== null && c.getBoundingClientRect().width > 0)
        .map((c) => (c.getBoundingClientRect().top + c.getBoundingClientRect().bottom) / 2);
      return { spread: Math.max(...middles) - Math.min(...middles), height: bar.getBoundingClientRect().height };
    });
    expect(rows.spread, 'items of the top bar on different rows').toBeLessThan(12);
    expect(rows.height).toBeLessThan(60);
    // A long name truncates; the whole name is its tooltip.
    await expect(workspace.titleBar.documentName).toHaveAttribute('title', /.+/);

    // The reading pane scrolls, not the window.
    await workspace.reading.evaluate((main) => main.scrollTo(0, 600));
    expect(await workspace.reading.evaluate((main) => main.scrollTop)).toBeGreaterThan(0);
    expect((await documentOverflow(page)).scrolled).toEqual({ x: 0, y: 0 });

    // The side panel: folded behind its toggle in a small window, beside the text in a big one.
    const panelToggle = page.getByRole('banner').getByRole('button', { name: 'Panel' });
    if (size.width < 860) {
      await expect(workspace.indicators.root).toBeHidden();
      await panelToggle.click();
    } else {
      await expect(panelToggle).toHaveCount(0);
    }
    await expect(workspace.indicators.root).toBeVisible();
    await expectControlsInside(page, page.getByRole('region', { name: 'Side panel' }), 'Indicators');
    await expectAccessible(page, `workspace ${label}`);
    for (const scheme of ['light', 'dark'] as const)
      await workspace.screenshot(testInfo.outputPath(`workspace-${label}-${scheme}.png`), scheme);

    // The shortcut sheet fits the window (it scrolls inside when the window is short).
    await workspace.shortcutSheet.open();
    const sheet = (await workspace.shortcutSheet.dialog.boundingBox())!;
    expect(sheet.y).toBeGreaterThanOrEqual(0);
    expect(sheet.y + sheet.height).toBeLessThanOrEqual(size.height);
    expect(sheet.x + sheet.width).toBeLessThanOrEqual(size.width);
    await workspace.shortcutSheet.close();

    // Forms open inside the panel and grow downward, never sideways.
    const reserves = workspace.indicators.indicator('Rare earth reserves (Russia)');
    await reserves.startAddingValue();
    await expect(reserves.newValueForm.value).toBeVisible();
    await expectControlsInside(page, page.getByRole('region', { name: 'Side panel' }), 'Add value form');
    await workspace.notes.open();
    await workspace.notes.startNote();
    await expect(workspace.notes.about).toBeVisible();
    await expectControlsInside(page, page.getByRole('region', { name: 'Side panel' }), 'Note form');
    expect(await documentOverflow(page)).toEqual({ wide: 0, tall: 0, scrolled: { x: 0, y: 0 } });
    if (size.width < 860) await page.keyboard.press('Escape');

    // The composer: its settings and its scaled preview page both fit.
    await workspace.composer.open();
    await expectControlsInside(page, page.getByRole('region', { name: 'Compose and export' }), 'Composer');
    const previewPane = await workspace.composer.preview.boundingBox();
    const previewPage = await workspace.composer.preview.locator('.page').boundingBox();
    expect(previewPage!.x).toBeGreaterThanOrEqual(previewPane!.x);
    expect(previewPage!.x + previewPage!.width).toBeLessThanOrEqual(previewPane!.x + previewPane!.width + 0.5);
    expect(await documentOverflow(page)).toEqual({ wide: 0, tall: 0, scrolled: { x: 0, y: 0 } });
    await expectAccessible(page, `composer ${label}`);
    for (const scheme of ['light', 'dark'] as const)
      await workspace.screenshot(testInfo.outputPath(`composer-${label}-${scheme}.png`), scheme);
  });
}

test('the themes list folds behind a toggle in a narrow window; the side panel can be dragged wider and keeps its width', async ({
  page,
  workspace,
}) => {
  await workspace.waitUntilOpen();
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(workspace.themeNav.root).toBeHidden();
  await page.getByRole('banner').getByRole('button', { name: 'Themes' }).click();
  await expect(workspace.themeNav.root).toBeVisible();
  await workspace.themeNav.root.getByRole('link', { name: /Group 3/ }).click();
  await expect(workspace.themeNav.root).toBeHidden();

  await page.setViewportSize({ width: 1600, height: 900 });
  const splitter = page.getByRole('separator', { name: 'Side panel width' });
  const panel = page.getByRole('region', { name: 'Side panel' });
  const before = (await panel.boundingBox())!.width;
  const handle = (await splitter.boundingBox())!;
  await page.mouse.move(handle.x + 3, handle.y + 200);
  await page.mouse.down();
  await page.mouse.move(handle.x - 150, handle.y + 200, { steps: 5 });
  await page.mouse.up();
  const dragged = (await panel.boundingBox())!.width;
  expect(dragged).toBeGreaterThan(before + 120);
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  expect((await panel.boundingBox())!.width).toBeLessThan(dragged);
  const kept = await splitter.getAttribute('aria-valuenow');
  await workspace.reload();
  await expect(page.getByRole('separator', { name: 'Side panel width' })).toHaveAttribute('aria-valuenow', kept!);
});
