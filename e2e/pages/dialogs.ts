import type { Locator } from '@playwright/test';
import { PageObject } from './page-object.ts';

/** The sheet of keyboard shortcuts, opened with "?". */
export class ShortcutSheet extends PageObject {
  readonly dialog = this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });

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
export class UnsavedChangesDialog extends PageObject {
  readonly dialog = this.page.getByRole('dialog', { name: 'Keep your changes?' });

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel' }).click();
  }
}
