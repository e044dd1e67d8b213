import { JudgmentsPanel } from './pages/judgments-panel.ts';
import { ReferencesPanel } from './pages/references-panel.ts';
import { expect, type Locator } from '@playwright/test';
import { ClaimObject } from './pages/claim.ts';
import { Composer } from './pages/composer.ts';
import { ShortcutSheet, UnsavedChangesDialog } from './pages/dialogs.ts';
import { FileMenu } from './pages/file-menu.ts';
import { FiguresPanel } from './pages/figures-panel.ts';
import { ImportPreview } from './pages/import-preview.ts';
import { HighlightToolbar } from './pages/highlight-toolbar.ts';
import { HighlightsPanel } from './pages/highlights-panel.ts';
import { type IndicatorCard, IndicatorsPanel } from './pages/indicators-panel.ts';
import { MergeReview } from './pages/merge-review.ts';
import { NotesPanel } from './pages/notes-panel.ts';
import { PageObject } from './pages/page-object.ts';
import { SearchBox } from './pages/search-box.ts';
import { SourceObject } from './pages/source.ts';
import { ThemeNav } from './pages/theme-nav.ts';
import { ThemeObject } from './pages/theme.ts';
import { TitleBar } from './pages/title-bar.ts';

/**
 * The workspace as a user meets it: the source, themes with claims, the side panel (indicators,
 * notes, highlights), the File menu, search and the composer. The entry point of the page objects:
 * each part of the screen is its own object (e2e/pages/), handed out here.
 */
export class WorkspacePage extends PageObject {
  // The reading view: the source, the themes and their claims.
  readonly reading = this.page.getByRole('main', { name: 'Brief' });
  readonly source = new SourceObject(this.reading);
  readonly themeHeadings = this.reading.getByRole('heading', { level: 2 });
  readonly claims = this.reading.locator('[data-claim-number]');
  readonly citationChips = this.reading.getByRole('button', { name: /^Reference \d+(,|$)/ });
  readonly highlightToolbar = new HighlightToolbar(this.page);

  // The side panel's tabs.
  readonly indicators = new IndicatorsPanel(this.page);
  readonly figures = new FiguresPanel(this.page);
  readonly notes = new NotesPanel(this.page);
  readonly highlights = new HighlightsPanel(this.page);
  readonly references = new ReferencesPanel(this.page);
  readonly judgments = new JudgmentsPanel(this.page);

  /** The latest notice ("Saved to …", "Undone …"). */
  readonly status = this.page.getByRole('status').filter({ hasNotText: /^$/ }).first();
  readonly alert = this.page.getByRole('alert');

  // The window's tools, and the dialogs they open.
  readonly titleBar = new TitleBar(this.page);
  readonly fileMenu = new FileMenu(this.page);
  readonly themeNav = new ThemeNav(this.page);
  readonly search = new SearchBox(this.page);
  readonly composer = new Composer(this.page);
  readonly mergeReview = new MergeReview(this.page);
  readonly unsavedChanges = new UnsavedChangesDialog(this.page);
  readonly shortcutSheet = new ShortcutSheet(this.page);
  readonly importPreview = new ImportPreview(this.page);

  async waitUntilOpen(): Promise<void> {
    // A brief of 100,000 items takes seconds to open in the test host (see bench/README.md).
    await expect(this.indicators.heading).toBeVisible({ timeout: 60_000 });
  }

  /** Reloads the window and waits for the brief to be open again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilOpen();
  }

  theme(label: string): ThemeObject {
    return new ThemeObject(this.reading, label);
  }

  claim(number: string): ClaimObject {
    return new ClaimObject(this.reading, number);
  }

  indicator(name: string): IndicatorCard {
    return this.indicators.indicator(name);
  }

  /** Adds a theme at the end of the brief, from the "+ Add a theme" form. */
  async addTheme(title: string): Promise<void> {
    await this.page.getByRole('button', { name: '+ Add a theme' }).click();
    await this.page.getByRole('textbox', { name: 'Title of the new theme' }).fill(title);
    await this.page.getByRole('button', { name: 'Add theme', exact: true }).click();
  }

  /** Words shown anywhere in the window ("This brief is empty."). */
  says(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }

  /** The alert whose words hold this text. */
  alertSaying(text: string): Locator {
    return this.alert.filter({ hasText: text });
  }

  /** Everything the brief shows, as text: what a reload must reproduce. */
  async visibleText(): Promise<string> {
    return (await this.reading.innerText()) + '\n' + (await this.indicators.root.innerText());
  }

  /** Presses a key with Ctrl (Cmd on macOS) on the page body, outside any text field. */
  async shortcut(keys: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(`ControlOrMeta+${keys}`);
  }

  /** Undo from the keyboard (Ctrl+Z), outside any text field. */
  async undo(): Promise<void> {
    await this.shortcut('z');
  }

  /** Redo from the keyboard (Ctrl+Shift+Z), outside any text field. */
  async redo(): Promise<void> {
    await this.shortcut('Shift+z');
  }

  /** Drops a file of this name on the window, as from a file manager (its contents do not matter). */
  async dropFile(name: string): Promise<void> {
    await this.page.evaluate((fileName) => {
      const data = new DataTransfer();
      data.items.add(new File(['x'], fileName));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, name);
  }

  async screenshot(path: string, colorScheme: 'light' | 'dark'): Promise<void> {
    await this.page.emulateMedia({ colorScheme });
    await this.page.evaluate(() => document.fonts.ready);
    await this.page.screenshot({ path });
  }
}
