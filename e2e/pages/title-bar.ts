import { PageObject } from './page-object.ts';

/** The window's banner: the open document's name, whether it is edited, where the working copy lives. */
export class TitleBar extends PageObject {
  private readonly banner = this.page.getByRole('banner');
  readonly documentName = this.banner.locator('.doc-name');
  /** "Edited": the brief has changes not yet saved to its file. */
  readonly editedMarker = this.banner.getByText('Edited', { exact: true });
  /** "Every change is saved as you work", with the working copy's path as its title. */
  readonly autosaveNote = this.page.getByText('Every change is saved as you work');
}
