import { expect, type Locator } from '@playwright/test';
import { PageObject } from './page-object.ts';

export type ExportFormat = 'PDF' | 'MD' | 'HTML';

/** The composer: settings for the printed brief, its print preview, and the export buttons. */
export class Composer extends PageObject {
  readonly heading = this.page.getByRole('heading', { name: 'Compose and export' });
  readonly marking = this.page.getByLabel('Handling marking');
  readonly preview = this.page.getByRole('region', { name: 'Print preview' });
  readonly previewTitle = this.preview.getByRole('heading', { level: 1 });
  readonly previewHeadings = this.preview.getByRole('heading', { level: 2 });
  /** An export under way: laying out, printing, writing. */
  readonly progress = this.page.getByRole('status').filter({ hasText: /Laying out pages|Printing|Writing|Composing/ });

  /** Opens the composer from the workspace; it is open when its print preview shows the brief's title. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Compose and export' }).click();
    await expect(this.heading).toBeVisible();
    await expect(this.previewTitle).toBeVisible();
  }

  async setMarking(marking: string): Promise<void> {
    await this.marking.fill(marking);
  }

  async choosePaper(paper: 'A4' | 'US Letter'): Promise<void> {
    await this.page.getByLabel(paper).check();
  }

  /** Starts an export with its button; the file's place comes from the (stubbed) save dialog. */
  async export(format: ExportFormat): Promise<void> {
    const button = { PDF: 'Export PDF…', MD: 'Markdown…', HTML: 'HTML…' }[format];
    await this.page.getByRole('button', { name: button }).click();
  }

  /** The notice that an export is written ("Exported PDF to …"). */
  exported(format: ExportFormat): Locator {
    return this.page.getByText(new RegExp(`Exported ${format} to`));
  }
}
