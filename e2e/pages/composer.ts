import { expect, type Locator } from '@playwright/test';
import { PageObject } from './page-object.ts';

export type ExportFormat = 'PDF' | 'MD' | 'HTML';

/** What the composer's "Also include" offers, as its checkboxes are labelled. */
export const COMPOSER_PARTS = [
  'Bottom line',
  'Key judgments, with their evidence',
  'Claim assessments',
  'Analyst’s notes',
  'Highlights, their comments and orphans',
  'Indicators table',
  'Charts of indicator histories',
  'References',
  'Grades of the source and references',
] as const;
export type ComposerPart = (typeof COMPOSER_PARTS)[number];

/** The composer: settings for the printed brief, its print preview, and the export buttons. */
export class Composer extends PageObject {
  readonly heading = this.page.getByRole('heading', { name: 'Compose and export' });
  readonly marking = this.page.getByLabel('Handling marking');
  readonly title = this.page.getByRole('textbox', { name: 'Title', exact: true });
  readonly preview = this.page.getByRole('region', { name: 'Print preview' });
  /** The printed brief inside the preview (without the preview's own marking line). */
  readonly document = this.preview.locator('article.brief-doc');
  readonly previewTitle = this.preview.getByRole('heading', { level: 1 });
  readonly previewHeadings = this.preview.getByRole('heading', { level: 2 });
  /** The contents' lines in the preview. */
  readonly contents = this.preview.getByRole('navigation').getByRole('listitem');
  /** An export under way: laying out, printing, writing. */
  readonly progress = this.page.getByRole('status').filter({ hasText: /Laying out pages|Printing|Writing|Composing/ });
  /** What the composer points out before an export ("Key judgment 3 has no supporting evidence."). */
  readonly warnings = this.page.getByRole('status', { name: 'Before you export' }).getByRole('listitem');
  /** Says when the settings are kept with the brief. */
  readonly kept = this.page.getByRole('status').filter({ hasText: 'These settings are kept with the brief.' });

  /** Opens the composer from the workspace; it is open when its print preview shows the brief's title. */
  async open(): Promise<void> {
    const button = this.page.getByRole('button', { name: 'Compose and export' });
    // The button toggles the composer: pressed, it is open already.
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    await expect(this.heading).toBeVisible();
    await expect(this.previewTitle).toBeVisible();
  }

  async setMarking(marking: string): Promise<void> {
    await this.marking.fill(marking);
  }

  async choosePaper(paper: 'A4' | 'US Letter'): Promise<void> {
    await this.page.getByLabel(paper).check();
  }

  paper(paper: 'A4' | 'US Letter'): Locator {
    return this.page.getByLabel(paper);
  }

  /** A part of "Also include" ("Key judgments, with their evidence"). */
  part(label: ComposerPart): Locator {
    return this.page.getByRole('group', { name: 'Also include' }).getByRole('checkbox', { name: label, exact: true });
  }

  /** A theme's checkbox in "Themes and claims" ("Group 2"). */
  theme(label: string): Locator {
    return this.page.getByRole('group', { name: 'Themes and claims' }).getByRole('checkbox', { name: label, exact: true });
  }

  /** The themes as the composer lists them, in order. */
  readonly themeLabels = this.page.getByRole('group', { name: 'Themes and claims' }).locator('.theme-label');

  async moveThemeUp(label: string): Promise<void> {
    await this.page.getByRole('button', { name: `Move ${label} up` }).click();
  }

  /** A claim's checkbox under its theme, by its number ("1.2"). */
  claim(number: string): Locator {
    return this.page
      .getByRole('group', { name: 'Themes and claims' })
      .getByRole('checkbox', { name: new RegExp(`^${number.replace('.', '\\.')} `) });
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
