import type { Locator, Page } from '@playwright/test';

/** The search box over claims, notes and indicators, with its list of results. */
export class SearchBox {
  readonly box: Locator;
  readonly results: Locator;
  readonly hits: Locator;
  /** The matched words, marked in the results. */
  readonly marks: Locator;
  readonly selectedHit: Locator;

  constructor(page: Page) {
    this.box = page.getByRole('combobox', { name: 'Search claims, notes and indicators' });
    this.results = page.getByRole('listbox', { name: 'Search results' });
    this.hits = this.results.getByRole('option');
    this.marks = this.results.locator('mark');
    this.selectedHit = this.results.getByRole('option', { selected: true });
  }

  /** The result naming a place in the brief (/Claim 2\.3/). */
  hit(name: RegExp): Locator {
    return this.results.getByRole('option', { name });
  }

  /** Types into the search box, key by key, after what is there. */
  async type(words: string): Promise<void> {
    await this.box.pressSequentially(words);
  }

  /** Empties the box, then types the words key by key. */
  async searchFor(words: string): Promise<void> {
    await this.box.fill('');
    await this.type(words);
  }

  /** Puts words in the box at once, as a paste does. */
  async paste(words: string): Promise<void> {
    await this.box.fill(words);
  }

  async press(key: string): Promise<void> {
    await this.box.press(key);
  }
}
