import type { Locator, Page } from '@playwright/test';
import { highlightWords } from './highlight-toolbar.ts';

/** The source at the head of the brief: the article's headline, its translation, outlet and date. */
export class SourceObject {
  readonly root: Locator;
  readonly headline: Locator;
  readonly publishedAt: Locator;
  /** The highlights drawn in the headline. */
  readonly marks: Locator;

  constructor(page: Page, reading: Locator) {
    this.root = reading.getByRole('region').filter({ has: page.getByText('Source', { exact: true }) });
    this.headline = this.root.getByRole('heading', { level: 1 });
    this.publishedAt = this.root.locator('time');
    this.marks = this.root.locator('mark');
  }

  /** Words shown in the source's header. */
  says(text: string | RegExp, options?: { exact?: boolean }): Locator {
    return this.root.getByText(text, options);
  }

  /** Selects words of the headline and highlights them with the colour of a meaning. */
  async highlight(words: string, meaning: string, comment?: string): Promise<void> {
    await highlightWords(this.root, words, meaning, comment);
  }
}
