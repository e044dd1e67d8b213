import type { Locator } from '@playwright/test';
import { highlightWords } from './highlight-toolbar.ts';
import { PartObject } from './page-object.ts';

/** The source at the head of the brief: the article's headline, its translation, outlet and date. */
export class SourceObject extends PartObject {
  readonly headline = this.root.getByRole('heading', { level: 1 });
  readonly publishedAt = this.root.locator('time');
  /** The highlights drawn in the headline. */
  readonly marks = this.root.locator('mark');

  constructor(reading: Locator) {
    super(reading.getByRole('region').filter({ has: reading.page().getByText('Source', { exact: true }) }));
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
