import { PageObject } from './page-object.ts';

/** The workspace's own File menu (the application menu's File, in the page). */
export class FileMenu extends PageObject {
  readonly button = this.page.getByRole('button', { name: 'File' });
  readonly menu = this.page.getByRole('menu', { name: 'File' });
  /** The briefs under "Open recent", newest first. */
  readonly recentBriefs = this.page.getByRole('group', { name: 'Open recent' }).getByRole('menuitem');

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
