import type { Locator } from '@playwright/test';
import { highlightWords } from './highlight-toolbar.ts';
import { PartObject } from './page-object.ts';
import { selectWords } from './text-selection.ts';

/** One claim in the reading view, found by its number ("2.3"): its text, its tools and its forms. */
export class ClaimObject extends PartObject {
  /** The highlights drawn in its text. */
  readonly marks = this.root.locator('mark');
  /** Its citation chips ([n]), each a button to its reference. */
  readonly citations = this.root.getByRole('button', { name: /^Reference (.+ )?\d+(,|$)/ });
  /** Our translation of the claim, shown labelled under its text. */
  readonly translation = this.root.getByTestId('translation');
  /** The marks in its margin: notes, highlights, assessment. */
  readonly marginMarks = {
    notes: this.root.getByRole('button', { name: /^\d+ notes? on claim/ }),
    highlights: this.root.getByRole('button', { name: /^\d+ highlights? on claim/ }),
    assessment: this.root.getByRole('button', { name: /^Assessment of claim/ }),
  };
  readonly assessment = this.root.getByTestId('assessment');
  /** The text box of the open editor. */
  readonly editor = this.root.getByRole('textbox');
  /** "Note" (with a count of its notes): starts a note on this claim. */
  readonly noteButton: Locator;
  readonly number: string;

  /** The whole claim (`root`) holds its text, citation chips, assessment and tools. */
  constructor(reading: Locator, number: string) {
    super(reading.locator(`[data-claim-number="${number}"]`));
    this.number = number;
    this.noteButton = this.root.getByRole('button', { name: `Note on claim ${number}`, exact: true });
  }

  /** A claim's tools show when the pointer is over it (or focus is in it), as for a user. */
  private async useTool(label: string): Promise<void> {
    await this.root.hover();
    await this.root.getByRole('button', { name: label }).click();
  }

  /**
   * Rewrites the claim's text in its editor: `text` is the new text, or makes it from the text as
   * it stands (citation markers included). Saves with the Save button or Ctrl+Enter; returns the old text.
   */
  async edit(text: string | ((current: string) => string), saveWith: 'button' | 'keyboard' = 'button'): Promise<string> {
    await this.useTool(`Edit claim ${this.number}`);
    const current = await this.editor.inputValue();
    await this.editor.fill(typeof text === 'string' ? text : text(current));
    if (saveWith === 'keyboard') await this.page.keyboard.press('ControlOrMeta+Enter');
    else await this.root.getByRole('button', { name: 'Save' }).click();
    return current;
  }

  /** Records an analyst's confidence ("moderate") and judgement on the claim. */
  async assess(confidence: string, judgement: string): Promise<void> {
    await this.useTool(`Assess claim ${this.number}`);
    await this.root.getByRole('combobox', { name: 'Confidence' }).selectOption(confidence);
    await this.root.getByRole('textbox', { name: /Judgement/ }).fill(judgement);
    await this.root.getByRole('button', { name: 'Save' }).click();
  }

  /** Writes our translation of the claim (empty takes it away). */
  async translate(text: string): Promise<void> {
    await this.useTool(`Translate claim ${this.number}`);
    await this.root.getByRole('textbox', { name: /Translation of claim/ }).fill(text);
    await this.root.getByRole('button', { name: 'Save' }).click();
  }

  async moveUp(): Promise<void> {
    await this.useTool(`Move claim ${this.number} up`);
  }

  async moveDown(): Promise<void> {
    await this.useTool(`Move claim ${this.number} down`);
  }

  /** Starts a note about this claim: the Notes tab opens with its form. */
  async startNote(): Promise<void> {
    await this.root.hover();
    await this.noteButton.click();
  }

  /** Selects words of the claim's text, as a drag with the mouse would. */
  async select(words: string): Promise<void> {
    await selectWords(this.root, words);
  }

  /** Selects words of the claim's text and highlights them with the colour of a meaning, with an optional comment. */
  async highlight(words: string, meaning: string, comment?: string): Promise<void> {
    await highlightWords(this.root, words, meaning, comment);
  }
}
