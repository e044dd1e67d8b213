import { tick } from 'svelte';

/** Why an edit was refused, as OpenDocument.edit answers it (null: it was made). */
type Refusal = { message: string } | null;

/**
 * A one-field form opened in place: renaming a theme, adding a claim to a theme. It holds what is
 * typed, whether the form is open and why the last save was refused; a save that is refused keeps
 * the form open with the reason, one that succeeds closes it.
 */
export class InlineDraft {
  #open = $state(false);
  #text = $state('');
  #error = $state<string | null>(null);

  get open(): boolean {
    return this.#open;
  }
  get error(): string | null {
    return this.#error;
  }
  /** What is typed (bound to the field). */
  get text(): string {
    return this.#text;
  }
  set text(value: string) {
    this.#text = value;
  }

  /** Opens the form on `initial` and moves focus to the field `field` finds once it is drawn. */
  async start(initial: string, field: () => HTMLElement | null | undefined): Promise<void> {
    this.#open = true;
    this.#text = initial;
    this.#error = null;
    await tick();
    field()?.focus();
  }

  close(): void {
    this.#open = false;
  }

  async save(edit: (text: string) => Promise<Refusal>): Promise<void> {
    this.#error = (await edit(this.#text))?.message ?? null;
    if (!this.#error) this.#open = false;
  }
}
