import type { Locator, Page } from '@playwright/test';

/**
 * A part of the window found from the page itself (a menu, a dialog, a panel). `page` is set before
 * a subclass's fields are made, so each locator is declared once, as a field initialiser:
 * `readonly menu = this.page.getByRole('menu', { name: 'File' });`.
 */
export abstract class PageObject {
  protected readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }
}

/**
 * A part found inside another one (a claim in the reading view, a conflict in the merge review):
 * `root` is set first, and the subclass's locators are field initialisers made from it.
 */
export abstract class PartObject {
  /** The whole part, as one element. */
  readonly root: Locator;

  constructor(root: Locator) {
    this.root = root;
  }

  /** The page the part is on, for what shows outside it (a form it opens, the keyboard). */
  protected get page(): Page {
    return this.root.page();
  }
}
