import type { Locator, Page } from '@playwright/test';
import { SidePanel } from './side-panel.ts';

/** The References tab: every citation number with the claims that cite it. */
export class ReferencesPanel extends SidePanel {
  constructor(page: Page) {
    super(page, 'References');
  }

  /** One reference's entry ("Reference 19"; "Reference Institute 4" where the brief has several sources). */
  reference(marker: number, source?: string): Locator {
    return this.root.getByRole('listitem', { name: `Reference ${source ? `${source} ` : ''}${marker}`, exact: true });
  }

  /** The headings the references are grouped under, one per source, where the brief has several. */
  readonly sourceHeadings = this.root.getByRole('heading', { level: 3 });
}
