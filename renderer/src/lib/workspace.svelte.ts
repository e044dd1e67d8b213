import type { AppInfo, BriefEdit, ConflictView, DocumentState, EditOutcome, MergeOutcome } from '../../../common/ipc/contract.ts';
import type { Brief, Highlight } from '../../../common/model.ts';
import { api, ApiError } from './api.ts';
import { applyPatch } from './brief-patch.ts';

export type LoadStatus = 'loading' | 'ready' | 'empty' | 'error';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

/** Why an edit was refused: `field` names the form field to show it next to, when there is one. */
export interface EditRefusal {
  field: string | null;
  message: string;
}

export type SidePanel = 'indicators' | 'notes' | 'highlights';

/** Document actions that replace what is open, and so must not silently drop unsaved changes. */
export type ReplacingAction =
  | { kind: 'new'; from: 'blank' | 'article' }
  | { kind: 'open' }
  | { kind: 'open-recent'; path: string }
  | { kind: 'open-path'; path: string }
  | { kind: 'revert' };

/** The workspace's shared state: the open document, its brief and what is derived from them. */
export class WorkspaceState {
  status = $state<LoadStatus>('loading');
  error = $state<string | null>(null);
  /** Replaced whole by every load and edit, never changed in place: raw state, so a brief of 100,000 items is not wrapped in proxies. */
  brief = $state.raw<Brief | null>(null);
  info = $state<AppInfo | null>(null);
  document = $state<DocumentState | null>(null);
  /** What the app is doing right now, e.g. "Checking colleague.sqlite…"; null when idle. */
  busy = $state<string | null>(null);
  notice = $state<Notice | null>(null);
  conflicts = $state<ConflictView[]>([]);
  reviewOpen = $state(false);
  /** The reading view, or the composer with its print preview. */
  view = $state<'read' | 'compose'>('read');
  /** A replacing action waiting for the user to decide about unsaved changes. */
  pendingAction = $state<ReplacingAction | null>(null);
  panel = $state<SidePanel>('indicators');
  shortcutsOpen = $state(false);
  /** A note being written from elsewhere ("Add note" on a claim): its target. */
  noteDraftTarget = $state<{ kind: 'theme' | 'claim' | 'indicator'; id: string } | null>(null);

  /** Highlights that still anchor, by the claim or source they are on. */
  highlightsByTarget: ReadonlyMap<string, Highlight[]> = $derived.by(() => {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt whole from the brief, never mutated
    const map = new Map<string, Highlight[]>();
    for (const highlight of this.brief?.highlights ?? []) {
      if (!highlight.anchor) continue;
      const list = map.get(highlight.targetId);
      if (list) list.push(highlight);
      else map.set(highlight.targetId, [highlight]);
    }
    return map;
  });

  /** How many notes each theme, claim or indicator has. */
  noteCounts: ReadonlyMap<string, number> = $derived.by(() => {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- rebuilt whole from the brief, never mutated
    const counts = new Map<string, number>();
    for (const note of this.brief?.notes ?? []) if (note.targetId) counts.set(note.targetId, (counts.get(note.targetId) ?? 0) + 1);
    return counts;
  });

  meaningOf = (colour: string): string => this.brief?.palette.find((p) => p.colour === colour)?.meaning ?? colour;

  /** "2.1" for the first claim of the second theme: how analysts refer to claims. */
  claimNumbers: ReadonlyMap<string, string> = $derived(
    // Rebuilt whole whenever the brief changes and never mutated: a SvelteMap would add nothing.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    new Map(this.brief?.themes.flatMap((theme, t) => theme.claims.map((claim, c) => [claim.id, `${t + 1}.${c + 1}`] as const))),
  );

  windowTitle = $derived(this.document ? `${this.document.name}${this.document.dirty ? ' (edited)' : ''} — Briefing Desk` : 'Briefing Desk');

  async load(): Promise<void> {
    this.status = 'loading';
    this.error = null;
    try {
      const [info, brief, document] = await Promise.all([api.appInfo(), api.getBrief(), api.documentState()]);
      this.info = info;
      this.brief = brief;
      this.document = document;
      this.status = brief ? 'ready' : 'empty';
    } catch (error) {
      this.error = (error as Error).message;
      this.status = 'error';
    }
  }

