import { tick } from 'svelte';
import type { Highlight } from '../../../../common/model.ts';

export type SidePanelTab = 'indicators' | 'notes' | 'highlights';

/** What a note started from elsewhere ("Note" on a claim) is about. */
export interface NoteDraftTarget {
  kind: 'theme' | 'claim' | 'indicator';
  id: string;
}

/** How the reading view on screen brings a claim or theme into view and focuses it. */
export type RevealInReading = (id: string) => Promise<unknown>;

/** How long a claim jumped to stays marked, so the eye finds it. */
const SPOTLIGHT_MS = 2000;

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
  #noteDraftTarget = $state<NoteDraftTarget | null>(null);
  /** A claim just jumped to from elsewhere; it is briefly marked so the eye finds it. */
  #spotlightClaimId = $state<string | null>(null);
  #spotlightTimer: ReturnType<typeof setTimeout> | undefined;
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

  showReading(): void {
    this.#mode = 'read';
  }

  showComposer(): void {
    this.#mode = 'compose';
  }

  showPanel(panel: SidePanelTab): void {
    this.#panel = panel;
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
    this.#panel = 'notes';
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
    await tick();
    await this.#revealInReading?.(claimId);
    clearTimeout(this.#spotlightTimer);
    this.#spotlightTimer = setTimeout(() => (this.#spotlightClaimId = null), SPOTLIGHT_MS);
  }

  /** Opens a tab of the side panel and brings one of its items into view, with focus. */
  async showInPanel(panel: SidePanelTab, elementId: string): Promise<void> {
    this.#panel = panel;
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
