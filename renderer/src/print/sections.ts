import { anchorName, CROSS_SECTION_LINK } from '../../../common/print-sections.ts';
import type { Paged } from './predict-pages.ts';

// A long brief is printed in sections of about `sectionPages` pages, one print each, joined into one
// PDF by main (electron/services/exports/join-sections.ts): Chromium's time per printed page grows
// with the length of the print, and its memory with it. The drawn document stays whole (outside the
// page); each section is a copy of its part, shown alone while it prints.

/** Where a section may begin: a part of the brief, an element of a part (a claim, a note), an item of a list. */
const CUT_POINTS = '.brief-doc > *, .section > *, .section > ul > li';

/**
 * The elements that begin each section after the first, from a paged layout of `root`
 * (predict-pages.ts): the first cut point that starts a page, a section's worth of pages after the
 * last cut. Cut where a page starts anyway, a section prints as its pages would in one print, so the
 * contents' predicted page numbers hold for the sections too. None for a document under a section
 * and a quarter.
 */
export function chooseCuts(root: HTMLElement, { pageOf, startsPage }: Paged, sectionPages: number): Element[] {
  const points = [...root.querySelectorAll(CUT_POINTS)];
  if (sectionPages <= 0 || points.length === 0 || pageOf(points.at(-1)!) <= sectionPages * 1.25) return [];
  const cuts: Element[] = [];
  let start = 1;
  for (const point of points) {
    const page = pageOf(point);
    if (page < start + sectionPages || !startsPage(point)) continue;
    // An element and the first element inside it start the same page: the outer one is the cut.
    const last = cuts.at(-1);
    if (last && (last.contains(point) || page === start)) continue;
    cuts.push(point);
    start = page;
  }
  return cuts;
}

/** The section of `whole` from cut `index - 1` to cut `index`, with the elements around it copied bare (a section opened mid-list is in a list). */
export function sectionCopy(whole: HTMLElement, cuts: readonly Element[], index: number, linked: ReadonlySet<string>): DocumentFragment {
  const range = document.createRange();
  if (index === 0) range.setStart(whole, 0);
  else range.setStartBefore(cuts[index - 1]!);
  if (index < cuts.length) range.setEndBefore(cuts[index]!);
  else range.setEnd(whole, whole.childNodes.length);
  // The range's copy starts below the element holding both its ends: the elements from there up are copied bare around it.
  let copy: Node = range.cloneContents();
  for (let at: Node | null = range.commonAncestorContainer; at && at !== whole; at = at.parentNode) {
    const shell = at.cloneNode(false);
    shell.appendChild(copy);
    copy = shell;
  }
  const section = document.createDocumentFragment();
  section.append(copy);
  if (index > 0) continued(section, depthIn(whole, cuts[index - 1]!));
  relink(section, linked);
  return section;
}

function depthIn(root: Element, element: Element): number {
  let depth = 0;
  for (let at: Element | null = element; at && at !== root; at = at.parentElement) depth++;
  return depth;
}

/**
 * A section starts at a page's top where one print would break, and one print drops the margins at
 * a break: the bare copies around the section (a part, a list) continue from the page before, so
 * they lose their top margin, padding and border (and their ids); the section's first element, and the first
 * element inside it on down, lose their top margin.
 */
function continued(section: DocumentFragment, depth: number): void {
  let element = section.firstElementChild;
  for (let level = 0; element; level++, element = element.firstElementChild) {
    const shell = level < depth - 1;
    element.classList.add(shell ? 'print-continued' : 'print-at-break');
    // A link to a part goes to where it begins, in an earlier section, not to its continuation here.
    if (shell) element.removeAttribute('id');
  }
}

/**
 * Chromium drops a link whose target is not in the document it prints, and writes a named
 * destination only for an element some link points at. So a link to another section gets an address
 * main turns back into a link to that name, and every linked element here gets a link of no size, so
 * its destination is written even when the links to it are in other sections.
 */
function relink(section: DocumentFragment, linked: ReadonlySet<string>): void {
  const here = new Set([...section.querySelectorAll('[id]')].map((element) => element.id));
  const reached = new Set<string>();
  for (const link of section.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    const target = anchorName(link.getAttribute('href')!.slice(1));
    if (here.has(target)) reached.add(target);
    else link.setAttribute('href', CROSS_SECTION_LINK + encodeURIComponent(target));
  }
  const holder = section.firstElementChild ?? section;
  for (const id of here) {
    if (!linked.has(id) || reached.has(id)) continue;
    const stub = document.createElement('a');
    stub.className = 'anchor-stub';
    stub.href = `#${encodeURIComponent(id)}`;
    stub.setAttribute('aria-hidden', 'true');
    stub.tabIndex = -1;
    holder.append(stub);
  }
}

/** Every id an internal link of `root` points at. */
export function linkedIds(root: ParentNode): Set<string> {
  return new Set([...root.querySelectorAll('a[href^="#"]')].map((link) => anchorName(link.getAttribute('href')!.slice(1))));
}

/** Which sections hold `elements`, by index: how many cuts come before each. */
export function sectionsOf(elements: readonly Element[], cuts: readonly Element[]): number[] {
  const indexes = elements.map(
    (element) => cuts.filter((cut) => cut.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING).length,
  );
  return [...new Set(indexes)];
}
