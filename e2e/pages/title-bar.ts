import { PageObject } from './page-object.ts';

/** The window's banner: the open document's name and where its work is saved. */
export class TitleBar extends PageObject {
  private readonly banner = this.page.getByRole('banner');
  readonly documentName = this.banner.locator('.doc-name');
  /** The one status of where the work is: "Saved to x.sqlite", or saved in the working copy and not yet to the file. Its title names the working copy. */
  readonly saveStatus = this.banner.locator('.save-status');
  /** Its sentence as a wide window shows it. */
  readonly saveStatusText = this.saveStatus.locator('.long');
}
