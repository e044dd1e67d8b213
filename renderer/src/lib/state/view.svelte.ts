import { tick } from 'svelte';
import type { Highlight } from '../../../../common/model.ts';

export type SidePanelTab = 'judgments' | 'indicators' | 'figures' | 'notes' | 'highlights' | 'references';

/** A citation chip that was activated: its popover shows the reference next to the chip. */
export interface OpenCitation {
  marker: number;
  /** The source whose reference it is (citation numbers are the source's own). */
  sourceId: string | null;
  /** The chip, to place the popover by and to give focus back to. */
  chip: HTMLElement;
}

/** What a note started from elsewhere ("Note" on a claim) is about. */
export interface NoteDraftTarget {
  kind: 'theme' | 'claim' | 'indicator';
  id: string;
}

/** How the reading view on screen brings a claim or theme into view and focuses it. */
export type RevealInReading = (id: string) => Promise<unknown>;

/** How long a claim jumped to stays marked, so the eye finds it. */
const SPOTLIGHT_MS = 2000;

/** Below these window widths the themes list, then the side panel, fold away behind a toggle instead of being squeezed. */
export const NAV_FOLDS_BELOW = 1100;
export const PANEL_FOLDS_BELOW = 860;

/** The side panel's width when the user has not dragged it, and how far a drag may take it. */
export const PANEL_WIDTH = { initial: 360, min: 260, max: 720 } as const;
const PANEL_WIDTH_KEY = 'briefing-desk.panel-width';

function storedPanelWidth(): number {
  const stored = Number(globalThis.localStorage?.getItem(PANEL_WIDTH_KEY));
  return Number.isFinite(stored) && stored >= PANEL_WIDTH.min && stored <= PANEL_WIDTH.max ? stored : PANEL_WIDTH.initial;
}

/** Scrolls an element into the middle of its pane and gives it focus (the scroll is done, so focus must not scroll again). */
export function focusInView(elementId: string, behavior: ScrollBehavior = 'auto'): void {
  const element = document.getElementById(elementId);
  element?.scrollIntoView({ block: 'center', behavior });
  element?.focus({ preventScroll: true });
}

/**
 * What the workspace shows: the reading view or the composer, the side panel's tab, the shortcut
 * sheet, a note being started from elsewhere and the claim just jumped to; and the moves that
 * bring something into view (a search hit, the claim an indicator comes from).
 */
export class WorkspaceView {
  /** The reading view, or the composer with its print preview. */
  #mode = $state<'read' | 'compose'>('read');
  #panel = $state<SidePanelTab>('indicators');
  #shortcutsOpen = $state(false);
  #preferencesOpen = $state(false);
  #noteDraftTarget = $state<NoteDraftTarget | null>(null);
  /** A claim just jumped to from elsewhere; it is briefly marked so the eye finds it. */
  #spotlightClaimId = $state<string | null>(null);
  #spotlightTimer: ReturnType<typeof setTimeout> | undefined;
  /** The window's width, which decides what folds away. */
  #windowWidth = $state(globalThis.innerWidth ?? 1280);
  /** Where the themes list or the side panel is folded away: whether it is shown over the reading view now. */
  #navShown = $state(false);
  #panelShown = $state(false);
  #panelWidth = $state(storedPanelWidth());
  #openCitation = $state<OpenCitation | null>(null);
  /** The claim that has (or last had) the keyboard in the reading pane: the pane's one tab stop among claims. */
  #currentClaimId = $state<string | null>(null);
  // Not state: nothing is drawn from it. A big brief's reading view is virtualised, so only it knows how to reach a claim.
  #revealInReading: RevealInReading | null = null;

  get mode(): 'read' | 'compose' {
    return this.#mode;
  }
  get panel(): SidePanelTab {
    return this.#panel;
  }
  get shortcutsOpen(): boolean {
    return this.#shortcutsOpen;
  }
  get noteDraftTarget(): NoteDraftTarget | null {
    return this.#noteDraftTarget;
  }
  get spotlightClaimId(): string | null {
    return this.#spotlightClaimId;
  }

