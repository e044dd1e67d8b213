import type { Locator, Page } from '@playwright/test';
import { sidePanelTab } from './side-panel.ts';

/** The Notes tab of the side panel: Markdown notes with tags, on the brief or on one of its parts. */
export class NotesPanel {
  readonly root: Locator;
  readonly tab: Locator;
  /** The note form's fields. */
  readonly body: Locator;
  readonly tags: Locator;
  readonly about: Locator;
  /** The form's refusal, named at its field. */
  readonly error: Locator;
  /** Notes shown with their Markdown rendered. */
  readonly renderedNotes: Locator;
  private readonly tagFilter: Locator;
  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByRole('complementary', { name: /^Notes/ });
    this.tab = sidePanelTab(page, 'Notes');
    this.body = this.root.getByRole('textbox', { name: 'Note (Markdown)' });
    this.tags = this.root.getByRole('textbox', { name: /Tags/ });
    this.about = this.root.getByRole('combobox', { name: 'About' });
    this.error = this.root.getByRole('alert');
    this.renderedNotes = this.root.getByRole('listitem').filter({ has: page.locator('.markdown') });
    this.tagFilter = this.root.getByRole('group', { name: 'Show notes tagged' });
  }

  async open(): Promise<void> {
    await this.tab.click();
  }

  /** The note on a part of the brief, by its name there: "Whole brief", "Claim 1.2". */
  noteOn(target: string): Locator {
    return this.root.getByRole('listitem', { name: `Note on ${target}` });
  }

  /** A note's text as rendered from its Markdown. */
  markupOf(note: Locator): Locator {
    return note.locator('.markdown');
  }

  /** The notes whose text holds these words. */
  notesSaying(text: string): Locator {
    return this.root.getByRole('listitem').filter({ hasText: text });
  }

  async startNote(): Promise<void> {
    await this.root.getByRole('button', { name: 'New note' }).click();
  }

  /** Fills the open note form: its Markdown and, if given, its tags ("a, b"). */
  async write(markdown: string, tags?: string): Promise<void> {
    await this.body.fill(markdown);
    if (tags !== undefined) await this.tags.fill(tags);
  }

  /** Saves the open note form with its Save button or Ctrl+Enter. */
  async save(saveWith: 'button' | 'keyboard' = 'button'): Promise<void> {
    if (saveWith === 'keyboard') await this.page.keyboard.press('ControlOrMeta+Enter');
    else await this.root.getByRole('button', { name: 'Save note' }).click();
  }

  /** Writes a new note on the whole brief and saves it. */
  async add(markdown: string, tags?: string): Promise<void> {
    await this.startNote();
    await this.write(markdown, tags);
    await this.save();
  }

  /** Shows only the notes with this tag ("china"). */
  async showTagged(tag: string): Promise<void> {
    await this.tagFilter.getByRole('button', { name: `#${tag}` }).click();
  }

  /** Lifts the tag filter. */
  async showAll(): Promise<void> {
    await this.tagFilter.getByRole('button', { name: 'All' }).click();
  }
}
