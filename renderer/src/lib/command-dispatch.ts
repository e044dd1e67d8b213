// What each command of common/commands.ts does in the workspace, and the window's key handler.
// The in-window File menu, the keys and the native menu's `menu:command` events all end in
// runCommand, so a command does the same thing whichever way it is given.
import { commandForKey, type MenuCommand } from '../../../common/commands.ts';
import type { ExportFormat } from '../../../common/ipc/contract.ts';
import type { ComposerState } from './composer.svelte.ts';
import { isMac } from './platform.ts';
import { cycleRegion } from './regions.ts';
import { typingInField } from './selection.ts';
import type { OpenDocument } from './state/document.svelte.ts';
import type { SourceImport } from './state/source-import.svelte.ts';
import type { WorkspaceView } from './state/view.svelte.ts';

export interface Workspace {
  doc: OpenDocument;
  view: WorkspaceView;
  composer: ComposerState;
  /** The import dialog (File > Import source…, a dropped file, pasted text). */
  imports: SourceImport;
}

/** Controls the window's keys move focus to, which only the shell can reach. */
export interface KeyTargets {
  /** Ctrl+F: the search box. */
  focusSearch(): void;
  /** Ctrl+Shift+H: the highlight toolbar, or word of how to select text when nothing is selected. */
  focusHighlightToolbar(): void;
}

/** The composer, started with the whole brief. */
export function openComposer({ doc, view, composer }: Workspace): Promise<void> {
  view.showComposer();
  return composer.open(doc.brief);
}

/** File > Export: the whole brief as the composer starts it, shown with its preview while it is written. */
async function exportAs(workspace: Workspace, format: ExportFormat): Promise<void> {
  await openComposer(workspace);
  await workspace.composer.export(format);
}

/** Runs a command; `path` says which file for open-recent. */
export function runCommand(workspace: Workspace, command: MenuCommand, path?: string): void {
  const { doc, view } = workspace;
  switch (command) {
    case 'undo':
    case 'redo':
      // In a text field, Undo is the field's own typing undo; elsewhere it is the brief's.
      if (typingInField()) return void document.execCommand(command);
      return void (command === 'undo' ? doc.undo() : doc.redo());
    case 'shortcuts':
      return view.openShortcuts();
    case 'preferences':
      return view.openPreferences();
    case 'compose':
      return void openComposer(workspace);
    case 'export-pdf':
      return void exportAs(workspace, 'pdf');
    case 'export-md':
      return void exportAs(workspace, 'md');
    case 'export-html':
      return void exportAs(workspace, 'html');
    case 'new':
      return doc.request({ kind: 'new', from: 'blank' });
    case 'new-from-article':
      return doc.request({ kind: 'new', from: 'article' });
    case 'open':
      return doc.request({ kind: 'open' });
    case 'open-recent':
      if (path) doc.request({ kind: 'open-recent', path });
      return;
    case 'revert':
      return doc.request({ kind: 'revert' });
    case 'save':
      return void doc.save();
    case 'save-as':
      return void doc.saveAs();
    case 'import-source':
      // A second Ctrl+I while the dialog is open would drop what the analyst has adjusted.
      if (!workspace.imports.open) void workspace.imports.fromDialog();
      return;
    case 'merge':
      return void doc.merge();
    case 'review-conflicts':
      return void doc.openReview();
  }
}

/** The window's keydown: the keys of the command table, where they belong to the workspace and not to a field or a dialog. */
export function handleWindowKey(workspace: Workspace, targets: KeyTargets, event: KeyboardEvent): void {
  // Esc not taken by a dialog, editor or popover folds away a pane shown over the reading view.
  const inDialog = event.target instanceof Element && event.target.closest('dialog, [role="dialog"], [role="toolbar"]') !== null;
  if (event.key === 'Escape' && !event.defaultPrevented && !inDialog && workspace.view.foldAway()) {
    event.preventDefault();
    return;
  }
  const command = commandForKey(event, isMac);
  switch (command) {
    case null:
      return;
    case 'search':
      event.preventDefault();
      return targets.focusSearch();
    case 'highlight':
      event.preventDefault();
      return targets.focusHighlightToolbar();
    case 'next-region':
      event.preventDefault();
      return void cycleRegion(workspace.view, event.shiftKey);
    case 'shortcuts':
      // In a text field "?" is a character.
      if (typingInField(event.target)) return;
      event.preventDefault();
      return workspace.view.openShortcuts();
  }
  // The unsaved-changes question, the merge review and an import must be answered first.
  if (workspace.doc.pendingAction || workspace.doc.reviewOpen || workspace.imports.open) return;
  // Typing undo inside a field stays the field's.
  if ((command === 'undo' || command === 'redo') && typingInField(event.target)) return;
  event.preventDefault();
  runCommand(workspace, command);
}
