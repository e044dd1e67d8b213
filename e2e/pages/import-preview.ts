import type { Locator } from '@playwright/test';
import { PageObject } from './page-object.ts';

/**
 * The import dialog (File > Import source…, a dropped file, pasted text): where the source came
 * from, its themes and claims to adjust, and "Add to brief". Claims are named as the dialog numbers
 * them ("Claim 1.2": the second claim of the source's first theme).
 */
export class ImportPreview extends PageObject {
  readonly dialog = this.page.getByRole('dialog', { name: 'Import a source' });
  /** "From magnets.md · Markdown · 412 bytes · SHA-256 3f2a9c01b2de". */
  readonly origin = this.dialog.getByTestId('import-origin');
  /** "2 themes, 4 claims, 5 citations". */
  readonly counts = this.dialog.getByTestId('import-counts');
  readonly warnings = this.dialog.getByRole('list', { name: 'What the reader noticed' }).getByRole('listitem');
  readonly error = this.dialog.getByRole('alert');
  readonly headline = this.dialog.getByRole('textbox', { name: 'Headline, as the source gives it' });
  readonly translation = this.dialog.getByRole('textbox', { name: 'Headline translation (ours, not the source’s)' });
  readonly shortName = this.dialog.getByRole('textbox', { name: 'Short name' });
  readonly claims = this.dialog.getByRole('textbox', { name: /^Claim \d+\.\d+$/ });
  readonly headings = this.dialog.getByRole('textbox', { name: /^Heading of theme \d+$/ });
  readonly pasteTab = this.dialog.getByRole('tab', { name: 'Paste text' });
  readonly pastedText = this.dialog.getByRole('textbox', { name: 'Text to import' });
  readonly addButton = this.dialog.getByRole('button', { name: 'Add to brief' });

  claim(number: string): Locator {
    return this.dialog.getByRole('textbox', { name: `Claim ${number}`, exact: true });
  }

  /** The claims' texts as the dialog shows them, markers included, in order. */
  async claimTexts(): Promise<string[]> {
    return this.claims.evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));
  }

  async headingTexts(): Promise<string[]> {
    return this.headings.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  }

  async renameTheme(index: number, heading: string): Promise<void> {
    await this.dialog.getByRole('textbox', { name: `Heading of theme ${index}`, exact: true }).fill(heading);
  }

  async mergeWithNext(number: string): Promise<void> {
    await this.dialog.getByRole('button', { name: `Merge with next (claim ${number})` }).click();
  }

  /** Splits a claim: after the words `after` when given (the caret put there, as a click in the text does), else after its first sentence. */
  async split(number: string, after?: string): Promise<void> {
    if (after !== undefined) {
      const area = this.claim(number);
      await area.click();
      await area.evaluate((element, words) => {
        const textarea = element as HTMLTextAreaElement;
        const at = textarea.value.indexOf(words) + words.length;
        textarea.setSelectionRange(at, at);
      }, after);
    }
    await this.dialog.getByRole('button', { name: `Split (claim ${number})` }).click();
  }

  async remove(number: string): Promise<void> {
    await this.dialog.getByRole('button', { name: `Remove (claim ${number})` }).click();
  }

  /** The Paste text tab: pastes the text and reads it into the preview. */
  async readPasted(text: string): Promise<void> {
    await this.pasteTab.click();
    await this.pastedText.fill(text);
    await this.dialog.getByRole('button', { name: 'Read', exact: true }).click();
  }

  async add(): Promise<void> {
    await this.addButton.click();
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel' }).click();
  }

  /** Drops a file with these contents on the window, as from a file manager. */
  async drop(name: string, contents: string): Promise<void> {
    await this.page.evaluate(
      ([fileName, text]) => {
        const data = new DataTransfer();
        data.items.add(new File([text], fileName));
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      [name, contents] as const,
    );
  }
}
