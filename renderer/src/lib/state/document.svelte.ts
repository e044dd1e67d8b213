import type { CommandContext } from '../../../../common/commands.ts';
import { claimNumbers, withNumbers } from '../../../../common/claim-numbers.ts';
import type { AppInfo, BriefEdit, ConflictView, DocumentState, EditOutcome, MergeOutcome } from '../../../../common/ipc/contract.ts';
import type { Brief, BriefOpening } from '../../../../common/model.ts';
import { loadRest } from '../brief-loader.ts';
import { api, ApiError } from '../api.ts';
import { applyPatch } from '../brief-patch.ts';
import { claimCount, highlightsByTarget, notesByTarget } from './brief-index.ts';
import { citationIndex, type Reference } from '../../../../common/references.ts';
import { judgmentsByEvidence } from '../judgments.ts';
import { citedSources } from './cited-sources.ts';
import { Notices } from './notices.svelte.ts';

export type LoadStatus = 'loading' | 'ready' | 'empty' | 'error';

/**
 * Resolves once the window has painted what it shows now (the next frame, then the task after it),
 * so the opening is on screen before the rest of a long brief is read and parsed. A window that
 * paints no frames (hidden) waits at most 200 ms.
 */
const afterFirstPaint = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 200);
  });

/** Why an edit was refused: `field` names the form field to show it next to, when there is one. */
export interface EditRefusal {
  field: string | null;
  message: string;
}

/** Document actions that replace what is open, and so must not silently drop unsaved changes. */
export type ReplacingAction =
  | { kind: 'new'; from: 'blank' | 'article' }
  | { kind: 'open' }
  | { kind: 'open-recent'; path: string }
  | { kind: 'open-path'; path: string }
  | { kind: 'revert' };

/**
 * The open document: its brief and what is derived from it, its file state, edits with undo and
 * redo, the file actions (new, open, save, revert, merge) and the merge conflicts still to decide.
 * Everything is read through getters and changed through the methods, never assigned from outside.
 * The two dialogs the document itself raises live here too: the unsaved-changes question (a file
 * action waiting for an answer) and the conflict review (which a merge opens when it leaves conflicts).
 */
export class OpenDocument {
  #status = $state<LoadStatus>('loading');
  /** Counts briefs opened in the window (start, New, Open, Revert, a received file; not a merge): what starts the search afresh. */
  #generation = $state(0);
  #error = $state<string | null>(null);
  /** Replaced whole by every load and edit, never changed in place: raw state, so a brief of 100,000 items is not wrapped in proxies. */
  #brief = $state.raw<Brief | null>(null);
  #info = $state<AppInfo | null>(null);
  #state = $state<DocumentState | null>(null);
  /** What the app is doing right now, e.g. "Checking colleague.sqlite…"; null when idle. */
  #busy = $state<string | null>(null);
  #conflicts = $state<ConflictView[]>([]);
  #reviewOpen = $state(false);
  /** A replacing action waiting for the user to decide about unsaved changes. */
  #pendingAction = $state<ReplacingAction | null>(null);

  readonly notices = new Notices();
  /** Counts briefs shown: a part that comes for an earlier one is dropped. */
  #shown = 0;
  /** Settles when the brief's long lists have all come: edits wait for it, so a patch meets the whole brief. */
  #complete: Promise<unknown> = Promise.resolve();
  #loadingRest = $state(false);
  /** Who waits for a claim of a long brief still loading (claimArrival). */
  #claimWaiters: { claimId: string; resolve: (came: boolean) => void }[] = [];
  /** How many claims the brief being read holds (the opening's total), until all have come; then 0. */
  #claimsComing = $state(0);
  /** The opening's numbers of claims still to come that its panels point at (see BriefOpening.claimNumbers). */
  #openingNumbers = $state.raw<Record<string, string>>({});

