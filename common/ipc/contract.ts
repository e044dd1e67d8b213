// The IPC contract: every channel between the renderer and the main process, declared once.
// Types only. Main's router, the preload bridge, the Chromium test host and the renderer's
// API module are all derived from this and from the runtime list in channels.ts.
// Values must be plain JSON data: the Chromium host carries them as JSON.
import type {
  BriefOpening,
  BriefPart,
  BriefPartName,
  BriefPatch,
  ConflictView,
  MergeReport,
  SearchHit,
  SourceProvenance,
} from '../model.ts';
import type { ParsedSource } from '../parsed-source.ts';
import type { BriefEdit, HistoryState } from '../edits.ts';
import type { StoreErrorCode } from '../errors.ts';
import type { ExportDocument, ExportOptions } from '../export-document.ts';
import type { MenuCommand } from '../commands.ts';

export type { ConflictView, MergeReport, ExportDocument, ExportOptions, BriefEdit, HistoryState, SearchHit };

export type ExportFormat = 'pdf' | 'md' | 'html';

export interface ExportResult {
  format: ExportFormat;
  path: string;
  bytes: number;
}

/** What the print view is asked to draw, and whether to hand back its HTML (only the HTML export needs it). */
export interface DrawJob {
  kind: 'draw';
  document: ExportDocument;
  wantSnapshot: boolean;
  /** Only the contents' page numbers differ from the job before, which the print view still shows: it redraws only those. */
  pagesOnly: boolean;
  /** Fill the contents' page numbers with the pages the print view predicts (and say which: print:ready). */
  predictPages: boolean;
  /** A document longer than this many pages (and a quarter) is cut into print sections of about this many; 0: never cut. */
  sectionPages: number;
  /** Items (claims, notes, indicators, references, highlight notes) drawn at a time, each part copied before the next is drawn; 0: drawn whole. */
  partItems: number;
}

/** Show only this print section of the drawn document (from 0), to be printed on its own. */
export interface SectionJob {
  kind: 'section';
  index: number;
}

export type PrintJob = DrawJob | SectionJob;

/** How the print view cut a long document: how many sections, and which of them hold the contents' page numbers. */
export interface PrintSections {
  count: number;
  contents: number[];
}

export interface ExportProgress {
  stage: 'composing' | 'rendering' | 'printing' | 'writing' | 'done';
  /** 0 to 100. */
  percent: number;
}

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  /** Where the working store lives, so the user can find (and back up) their data. */
  storePath: string;
  host: 'electron' | 'chromium';
  author: string;
}

/** Who is writing: the name and unit the user gave (empty until asked), and the account name they may choose instead. */
export interface AuthorView {
  name: string;
  unit: string;
  /** The operating system's account name, offered as a choice, never used unasked. */
  accountName: string;
  /** Whether the user has answered; the workspace asks on first start until they do. */
  chosen: boolean;
}

export interface DocumentState {
  /** The file name, or the brief's title while it has never been saved. */
  name: string;
  filePath: string | null;
  /** Changes in the working copy that Save has not yet written to the file. */
  dirty: boolean;
  recent: string[];
  openConflicts: number;
  /** What Undo and Redo would do ("Add note"), for the Edit menu. */
  history: HistoryState;
}

/** A source read for import, shown for the analyst to adjust before a `source.add` edit adds it. */
export interface SourcePreview {
  /** The main process's receipt for this read; the `source.add` edit brings it back with `provenance`. */
  receipt: string;
  provenance: SourceProvenance;
  source: ParsedSource;
}

/** After an edit, undo or redo: the parts of the brief that changed, and the document's state. */
export interface EditOutcome {
  patch: BriefPatch;
  state: DocumentState;
}

export interface MergeOutcome {
  state: DocumentState;
  report: MergeReport;
  /** File name of the colleague's brief. */
  from: string;
}

export type ConflictChoice = 'ours' | 'theirs';

