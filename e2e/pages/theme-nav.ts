import type { Locator, Page } from '@playwright/test';

/** The table of contents: one link per theme. */
export class ThemeNav {
  readonly root: Locator;
  readonly links: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('navigation', { name: 'Themes' });
    this.links = this.root.getByRole('link');
  }

  /** Follows the link to a theme (/Theme 400/). */
  async jumpTo(theme: RegExp): Promise<void> {
    await this.root.getByRole('link', { name: theme }).click();
  }
}
