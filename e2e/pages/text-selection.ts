import type { Locator } from '@playwright/test';

/** Selects `words` inside the text of `target` (a claim, the headline), as a drag with the mouse would. */
export async function selectWords(target: Locator, words: string): Promise<void> {
  await target.locator('[data-target-id]').evaluate((container, wanted) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return;
      }
    }
    throw new Error(`"${wanted}" is not in one piece of text here`);
  }, words);
}

/** A pattern matching `text` literally. */
export const literally = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