// Channels whose dialog the user can cancel answer null.
export type Api = {
  'app:info': () => AppInfo;
  'preferences:get': () => AuthorView;
  /** Sets the user's name and unit; refuses a blank name or control characters with a sentence. */
  'preferences:set': (preferences: { name: string; unit: string }) => AuthorView;
  /** The open brief as a window opens it (its long lists begun, with their totals), or null when the store holds none. */
  'brief:get': () => BriefOpening | null;
  /** The next part of a long list (claims, highlights or notes), at most LIMITS.part of it. */
  'brief:part': (part: BriefPartName, offset: number) => BriefPart;
  'document:state': () => DocumentState;
  'document:new': (kind: 'blank' | 'article') => DocumentState | null;
  'document:open': () => DocumentState | null;
  'document:open-recent': (path: string) => DocumentState;
  /** A .sqlite file dropped on the window (its path comes from the preload's pathForFile). */
  'document:open-path': (path: string) => DocumentState;
  'document:save': () => DocumentState | null;
  'document:save-as': () => DocumentState | null;
  'document:revert': () => DocumentState;
  'document:merge': () => MergeOutcome | null;
  'merge:conflicts': () => ConflictView[];
  'merge:resolve': (conflictId: string, choice: ConflictChoice) => DocumentState;
  /** Applies one edit of the brief (saved at once, recorded for undo); a refusal names the field at fault. */
  'brief:edit': (edit: BriefEdit) => EditOutcome;
  'history:undo': () => EditOutcome;
  'history:redo': () => EditOutcome;
  /** Claims, notes, highlight comments, indicators and the source headline containing the text, in any script. */
  'search:query': (query: string) => SearchHit[];
  /** File > Import source…: asks for a file and reads it in the isolated reader; null when the dialog was cancelled. */
  'source:import': () => SourcePreview | null;
  /** A file dropped on the window, as base64 of its bytes, with the name the user knows it by. */
  'source:import-file': (name: string, base64: string) => SourcePreview;
  /** Text pasted into the import (the article layout, Markdown or plain text). */
  'source:import-text': (text: string) => SourcePreview;
  /** The composer's starting point: the whole brief, today, the user as author. */
  'export:defaults': () => ExportOptions;
  /** The composed document for the live preview (the composer's print view draws it meanwhile, for a PDF export). */
  'export:preview': (options: ExportOptions) => ExportDocument;
  /** Asks where to save, then writes PDF, Markdown or HTML; null when the dialog was cancelled. */
  'export:run': (format: ExportFormat, options: ExportOptions) => ExportResult | null;
  /** The composer opened (true) or closed: a print view is kept loaded while it is open, so an export starts at once. */
  'export:warm': (wanted: boolean) => null;
  /** The print view asks for the next document to draw (the answer waits until there is one)... */
  'print:document': () => PrintJob;
  /**
   * ...and says when it is drawn (fonts loaded, charts done), handing over its self-contained HTML if
   * asked, the contents' page numbers it predicted and shows (by heading anchor; null: none), and
   * the sections it cut a long document into (null: one print).
   */
  'print:ready': (snapshot: string | null, pages: Record<string, number> | null, sections: PrintSections | null) => null;
  /** ...or that it could not be drawn: the export fails with this reason and writes nothing. */
  'print:failed': (reason: string) => null;
};

export type Channel = keyof Api;

export type ErrorCode = 'bad-request' | 'forbidden' | 'internal' | StoreErrorCode;

/** A refused request says why in `message`; a refused edit also names its `field`. */
export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string; field?: string };

/** Commands of the native menu (common/commands.ts), sent to the renderer so they run the same code as its own buttons and keys. */
export type { MenuCommand };

export interface MenuCommandEvent {
  command: MenuCommand;
  /** For open-recent: which file. */
  path?: string;
}

/** Messages from main to the renderer. */
export type Events = {
  'menu:command': MenuCommandEvent;
  'export:progress': ExportProgress;
};

export type EventName = keyof Events;

/** `window.briefingFiles`, from the Electron preload only: the path of a file dropped on the window. */
export interface FilesBridge<DroppedFile = unknown> {
  pathForFile(file: DroppedFile): string;
}

/** What `window.briefing` offers: one method per channel, each answering with a Result, and `on` for main's events. */
export type BridgeApi = { [C in Channel]: (...args: Parameters<Api[C]>) => Promise<Result<ReturnType<Api[C]>>> } & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};
