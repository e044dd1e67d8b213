import type { Locator } from '@playwright/test';
import { PartObject } from './page-object.ts';
import { literally } from './text-selection.ts';

/** One theme of the brief, by its label ("Group 4"): its heading, its claims and its tools. */
export class ThemeObject extends PartObject {
  readonly claims = this.root.getByRole('listitem');
  readonly heading: Locator;
  readonly label: string;

  constructor(reading: Locator, label: string) {
    super(reading.getByRole('region', { name: label }));
    this.label = label;
    this.heading = reading.getByRole('heading', { name: literally(label) });
  }

  /** Adds a claim at the end of the theme, from its "+ Add a claim" form. */
  async addClaim(text: string): Promise<void> {
    await this.page.getByRole('button', { name: `+ Add a claim to ${this.label}` }).click();
    await this.root.getByRole('textbox').fill(text);
    await this.root.getByRole('button', { name: 'Add claim' }).click();
  }

  /** Renames the theme from its heading's tools (shown while the pointer is over the heading). */
  async rename(title: string): Promise<void> {
    await this.heading.hover();
    await this.page.getByRole('button', { name: `Rename ${this.label}` }).click();
    await this.page.getByRole('textbox', { name: `Title of ${this.label}` }).fill(title);
    await this.page.keyboard.press('Enter');
  }
}
