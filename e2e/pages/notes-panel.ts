import type { Locator, Page } from '@playwright/test';
import { SidePanel } from './side-panel.ts';

/** The Notes tab of the side panel: Markdown notes with tags, on the brief or on one of its parts. */
export class NotesPanel extends SidePanel {
  /** The note form's fields. */
  readonly body = this.root.getByRole('textbox', { name: 'Note (Markdown)' });
  readonly tags = this.root.getByRole('textbox', { name: /Tags/ });
  readonly about = this.root.getByRole('combobox', { name: 'About' });
  /** The form's refusal, named at its field. */
  readonly error = this.root.getByRole('alert');
  /** Notes shown with their Markdown rendered. */
  readonly renderedNotes = this.items.filter({ has: this.page.locator('.markdown') });
  private readonly tagFilter = this.root.getByRole('group', { name: 'Show notes tagged' });

  constructor(page: Page) {
    super(page, 'Notes');
  }

  // Writing a note.

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

  // The notes written.

  /** The note on a part of the brief, by its name there: "Whole brief", "Claim 1.2". */
  noteOn(target: string): Locator {
    return this.root.getByRole('listitem', { name: `Note on ${target}` });
  }

  /** The notes whose text holds these words. */
  notesSaying(text: string): Locator {
    return this.items.filter({ hasText: text });
  }

  /** A note's text as rendered from its Markdown. */
  markupOf(note: Locator): Locator {
    return note.locator('.markdown');
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
