import { expect, type Locator } from '@playwright/test';
import { PageObject } from './page-object.ts';
import { selectWords } from './text-selection.ts';

/** The toolbar that floats over selected text: one button per colour meaning, and a comment field. */
export class HighlightToolbar extends PageObject {
  readonly root = this.page.getByRole('toolbar', { name: 'Highlight the selected text' });
  readonly comment = this.root.getByRole('textbox');
  readonly firstColour = this.root.getByRole('button').first();

  /** Highlights the selected text with the colour of that meaning, with an optional comment; the toolbar then goes. */
  async apply(meaning: string, comment?: string): Promise<void> {
    if (comment) await this.comment.fill(comment);
    await this.root.getByRole('button', { name: meaning }).click();
    await expect(this.root).toBeHidden();
  }
}

/** Selects words in `target` and highlights them, as a user does with the mouse and the toolbar. */
export async function highlightWords(target: Locator, words: string, meaning: string, comment?: string): Promise<void> {
  await selectWords(target, words);
  await new HighlightToolbar(target.page()).apply(meaning, comment);
}
