import type { Locator, Page } from '@playwright/test';

/** The sheet of keyboard shortcuts, opened with "?". */
export class ShortcutSheet {
  readonly dialog: Locator;

  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  async open(): Promise<void> {
    await this.page.locator('body').press('?');
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /** The row for one action (/Undo the last edit/), with its keys. */
  row(action: RegExp): Locator {
    return this.dialog.getByRole('row', { name: action });
  }
}

/** Asked before unsaved changes would be dropped (File > New with an edited brief). */
export class UnsavedChangesDialog {
  readonly dialog: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Keep your changes?' });
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel' }).click();
  }
}