  #applied(outcome: EditOutcome): void {
    if (this.brief) this.brief = applyPatch(this.brief, outcome.patch);
    this.document = outcome.state;
  }

  /** Makes one edit; answers null when done, or why it was refused (shown next to the field named). */
  async edit(edit: BriefEdit): Promise<EditRefusal | null> {
    try {
      this.#applied(await api.edit(edit));
      return null;
    } catch (error) {
      const field = error instanceof ApiError ? (error.field ?? null) : null;
      if (!field) this.notice = { kind: 'error', text: (error as Error).message };
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
    const label = this.document?.history[direction];
    if (!label) {
      this.notice = { kind: 'info', text: direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.' };
      return;
    }
    try {
      this.#applied(await (direction === 'undo' ? api.undo() : api.redo()));
      this.notice = { kind: 'info', text: `${direction === 'undo' ? 'Undone' : 'Redone'}: ${label}.` };
    } catch (error) {
      this.notice = { kind: 'error', text: (error as Error).message };
      this.document = await api.documentState();
    }
  }

  async #refresh(document: DocumentState): Promise<void> {
    this.document = document;
    [this.brief, this.info] = await Promise.all([api.getBrief(), api.appInfo()]);
    this.status = this.brief ? 'ready' : 'empty';
  }

  /** Runs one document action: shows it as busy, reports its outcome, never throws. */
  async #perform<T>(label: string, action: () => Promise<T | null>, done: (value: T) => Promise<string | null>): Promise<void> {
    if (this.busy) return;
    this.busy = label;
    this.notice = null;
    try {
      const value = await action();
      if (value !== null) {
        const message = await done(value);
        if (message) this.notice = { kind: 'info', text: message };
      }
    } catch (error) {
      this.notice = { kind: 'error', text: (error as Error).message };
    } finally {
      this.busy = null;
    }
  }

  /** New, Open, Open Recent and Revert: asks first when there are unsaved changes. */
  request(action: ReplacingAction): void {
    if (this.document?.dirty) this.pendingAction = action;
    else void this.#replace(action);
  }

  /** The answer to the unsaved-changes question. */
  async settlePending(choice: 'save' | 'discard' | 'cancel'): Promise<void> {
    const action = this.pendingAction;
    this.pendingAction = null;
    if (!action || choice === 'cancel') return;
    if (choice === 'save') {
      await this.save();
      if (this.document?.dirty) return; // The save was cancelled or failed: keep the changes.
    }
    await this.#replace(action);
  }

  async #replace(action: ReplacingAction): Promise<void> {
    const toState = async (state: DocumentState) => {
      await this.#refresh(state);
      return state.openConflicts > 0 ? `${state.openConflicts} merge conflicts in this brief still need a decision.` : null;
    };
    switch (action.kind) {
      case 'new':
        return this.#perform(action.from === 'article' ? 'Importing the article…' : 'Creating a new brief…', () => api.newBrief(action.from), toState);
      case 'open':
        return this.#perform('Checking the file before opening it…', () => api.open(), toState);
      case 'open-recent':
        return this.#perform(`Checking ${basename(action.path)}…`, () => api.openRecent(action.path), toState);
      case 'open-path':
        return this.#perform(`Checking ${basename(action.path)}…`, () => api.openPath(action.path), toState);
      case 'revert':
        return this.#perform('Going back to the saved version…', () => api.revert(), async (state) => {
          await this.#refresh(state);
          return `Reverted to the version saved in ${state.name}.`;
        });
    }
  }

  save(): Promise<void> {
    return this.#perform('Saving…', () => api.save(), async (state) => {
      this.document = state;
      return `Saved to ${state.filePath}.`;
    });
  }

  saveAs(): Promise<void> {
    return this.#perform('Saving…', () => api.saveAs(), async (state) => {
      this.document = state;
      return `Saved to ${state.filePath}.`;
    });
  }

  merge(): Promise<void> {
    return this.#perform('Checking and merging the colleague’s brief…', () => api.merge(), async (outcome: MergeOutcome) => {
      await this.#refresh(outcome.state);
      const { report } = outcome;
      if (outcome.state.openConflicts > 0) await this.openReview();
      return (
        `Merged ${outcome.from}: ${report.added} added, ${report.updated} updated` +
        (report.conflicts > 0 ? `, ${report.conflicts} conflicts to review.` : report.added + report.updated === 0 ? ' (nothing new).' : '.')
      );
    });
  }

  /** A file dropped on the window: opened like File > Open, where the host can tell its path. */
  openDropped(file: File): void {
    if (!/\.sqlite$/i.test(file.name)) {
      this.notice = { kind: 'error', text: `${file.name} is not a brief: drop a .sqlite file made by Briefing Desk.` };
      return;
    }
    const path = api.pathForFile(file);
    if (!path) {
      this.notice = { kind: 'error', text: 'This window cannot read the location of a dropped file; use File > Open instead.' };
      return;
    }
    this.request({ kind: 'open-path', path });
  }

  async openReview(): Promise<void> {
    try {
      this.conflicts = await api.conflicts();
      this.reviewOpen = true;
    } catch (error) {
      this.notice = { kind: 'error', text: (error as Error).message };
    }
  }

  async resolve(conflictId: string, choice: 'ours' | 'theirs'): Promise<void> {
    try {
      const state = await api.resolve(conflictId, choice);
      this.conflicts = this.conflicts.filter((c) => c.id !== conflictId);
      await this.#refresh(state);
    } catch (error) {
      this.notice = { kind: 'error', text: (error as Error).message };
    }
  }
}

function basename(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}