  #highlightsByTarget = $derived(highlightsByTarget(this.#brief));
  #notesByTarget = $derived(notesByTarget(this.#brief));
  #references: Reference[] = $derived(citationIndex(this.#brief?.themes ?? [], this.#brief?.sources ?? []));
  /** Each claim's cited source, and each source's name where the brief holds several (numbers then carry it). */
  #citedSources = $derived(citedSources(this.#brief));
  #judgmentsByEvidence = $derived(judgmentsByEvidence(this.#brief));
  #claimsComplete = $derived(claimCount(this.#brief) >= this.#claimsComing);
  #loadedNumbers: ReadonlyMap<string, string> = $derived(claimNumbers(this.#brief?.themes ?? []));
  // While the rest comes, a claim an indicator or judgment points at is named before it has come.
  // Edits wait for the whole brief, so these numbers cannot go stale before they give way.
  #claimNumbers: ReadonlyMap<string, string> = $derived(
    this.#loadingRest ? withNumbers(this.#loadedNumbers, this.#openingNumbers) : this.#loadedNumbers,
  );
  #windowTitle = $derived(this.#state ? `${this.#state.name}${this.#state.dirty ? ' (edited)' : ''} — Briefing Desk` : 'Briefing Desk');
  #commandContext: CommandContext = $derived({
    canRevert: !!this.#state?.filePath,
    openConflicts: this.#state?.openConflicts ?? 0,
    undo: this.#state?.history.undo ?? null,
    redo: this.#state?.history.redo ?? null,
  });

  get status(): LoadStatus {
    return this.#status;
  }
  get error(): string | null {
    return this.#error;
  }
  get brief(): Brief | null {
    return this.#brief;
  }
  get info(): AppInfo | null {
    return this.#info;
  }
  /** The file behind the brief: its name and path, unsaved changes, recent files, open conflicts, undo history. */
  get state(): DocumentState | null {
    return this.#state;
  }
  get busy(): string | null {
    return this.#busy;
  }
  get conflicts(): ConflictView[] {
    return this.#conflicts;
  }
  get reviewOpen(): boolean {
    return this.#reviewOpen;
  }
  get pendingAction(): ReplacingAction | null {
    return this.#pendingAction;
  }
  /** Highlights that still anchor, by the claim or source they are on. */
  get highlightsByTarget() {
    return this.#highlightsByTarget;
  }
  /** The notes on each theme, claim or indicator. */
  get notesByTarget() {
    return this.#notesByTarget;
  }
  /** The key judgments each claim or indicator supports or undercuts. */
  get judgmentsByEvidence() {
    return this.#judgmentsByEvidence;
  }
  /** Every citation number with the claims citing it. */
  get references(): Reference[] {
    return this.#references;
  }
  /** The source whose numbers a claim cites (its own, its theme's, or the brief's first). */
  citedSourceOf(claimId: string): string | null {
    return this.#citedSources.byClaim.get(claimId) ?? this.#brief?.sources[0]?.id ?? null;
  }
  /** The name shown with a source's numbers ("Sohu"), or null while the brief holds one source. */
  citationNameOf(sourceId: string | null): string | null {
    return sourceId === null ? null : (this.#citedSources.names.get(sourceId) ?? null);
  }
  /** "2.1" for the first claim of the second theme, by claim id (including claims of a long brief still to come). */
  get claimNumbers(): ReadonlyMap<string, string> {
    return this.#claimNumbers;
  }
  /** Whether a claim has come to the window (a long brief's claims come in parts after its opening). */
  hasClaim(claimId: string): boolean {
    return this.#loadedNumbers.has(claimId);
  }
  /**
   * Resolves true once a claim of a long brief still loading has come (at once if it has), false if
   * it will not: the brief came whole without it, or another brief was opened meanwhile.
   */
  claimArrival(claimId: string): Promise<boolean> {
    if (this.hasClaim(claimId)) return Promise.resolve(true);
    if (!this.#loadingRest) return Promise.resolve(false);
    return new Promise((resolve) => this.#claimWaiters.push({ claimId, resolve }));
  }

  /** Answers the claims waited for that have come; with `final`, the rest too (they will not come). */
  #settleClaimWaiters(final: boolean): void {
    this.#claimWaiters = this.#claimWaiters.filter(({ claimId, resolve }) => {
      const came = this.hasClaim(claimId);
      if (came || final) resolve(came);
      return !(came || final);
    });
  }
  get generation(): number {
    return this.#generation;
  }
  get windowTitle(): string {
    return this.#windowTitle;
  }
  /** What decides which menu commands can run now (Revert needs a file, and so on). */
  get commandContext(): CommandContext {
    return this.#commandContext;
  }

  readonly meaningOf = (colour: string): string => this.#brief?.palette.find((p) => p.colour === colour)?.meaning ?? colour;

  async load(): Promise<void> {
    this.#status = 'loading';
    this.#error = null;
    try {
      const [info, opening, state] = await Promise.all([api.appInfo(), api.getBrief(), api.documentState()]);
      this.#info = info;
      this.#show(opening);
      this.#state = state;
      this.#status = opening ? 'ready' : 'empty';
      this.#generation++;
    } catch (error) {
      this.#error = (error as Error).message;
      this.#status = 'error';
    }
  }

  /** Shows a brief from its opening, and (once the window has drawn it) asks for the rest of its long lists a part at a time. */
  #show(opening: BriefOpening | null): void {
    const shown = ++this.#shown;
    const current = () => shown === this.#shown;
    // A claim of the brief before, still awaited, will not come to this one.
    this.#settleClaimWaiters(true);
    this.#brief = opening?.brief ?? null;
    this.#openingNumbers = opening?.claimNumbers ?? {};
    if (!opening) {
      this.#complete = Promise.resolve();
      this.#loadingRest = false;
      this.#claimsComing = 0;
      return;
    }
    this.#loadingRest = true;
    this.#claimsComing = opening.totals.claims;
    const onPart = (brief: Brief) => {
      if (!current()) return;
      this.#brief = brief;
      this.#settleClaimWaiters(false);
    };
    this.#complete = afterFirstPaint()
      .then(() => loadRest(opening, api.briefPart, onPart, current))
      .catch((error: unknown) => {
        if (current()) this.notices.error(`Part of the brief could not be read: ${(error as Error).message}`);
      })
      .finally(() => {
        if (current()) {
          this.#loadingRest = false;
          this.#claimsComing = 0;
          this.#settleClaimWaiters(true);
        }
      });
  }

  /** While a long brief's claims are still coming, how many it holds in all (so views can be drawn for its whole size); else 0. */
  get claimsComing(): number {
    return this.#claimsComing;
  }

  /** Whether the brief's claims have all come (its highlights and notes may still be coming): counts of claims hold. */
  get claimsComplete(): boolean {
    return this.#claimsComplete;
  }

  /** Whether the brief's long lists are still coming (its claims, highlights and notes so far are shown). */
  get loadingRest(): boolean {
    return this.#loadingRest;
  }

  #applied(outcome: EditOutcome): void {
    if (this.#brief) this.#brief = applyPatch(this.#brief, outcome.patch);
    this.#state = outcome.state;
  }

  /** Makes one edit; answers null when done, or why it was refused (shown next to the field named). */
  async edit(edit: BriefEdit): Promise<EditRefusal | null> {
    try {
      await this.#complete;
      this.#applied(await api.edit(edit));
      // What the last action said ("Undone: …") gives way to the next one.
      this.notices.giveWay();
      return null;
    } catch (error) {
      const field = error instanceof ApiError ? (error.field ?? null) : null;
      if (!field) this.notices.error((error as Error).message);
      return { field, message: (error as Error).message };
    }
  }

  async undo(): Promise<void> {
    await this.#step('undo');
  }

  async redo(): Promise<void> {
    await this.#step('redo');
  }

  async #step(direction: 'undo' | 'redo'): Promise<void> {
    const label = this.#state?.history[direction];
    if (!label) {
      this.notices.info(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      return;
    }
    try {
      await this.#complete;
      this.#applied(await (direction === 'undo' ? api.undo() : api.redo()));
      this.notices.info(`${direction === 'undo' ? 'Undone' : 'Redone'}: ${label}.`);
    } catch (error) {
      this.notices.error((error as Error).message);
      this.#state = await api.documentState();
    }
  }

  async #refresh(state: DocumentState): Promise<void> {
    this.#state = state;
    const [opening, info] = await Promise.all([api.getBrief(), api.appInfo()]);
    this.#show(opening);
    this.#info = info;
    this.#status = opening ? 'ready' : 'empty';
  }

  /** Runs one document action: shows it as busy, reports its outcome, never throws. */
  async #perform<T>(label: string, action: () => Promise<T | null>, done: (value: T) => Promise<string | null>): Promise<void> {
    if (this.#busy) return;
    this.#busy = label;
    this.notices.dismiss();
    try {
      const value = await action();
      if (value !== null) {
        const message = await done(value);
        if (message) this.notices.info(message);
      }
    } catch (error) {
      this.notices.error((error as Error).message);
    } finally {
      this.#busy = null;
    }
  }

  /** New, Open, Open Recent and Revert: asks first when there are unsaved changes. */
  request(action: ReplacingAction): void {
    if (this.#state?.dirty) this.#pendingAction = action;
    else void this.#replace(action);
  }

  /** The answer to the unsaved-changes question. */
  async settlePending(choice: 'save' | 'discard' | 'cancel'): Promise<void> {
    const action = this.#pendingAction;
    this.#pendingAction = null;
    if (!action || choice === 'cancel') return;
    if (choice === 'save') {
      await this.save();
      if (this.#state?.dirty) return; // The save was cancelled or failed: keep the changes.
    }
    await this.#replace(action);
  }

  async #replace(action: ReplacingAction): Promise<void> {
    const toState = async (state: DocumentState) => {
      await this.#refresh(state);
      this.#generation++;
      return state.openConflicts > 0 ? `${state.openConflicts} merge conflicts in this brief still need a decision.` : null;
    };
    switch (action.kind) {
      case 'new':
        return this.#perform(
          action.from === 'article' ? 'Importing the article…' : 'Creating a new brief…',
          () => api.newBrief(action.from),
          toState,
        );
      case 'open':
        return this.#perform('Checking the file before opening it…', () => api.open(), toState);
      case 'open-recent':
        return this.#perform(`Checking ${basename(action.path)}…`, () => api.openRecent(action.path), toState);
      case 'open-path':
        return this.#perform(`Checking ${basename(action.path)}…`, () => api.openPath(action.path), toState);
      case 'revert':
        return this.#perform(
          'Going back to the saved version…',
          () => api.revert(),
          async (state) => {
            await this.#refresh(state);
            this.#generation++;
            return `Reverted to the version saved in ${state.name}.`;
          },
        );
    }
  }

  save(): Promise<void> {
    return this.#saveWith(api.save);
  }

  saveAs(): Promise<void> {
    return this.#saveWith(api.saveAs);
  }

  /** Save and Save As: the same busy line and outcome, a different question first (Save As always asks where). */
  #saveWith(save: () => Promise<DocumentState | null>): Promise<void> {
    const saved = async (state: DocumentState) => {
      this.#state = state;
      return `Saved to ${state.filePath}.`;
    };
    return this.#perform('Saving…', save, saved);
  }

  merge(): Promise<void> {
    return this.#perform(
      'Checking and merging the colleague’s brief…',
      () => api.merge(),
      async (outcome: MergeOutcome) => {
        await this.#refresh(outcome.state);
        const { report } = outcome;
        if (outcome.state.openConflicts > 0) await this.openReview();
        return (
          `Merged ${outcome.from}: ${report.added} added, ${report.updated} updated` +
          (report.conflicts > 0
            ? `, ${report.conflicts} conflicts to review.`
            : report.added + report.updated === 0
              ? ' (nothing new).'
              : '.')
        );
      },
    );
  }

  /** A file dropped on the window: opened like File > Open, where the host can tell its path. */
  openDropped(file: File): void {
    if (!/\.sqlite$/i.test(file.name)) {
      this.notices.error(`${file.name} is not a brief: drop a .sqlite file made by Briefing Desk.`);
      return;
    }
    const path = api.pathForFile(file);
    if (!path) {
      this.notices.error('This window cannot read the location of a dropped file; use File > Open instead.');
      return;
    }
    this.request({ kind: 'open-path', path });
  }

  /** Opens the conflict review with the conflicts as the store has them now. */
  async openReview(): Promise<void> {
    try {
      this.#conflicts = await api.conflicts();
      this.#reviewOpen = true;
    } catch (error) {
      this.notices.error((error as Error).message);
    }
  }

  closeReview(): void {
    this.#reviewOpen = false;
  }

  async resolve(conflictId: string, choice: 'ours' | 'theirs'): Promise<void> {
    try {
      const state = await api.resolve(conflictId, choice);
      this.#conflicts = this.#conflicts.filter((c) => c.id !== conflictId);
      await this.#refresh(state);
    } catch (error) {
      this.notices.error((error as Error).message);
    }
  }
}

function basename(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}
