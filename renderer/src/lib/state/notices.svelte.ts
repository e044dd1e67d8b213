export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/** How long a message about something done stays; a failure stays until dismissed or replaced. */
const INFO_MS = 8000;

/** The message line under the top bar: what the last document action did, or why it failed. One at a time. */
export class Notices {
  #current = $state<Notice | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;

  get current(): Notice | null {
    return this.#current;
  }

  info(text: string): void {
    this.#show({ kind: 'info', text });
    this.#timer = setTimeout(() => this.dismiss(), INFO_MS);
  }

  error(text: string): void {
    this.#show({ kind: 'error', text });
  }

  /** The next edit was made: a message about the one before no longer describes the document. */
  giveWay(): void {
    if (this.#current?.kind === 'info') this.dismiss();
  }

  /** Takes back a message if it is still the one shown (a later one stays). */
  withdraw(text: string): void {
    if (this.#current?.text === text) this.dismiss();
  }

  dismiss(): void {
    clearTimeout(this.#timer);
    this.#current = null;
  }

  #show(notice: Notice): void {
    clearTimeout(this.#timer);
    this.#current = notice;
  }
}
