import type { Locator, Page } from '@playwright/test';

/** The workspace's own File menu (the application menu's File, in the page). */
export class FileMenu {
  readonly button: Locator;
  readonly menu: Locator;
  /** The briefs under "Open recent", newest first. */
  readonly recentBriefs: Locator;

  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.button = page.getByRole('button', { name: 'File' });
    this.menu = page.getByRole('menu', { name: 'File' });
    this.recentBriefs = page.getByRole('group', { name: 'Open recent' }).getByRole('menuitem');
  }

  async open(): Promise<void> {
    await this.button.click();
  }

  /** Runs a command of the menu ("Open…") by mouse, as a user would. */
  async choose(item: string | RegExp): Promise<void> {
    await this.open();
    await this.menu.getByRole('menuitem', { name: item }).click();
  }

  /** Escape closes the menu (and focus goes back to its button). */
  async dismiss(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }
}
