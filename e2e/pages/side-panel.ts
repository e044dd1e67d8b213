import type { Locator, Page } from '@playwright/test';

export type SidePanelName = 'Indicators' | 'Notes' | 'Highlights';

/** The tab of the side panel that shows one of its panels (with a count, for Notes and Highlights). */
export function sidePanelTab(page: Page, name: SidePanelName): Locator {
  return page.getByRole('tablist', { name: 'Side panel' }).getByRole('tab', { name: new RegExp(`^${name}`) });
}
