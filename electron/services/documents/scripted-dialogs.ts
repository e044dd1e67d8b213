import { createInterface } from 'node:readline/promises';
import type { Dialogs } from './documents.ts';

/**
 * Dialogs for the hosts without native ones. Tests queue the answers (a path, or null for
 * "cancelled") before the action; with none queued, an interactive preview asks on the terminal.
 */
export class ScriptedDialogs implements Dialogs {
  readonly #answers: (string | null)[] = [];
  readonly #interactive: boolean;
  /** What each dialog was asked, in order, for tests to check. */
  readonly asked: string[] = [];

  constructor({ interactive = false } = {}) {
    this.#interactive = interactive;
  }

  answerNext(path: string | null): void {
    this.#answers.push(path);
  }

  async #answer(question: string): Promise<string | null> {
    this.asked.push(question);
    if (this.#answers.length > 0) return this.#answers.shift()!;
    if (!this.#interactive || !process.stdin.isTTY) return null;
    const terminal = createInterface({ input: process.stdin, output: process.stdout });
    try {
      const path = (await terminal.question(`${question} (a path, or empty to cancel): `)).trim();
      return path === '' ? null : path;
    } finally {
      terminal.close();
    }
  }

  chooseBriefToOpen(purpose: 'open' | 'merge') {
    return this.#answer(purpose === 'merge' ? 'Merge a colleague’s brief' : 'Open a brief');
  }

  chooseArticle() {
    return this.#answer('New brief from an article');
  }

  chooseSource() {
    return this.#answer('Import a source');
  }

  chooseSaveTarget(suggestedName: string) {
    return this.#answer(`Save brief as (suggested: ${suggestedName})`);
  }

  chooseExportTarget(format: 'pdf' | 'md' | 'html', suggestedName: string) {
    return this.#answer(`Export ${format.toUpperCase()} to (suggested: ${suggestedName})`);
  }
}
