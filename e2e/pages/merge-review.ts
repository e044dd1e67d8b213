import { PageObject, PartObject } from './page-object.ts';

/** One conflict of a merge: both versions of a claim side by side, and a choice. */
export class MergeConflict extends PartObject {
  readonly yours = this.root.getByRole('region', { name: 'Yours version' });
  readonly theirs = this.root.getByRole('region', { name: /Theirs.*version/ });

  async keepYours(): Promise<void> {
    await this.root.getByRole('button', { name: 'Keep yours' }).click();
  }

  async takeTheirs(): Promise<void> {
    await this.root.getByRole('button', { name: 'Take theirs' }).click();
  }
}

/** The dialog that reviews a merge's conflicts, one at a time or all together. */
export class MergeReview extends PageObject {
  readonly dialog = this.page.getByRole('dialog', { name: 'Review merge conflicts' });
  readonly conflicts = this.dialog.getByRole('listitem');
  readonly status = this.dialog.getByRole('status');

  /** The conflict over one claim ("1.1"). */
  conflictOn(claimNumber: string): MergeConflict {
    return new MergeConflict(this.conflicts.filter({ has: this.page.getByRole('heading', { name: `Claim ${claimNumber}` }) }));
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
  }
}