  get navFolded(): boolean {
    return this.#windowWidth < NAV_FOLDS_BELOW;
  }
  get panelFolded(): boolean {
    return this.#windowWidth < PANEL_FOLDS_BELOW;
  }
  /** Whether the themes list is on screen: always in a wide window, on request in a narrow one. */
  get navVisible(): boolean {
    return !this.navFolded || this.#navShown;
  }
  get panelVisible(): boolean {
    return !this.panelFolded || this.#panelShown;
  }
  /** The side panel's width in pixels, as the user last dragged it (never more than half the window). */
  get panelWidth(): number {
    return Math.min(this.#panelWidth, Math.max(PANEL_WIDTH.min, Math.floor(this.#windowWidth / 2)));
  }

  get currentClaimId(): string | null {
    return this.#currentClaimId;
  }

  setCurrentClaim(claimId: string | null): void {
    this.#currentClaimId = claimId;
  }

  get openCitation(): OpenCitation | null {
    return this.#openCitation;
  }

  showCitation(marker: number, sourceId: string | null, chip: HTMLElement): void {
    this.#openCitation = { marker, sourceId, chip };
  }

  /** Closes the reference popover; focus goes back to its chip unless it has moved on. */
  closeCitation(returnFocus: boolean): void {
    const chip = this.#openCitation?.chip;
    this.#openCitation = null;
    if (returnFocus) chip?.focus();
  }

  setWindowWidth(width: number): void {
    this.#windowWidth = width;
  }

  toggleNav(shown = !this.#navShown): void {
    this.#navShown = shown;
    if (shown && this.panelFolded) this.#panelShown = false;
  }

  togglePanel(shown = !this.#panelShown): void {
    this.#panelShown = shown;
    if (shown && this.navFolded) this.#navShown = false;
  }

  /** Esc: a folded pane shown over the reading view goes away again. Answers whether one did. */
  foldAway(): boolean {
    const shown = (this.navFolded && this.#navShown) || (this.panelFolded && this.#panelShown);
    this.#navShown = false;
    this.#panelShown = false;
    return shown;
  }

  /** Drag or arrow keys on the splitter; remembered for the next start. */
  resizePanel(width: number): void {
    this.#panelWidth = Math.round(Math.min(PANEL_WIDTH.max, Math.max(PANEL_WIDTH.min, width)));
    globalThis.localStorage?.setItem(PANEL_WIDTH_KEY, String(this.#panelWidth));
  }

  showReading(): void {
    this.#mode = 'read';
  }

  showComposer(): void {
    this.#mode = 'compose';
    this.foldAway();
  }

  /** Opens a tab of the side panel, unfolding the panel in a narrow window. */
  showPanel(panel: SidePanelTab): void {
    this.#panel = panel;
    if (this.panelFolded) this.togglePanel(true);
  }

  get preferencesOpen(): boolean {
    return this.#preferencesOpen;
  }

  openPreferences(): void {
    this.#preferencesOpen = true;
  }

  closePreferences(): void {
    this.#preferencesOpen = false;
  }

  openShortcuts(): void {
    this.#shortcutsOpen = true;
  }

  closeShortcuts(): void {
    this.#shortcutsOpen = false;
  }

  /** "Note" on a claim, theme or indicator: the Notes tab opens with a new note about it. */
  draftNoteOn(target: NoteDraftTarget): void {
    this.#noteDraftTarget = target;
    this.showPanel('notes');
  }

  /** The Notes tab takes the note to start, once. */
  takeNoteDraft(): NoteDraftTarget | null {
    const target = this.#noteDraftTarget;
    if (target) this.#noteDraftTarget = null;
    return target;
  }

  /** Called by the reading view when it appears; answers the function to call when it goes. */
  attachReading(reveal: RevealInReading): () => void {
    this.#revealInReading = reveal;
    return () => {
      if (this.#revealInReading === reveal) this.#revealInReading = null;
    };
  }

  /** Brings a claim into view and gives it focus, so "from claim 2.1" is a real link for keyboard users too. */
  async revealClaim(claimId: string): Promise<void> {
    this.#spotlightClaimId = claimId;
    // In a narrow window the folded panel would cover the claim.
    if (this.panelFolded) this.#panelShown = false;
    if (this.navFolded) this.#navShown = false;
    await tick();
    await this.#revealInReading?.(claimId);
    clearTimeout(this.#spotlightTimer);
    this.#spotlightTimer = setTimeout(() => (this.#spotlightClaimId = null), SPOTLIGHT_MS);
  }

  /** Opens a tab of the side panel and brings one of its items into view, with focus. */
  async showInPanel(panel: SidePanelTab, elementId: string): Promise<void> {
    this.showPanel(panel);
    await tick();
    focusInView(elementId);
  }

  /** A click on highlighted words: its entry in the Highlights tab. */
  openHighlight(highlightId: string): Promise<void> {
    return this.showInPanel('highlights', `highlight-${highlightId}`);
  }

  /** "Show in text" on a highlight: the claim or headline it is on. */
  revealHighlight(highlight: Highlight): void {
    if (highlight.targetKind === 'claim') void this.revealClaim(highlight.targetId);
    else document.getElementById(`source-${highlight.targetId}`)?.focus();
  }
}
