// The workspace's two pieces of state, handed to every component below the shell through Svelte's
// context instead of a prop threaded through each level. App.svelte sets both once, at the top.
import { createContext } from 'svelte';
import type { OpenDocument } from './document.svelte.ts';
import type { WorkspaceView } from './view.svelte.ts';

/** The open document: its brief, file state, edits and file actions. */
export const [useDocument, provideDocument] = createContext<OpenDocument>();

/** What the workspace shows and where it moves focus. */
export const [useView, provideView] = createContext<WorkspaceView>();
