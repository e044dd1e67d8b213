// Turns the user's text selection into character offsets of one claim's (or the headline's) text,
// the way the store's highlights count them. Citation chips are not part of the text and are skipped.

export interface TextSelection {
  targetKind: 'claim' | 'source';
  targetId: string;
  start: number;
  end: number;
  /** Where the selection is on screen, to place the toolbar next to it. */
  rect: { top: number; left: number; bottom: number };
}

const TARGET = '[data-target-id]';
const NOT_TEXT = '[data-not-text]';

function containerOf(node: Node): HTMLElement | null {
  const element = node instanceof HTMLElement ? node : node.parentElement;
  return element?.closest<HTMLElement>(TARGET) ?? null;
}

/** Characters of the container's text before (node, offset), chips excluded. */
function offsetIn(container: HTMLElement, node: Node, offset: number): number {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (text) => (text.parentElement?.closest(NOT_TEXT) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let count = 0;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (text === node) return count + offset;
    // The boundary is an element: count every text node that comes before its offset-th child.
    if (node.nodeType !== Node.TEXT_NODE && node.contains(text)) {
      const child = node.childNodes[offset];
      if (
        child &&
        (child === text || child.contains(text) || (child.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0)
      )
        return count;
    }
    count += text.textContent?.length ?? 0;
  }
  return count;
}

/** The current selection if it lies within one highlightable text and is not empty. */
export function currentTextSelection(): TextSelection | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const container = containerOf(range.startContainer);
  if (!container || container !== containerOf(range.endContainer)) return null;
  const start = offsetIn(container, range.startContainer, range.startOffset);
  const end = offsetIn(container, range.endContainer, range.endOffset);
  if (end <= start) return null;
  const box = range.getBoundingClientRect();
  return {
    targetKind: container.dataset.targetKind === 'source' ? 'source' : 'claim',
    targetId: container.dataset.targetId!,
    start,
    end,
    rect: { top: box.top, left: box.left, bottom: box.bottom },
  };
}

/** Whether keys typed now belong to a text field (so Ctrl+Z is the field's own undo, "?" is a character). */
export function typingInField(target: EventTarget | null = document.activeElement): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The text node and offset at character `offset` of a highlightable text (chips excluded): where a keyboard caret is. */
function pointAt(container: HTMLElement, offset: number): { node: Node; offset: number } {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (text) => (text.parentElement?.closest(NOT_TEXT) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let count = 0;
  let last: Node | null = null;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const length = text.textContent?.length ?? 0;
    if (offset <= count + length) return { node: text, offset: offset - count };
    count += length;
    last = text;
  }
  return last ? { node: last, offset: last.textContent?.length ?? 0 } : { node: container, offset: 0 };
}

/**
 * Makes the page's selection the characters start..end of a claim's text (keyboard selection), so
 * the highlight toolbar sees it exactly as it sees a mouse selection. Answers the caret's box.
 */
export function selectInText(container: HTMLElement, anchor: number, focus: number): DOMRect {
  const from = pointAt(container, anchor);
  const to = pointAt(container, focus);
  document.getSelection()?.setBaseAndExtent(from.node, from.offset, to.node, to.offset);
  const caret = document.createRange();
  caret.setStart(to.node, to.offset);
  caret.collapse(true);
  return caret.getBoundingClientRect();
}
