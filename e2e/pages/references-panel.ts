import type { Locator, Page } from '@playwright/test';
import { SidePanel } from './side-panel.ts';

/** The References tab: every citation number with the claims that cite it. */
export class ReferencesPanel extends SidePanel {
  constructor(page: Page) {
    super(page, 'References');
  }

  /** One reference's entry ("Reference 19"). */
  reference(marker: number): Locator {
    return this.root.getByRole('listitem', { name: `Reference ${marker}`, exact: true });
  }
}
