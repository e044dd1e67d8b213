import type { Locator } from '@playwright/test';
import { PageObject } from './page-object.ts';

/** The search box over claims, notes and indicators, with its list of results. */
export class SearchBox extends PageObject {
  readonly box = this.page.getByRole('combobox', { name: 'Search claims, notes and indicators' });
  readonly results = this.page.getByRole('listbox', { name: 'Search results' });
  readonly hits = this.results.getByRole('option');
  /** The matched words, marked in the results. */
  readonly marks = this.results.locator('mark');
  readonly selectedHit = this.results.getByRole('option', { selected: true });

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
