import type { Locator, Page } from '@playwright/test';

/** The window's banner: the open document's name, whether it is edited, where the working copy lives. */
export class TitleBar {
  readonly documentName: Locator;
  /** "Edited": the brief has changes not yet saved to its file. */
  readonly editedMarker: Locator;
  /** "Every change is saved as you work", with the working copy's path as its title. */
  readonly autosaveNote: Locator;

  constructor(page: Page) {
    const banner = page.getByRole('banner');
    this.documentName = banner.locator('.doc-name');
    this.editedMarker = banner.getByText('Edited', { exact: true });
    this.autosaveNote = page.getByText('Every change is saved as you work');
  }
}
