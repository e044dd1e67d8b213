// F6 and Shift+F6: the window's panes in a ring, as desktop apps do, so a keyboard user can skip
// from the reading pane to the side panel without tabbing through every claim. Each pane carries
// `data-region`; the element it should focus first carries `data-region-entry` (the current claim,
// the selected tab), or else its first control, or else the pane itself.
import { tick } from 'svelte';
import type { WorkspaceView } from './state/view.svelte.ts';

export const REGIONS = ['top', 'contents', 'reading', 'panel'] as const;
export type Region = (typeof REGIONS)[number];

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select, textarea, [tabindex="0"]';

/** The pane focus was last in: where F6 counts from when focus has fallen to the page (a form just closed). */
let lastRegion: Region | null = null;
document.addEventListener('focusin', (event) => {
  lastRegion = regionOf(event.target as Element) ?? lastRegion;
});

function regionOf(element: Element | null): Region | null {
  const region = element?.closest<HTMLElement>('[data-region]')?.dataset.region;
  return (REGIONS as readonly string[]).includes(region ?? '') ? (region as Region) : null;
}

/** Shows a folded pane when focus arrives in it, and folds it again when focus moves on. */
function unfoldFor(view: WorkspaceView, region: Region): void {
  if (view.navFolded) view.toggleNav(region === 'contents');
  if (view.panelFolded) view.togglePanel(region === 'panel');
}

export function focusRegion(region: Region): boolean {
  const pane = document.querySelector<HTMLElement>(`[data-region="${region}"]`);
  if (!pane || pane.offsetParent === null) return false;
  const target = pane.querySelector<HTMLElement>('[data-region-entry]') ?? pane.querySelector<HTMLElement>(FOCUSABLE) ?? pane;
  target.focus();
  return document.activeElement === target;
}

/** Moves focus to the next pane (or the previous one, with Shift) that the window has now. */
export async function cycleRegion(view: WorkspaceView, backwards: boolean): Promise<void> {
  const here = regionOf(document.activeElement) ?? lastRegion;
  const start = here ? REGIONS.indexOf(here) : REGIONS.indexOf('top');
  for (let step = 1; step <= REGIONS.length; step++) {
    const next = REGIONS[(start + (backwards ? REGIONS.length - step : step)) % REGIONS.length]!;
    unfoldFor(view, next);
    await tick();
    if (focusRegion(next)) return;
  }
}
