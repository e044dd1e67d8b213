export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/** The message line under the top bar: what the last document action did, or why it failed. One at a time. */
export class Notices {
  #current = $state<Notice | null>(null);

  get current(): Notice | null {
    return this.#current;
  }

  info(text: string): void {
    this.#current = { kind: 'info', text };
  }

  error(text: string): void {
    this.#current = { kind: 'error', text };
  }

  dismiss(): void {
    this.#current = null;
  }
}
