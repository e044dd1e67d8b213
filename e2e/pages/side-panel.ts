import type { Locator, Page } from '@playwright/test';
import { PartObject } from './page-object.ts';

export type SidePanelName = 'Judgments' | 'Indicators' | 'Figures' | 'Notes' | 'Highlights' | 'References';

/** One panel of the side panel, named by its heading ("Notes 3"), with the tab that shows it and its list. */
export abstract class SidePanel extends PartObject {
  /** The panel's tab (with a count, for Notes and Highlights). */
  readonly tab: Locator;
  /** The panel's heading: its name and a count ("Highlights 100,000"). */
  readonly heading: Locator;
  /** Every entry of the panel's list. */
  readonly items = this.root.getByRole('listitem');

  constructor(page: Page, name: SidePanelName) {
    const named = new RegExp(`^${name}`);
    super(page.getByRole('complementary', { name: named }));
    this.tab = page.getByRole('tablist', { name: 'Side panel' }).getByRole('tab', { name: named });
    this.heading = this.root.getByRole('heading', { name: named });
  }

  async open(): Promise<void> {
    await this.tab.click();
  }
}
