import { anchorName, CROSS_SECTION_LINK } from '../../../common/print-sections.ts';
import type { ExportDocument } from '../../../common/export-document.ts';
import { HEADING, inPages } from './predict-pages.ts';

// A long brief is printed in sections of about `sectionPages` pages, one print each, joined into one
// PDF by main (electron/services/exports/join-sections.ts): Chromium's time per printed page grows
// with the length of the print, and its memory with it. The drawn document stays whole (outside the
// page); each section is a copy of its part, shown alone while it prints.

/** Where a section may begin: a part of the brief, an element of a part (a claim, a note), an item of a list. */
const CUT_POINTS = '.brief-doc > *, .section > *, .section > ul > li';

export interface PrintPlan {
  /** The elements that begin each section after the first (none: one print). */
  cuts: Element[];
  /** The page (from 1) of each listed heading by anchor; null when one was not found. */
  pages: Record<string, number> | null;
}

/**
 * Plans the print of `whole` (the drawn document, outside the page): where to cut it into sections
 * and the page of each of `anchors`. The document is laid out as pages (predict-pages.ts) a window
 * at a time in `target`, about three sections and a third from the last cut: laying out a 2,000-page
 * brief at once took 900 MB. In each window a cut is the first cut point that starts a page a
 * section's worth of pages after the cut before it. Cut where a page starts anyway, a section prints
 * as its pages would in one print (and as its window was laid out), so the pages hold for the
 * sections too. A document under a section and a quarter is not cut.
 */
export function planSections(
  whole: HTMLElement,
  target: HTMLElement,
  paper: ExportDocument['paper'],
  anchors: readonly string[],
  sectionPages: number,
): PrintPlan {
  const points = [...whole.querySelectorAll(CUT_POINTS)];
  // Each point carries its index into its copies, to be found again from a window.
  points.forEach((point, i) => point.setAttribute(POINT_INDEX, String(i)));
  try {
    const cuts: Element[] = [];
    const pages = new Map<string, number>();
    const wanted = new Set(anchors);
    let offset = 0; // Pages before the window.
    let from = 0; // The window's first point (a cut, or the start).
    let budget = sectionPages > 0 ? WINDOW_POINTS : points.length;
    for (;;) {
      const to = Math.min(points.length, from + budget);
      const start = cuts.at(-1) ?? null;
      target.replaceChildren(copyBetween(whole, start, to < points.length ? points[to]! : null));
      const found = inPages(target, paper, (paged) => {
        const copies = [...target.querySelectorAll(`[${POINT_INDEX}]`)].filter((copy) => !copy.classList.contains('print-continued'));
        const reachesEnd = to === points.length;
        const last = copies.at(-1);
        const total = last ? paged.pageOf(last) : 1;
        // Every point that starts a page a section's worth of pages after the cut before it (the
        // window's start), but not on a window's last page, laid out without what follows it; an
        // element and the first element inside it start the same page: the outer one is the cut.
        const cutsHere: { cut: Element; page: number }[] = [];
        if (sectionPages > 0 && !(reachesEnd && cuts.length === 0 && total <= sectionPages * 1.25)) {
          let base = 1;
          for (const copy of copies.slice(1)) {
            const page = paged.pageOf(copy);
            if (page - base < sectionPages || (!reachesEnd && page >= total) || !paged.startsPage(copy)) continue;
            cutsHere.push({ cut: copy, page });
            base = page;
          }
        }
        // A window that ends before the document does is laid out to its end only where it is cut.
        if (cutsHere.length === 0 && !reachesEnd) return { cuts: [], lastCutPage: 0, reachesEnd, perPage: 0 };
        // Pages past a window's last cut are counted in the next window, unless this one reaches the end.
        const until = reachesEnd ? Infinity : cutsHere.at(-1)!.page;
        for (const element of target.querySelectorAll('[id]')) {
          if (!wanted.has(element.id) || pages.has(element.id)) continue;
          const heading = element.matches(HEADING) ? element : element.querySelector(HEADING);
          const page = heading ? paged.pageOf(heading) : Infinity;
          if (page < until) pages.set(element.id, offset + page);
        }
        return {
          cuts: cutsHere.map(({ cut }) => points[Number(cut.getAttribute(POINT_INDEX))]!),
          lastCutPage: cutsHere.at(-1)?.page ?? 0,
          reachesEnd,
          perPage: (copies.length || 1) / total,
        };
      });
      cuts.push(...found.cuts);
      if (found.reachesEnd) {
        return { cuts, pages: anchors.every((anchor) => pages.has(anchor)) ? Object.fromEntries(pages) : null };
      } else if (found.cuts.length > 0) {
        offset += found.lastCutPage - 1;
        from = points.indexOf(cuts.at(-1)!, from);
        budget = Math.max(WINDOW_POINTS_MIN, Math.ceil(found.perPage * sectionPages * WINDOW_SECTIONS));
      } else budget *= 2; // No page start a section on in this window: a wider one.
    }
  } finally {
    for (const marked of [...points, ...target.querySelectorAll(`[${POINT_INDEX}]`)]) marked.removeAttribute(POINT_INDEX);
  }
}

/** The attribute a cut point's copies carry its index in. */
const POINT_INDEX = 'data-cut-point';
/** The first window's cut points: a short brief is laid out whole at once. */
const WINDOW_POINTS = 4_000;
const WINDOW_POINTS_MIN = 200;
/**
 * Sections per later window: three cuts a window, each window laid out again from its last cut (a
 * window of a section and a third, one cut each, laid out a 370-page brief 1.6 times over).
 */
const WINDOW_SECTIONS = 3.35;

/** The section of `whole` from cut `index - 1` to cut `index`, as printed: links across sections readdressed. */
export function sectionCopy(whole: HTMLElement, cuts: readonly Element[], index: number, linked: ReadonlySet<string>): DocumentFragment {
  const section = copyBetween(whole, cuts[index - 1] ?? null, cuts[index] ?? null);
  relink(section, linked);
  return section;
}

/**
 * The part of `whole` from `from` (null: its start) to before `to` (null: its end), with the
 * elements around it copied bare (a section opened mid-list is in a list), continuing as at a break.
 */
function copyBetween(whole: HTMLElement, from: Element | null, to: Element | null): DocumentFragment {
  const range = document.createRange();
  if (from) range.setStartBefore(from);
  else range.setStart(whole, 0);
  if (to) range.setEndBefore(to);
  else range.setEnd(whole, whole.childNodes.length);
  // The range's copy starts below the element holding both its ends: the elements from there up are copied bare around it.
  let copy: Node = range.cloneContents();
  for (let at: Node | null = range.commonAncestorContainer; at && at !== whole; at = at.parentNode) {
    const shell = at.cloneNode(false);
    shell.appendChild(copy);
    copy = shell;
  }
  const part = document.createDocumentFragment();
  part.append(copy);
  if (from) continued(part, depthIn(whole, from));
  return part;
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
