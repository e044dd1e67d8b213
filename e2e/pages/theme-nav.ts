import { PageObject } from './page-object.ts';

/** The table of contents: one link per theme. */
export class ThemeNav extends PageObject {
  readonly root = this.page.getByRole('navigation', { name: 'Themes' });
  readonly links = this.root.getByRole('link');

  /** Follows the link to a theme (/Theme 400/). */
  async jumpTo(theme: RegExp): Promise<void> {
    await this.root.getByRole('link', { name: theme }).click();
  }
}
