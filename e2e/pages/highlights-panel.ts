import type { Locator, Page } from '@playwright/test';
import { SidePanel } from './side-panel.ts';

/** The Highlights tab of the side panel: every highlight with its comment, the orphaned ones, the colours' meanings. */
export class HighlightsPanel extends SidePanel {
  /** Highlights whose words are no longer in their claim. */
  readonly orphaned = this.root.getByRole('region', { name: /Orphaned/ });

  constructor(page: Page) {
    super(page, 'Highlights');
  }

  /** The highlight on a part of the brief, by its name there: "Claim 2.1", "Headline". */
  highlightOn(target: string): Locator {
    return this.root.getByRole('listitem', { name: `Highlight on ${target}` });
  }

  /** The comment field of a highlight (or of the orphaned ones). */
  commentOf(highlight: Locator): Locator {
    return highlight.getByRole('textbox');
  }

  /** Rewrites a highlight's comment in place; Enter keeps it. */
  async editComment(target: string, comment: string): Promise<void> {
    const field = this.commentOf(this.highlightOn(target));
    await field.fill(comment);
    await field.press('Enter');
  }

  async showMore(): Promise<void> {
    await this.root.getByRole('button', { name: /Show more/ }).click();
  }

  /** Opens "What the colours mean", where each colour's meaning is edited. */
  async showColourMeanings(): Promise<void> {
    await this.root.getByText('What the colours mean').click();
  }

  /** The field with a colour's meaning ("red"). */
  meaningOf(colour: string): Locator {
    return this.root.getByRole('textbox', { name: `Meaning of ${colour}` });
  }

  /** Gives a colour a new meaning; Enter keeps it. */
  async setMeaning(colour: string, meaning: string): Promise<void> {
    await this.meaningOf(colour).fill(meaning);
    await this.meaningOf(colour).press('Enter');
  }
}
