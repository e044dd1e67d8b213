import type { Locator, Page } from '@playwright/test';

/** One conflict of a merge: both versions of a claim side by side, and a choice. */
export class MergeConflict {
  readonly yours: Locator;
  readonly theirs: Locator;

  readonly root: Locator;

  constructor(root: Locator) {
    this.root = root;
    this.yours = root.getByRole('region', { name: 'Yours version' });
    this.theirs = root.getByRole('region', { name: /Theirs.*version/ });
  }

  async keepYours(): Promise<void> {
    await this.root.getByRole('button', { name: 'Keep yours' }).click();
  }

  async takeTheirs(): Promise<void> {
    await this.root.getByRole('button', { name: 'Take theirs' }).click();
  }
}

/** The dialog that reviews a merge's conflicts, one at a time or all together. */
export class MergeReview {
  readonly dialog: Locator;
  readonly conflicts: Locator;
  readonly status: Locator;

  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.dialog = page.getByRole('dialog', { name: 'Review merge conflicts' });
    this.conflicts = this.dialog.getByRole('listitem');
    this.status = this.dialog.getByRole('status');
  }

  /** The conflict over one claim ("1.1"). */
  conflictOn(claimNumber: string): MergeConflict {
    return new MergeConflict(this.conflicts.filter({ has: this.page.getByRole('heading', { name: `Claim ${claimNumber}` }) }));
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
  }
}
