import { expect, type Locator, type Page } from '@playwright/test';

/** The workspace as a user meets it: source, themes with claims, indicators. */
export class WorkspacePage {
  readonly page: Page;
  readonly reading: Locator;
  readonly source: Locator;
  readonly indicatorsPanel: Locator;
  readonly indicators: Locator;
  readonly claims: Locator;
  readonly citationChips: Locator;
  readonly themeHeadings: Locator;

  constructor(page: Page) {
    this.page = page;
    this.reading = page.getByRole('main', { name: 'Brief' });
    this.source = this.reading.getByRole('region').filter({ has: page.getByText('Source', { exact: true }) });
    this.indicatorsPanel = page.getByRole('complementary', { name: /Indicators/ });
    this.indicators = this.indicatorsPanel.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
    this.themeHeadings = this.reading.getByRole('heading', { level: 2 });
    this.claims = this.reading.locator('[data-claim-number]');
    this.citationChips = this.reading.getByRole('note');
  }

  /** Runs a File menu command by mouse, as a user would. */
  async fileMenu(item: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name: 'File' }).click();
    await this.page.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: item }).click();
  }

  get status(): Locator {
    return this.page.getByRole('status').filter({ hasNotText: /^$/ }).first();
  }

  get alert(): Locator {
    return this.page.getByRole('alert');
  }

  documentName(): Locator {
    return this.page.getByRole('banner').locator('.doc-name');
  }

  async waitUntilOpen(): Promise<void> {
    // A brief of 100,000 items takes seconds to open in the test host (see bench/README.md).
    await expect(this.indicatorsPanel.getByRole('heading', { name: /Indicators/ })).toBeVisible({ timeout: 60_000 });
  }

  theme(label: string): Locator {
    return this.reading.getByRole('region', { name: label });
  }

  claim(number: string): Locator {
    return this.reading.locator(`[data-claim-number="${number}"]`);
  }

  indicator(name: string): Locator {
    return this.indicatorsPanel.getByRole('listitem', { name });
  }

  /** Everything the brief shows, as text: what a reload must reproduce. */
  async visibleText(): Promise<string> {
    return (await this.reading.innerText()) + '\n' + (await this.indicatorsPanel.innerText());
  }

  /** Selects `words` inside a claim's (or the headline's) text, as a drag with the mouse would. */
  async select(target: Locator, words: string): Promise<void> {
    await target.locator('[data-target-id]').evaluate((container, wanted) => {
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(wanted);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + wanted.length);
          document.getSelection()!.removeAllRanges();
          document.getSelection()!.addRange(range);
          return;
        }
      }
      throw new Error(`"${wanted}" is not in one piece of text here`);
    }, words);
  }

  get highlightToolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Highlight the selected text' });
  }

  /** Selects words and highlights them with the colour of that meaning, with an optional comment. */
  async highlight(target: Locator, words: string, meaning: string, comment?: string): Promise<void> {
    await this.select(target, words);
    if (comment) await this.highlightToolbar.getByRole('textbox').fill(comment);
    await this.highlightToolbar.getByRole('button', { name: meaning }).click();
    await expect(this.highlightToolbar).toBeHidden();
  }

  tab(name: 'Indicators' | 'Notes' | 'Highlights'): Locator {
    return this.page.getByRole('tablist', { name: 'Side panel' }).getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  get notesPanel(): Locator {
    return this.page.getByRole('complementary', { name: /^Notes/ });
  }

  get highlightsPanel(): Locator {
    return this.page.getByRole('complementary', { name: /^Highlights/ });
  }

  /** Presses a key with Ctrl (Cmd on macOS) on the page body, outside any text field. */
  async shortcut(keys: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(`ControlOrMeta+${keys}`);
  }

  async screenshot(path: string, colorScheme: 'light' | 'dark'): Promise<void> {
    await this.page.emulateMedia({ colorScheme });
    await this.page.evaluate(() => document.fonts.ready);
    await this.page.screenshot({ path });
  }
}
