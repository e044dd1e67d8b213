import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { conflictViews, mergeInto, openConflicts, resolveConflict } from '../../../db/merge/index.ts';
import { createEmptyBrief, importArticle, parseArticle } from '../../../db/import/index.ts';
import { openStore, saveCopy } from '../../../db/store/index.ts';
import { openWorkspace, type Workspace } from '../../../db/seed/index.ts';
import { PRIVATE_PREFIX, receiveBrief, removeStaleReceiveLeftovers, type WorkerLauncher } from '../../../db/receive/index.ts';
import { StoreError } from '../../../common/errors.ts';
import { suggestedFileName } from '../../../common/save-name.ts';
import { removeSqliteFile, writeFileAtomic } from '../../../db/files/index.ts';
import { BriefWriter, type StepResult } from '../../../db/edit/index.ts';
import type { BriefEdit } from '../../../common/edits.ts';
import type { ConflictView, SearchHit } from '../../../common/model.ts';
import { STORE_FILE } from '../policy/index.ts';
import { Search } from '../../../db/read/index.ts';
import type { DocumentState, EditOutcome, MergeOutcome } from '../../../common/ipc/contract.ts';

// The document model: the brief the user has open. Edits go straight into a working copy
// (autosaved, WAL) inside the user's data folder; the user's own .sqlite file is written only by
// Save and Save As, as one clean file. Opening a file receives it through the hardened path into
// a new working copy, so a file from outside is never written to, not even by us.

/** Native file dialogs in Electron; stubbed by the tests; a terminal prompt in the preview. */
export interface Dialogs {
  chooseBriefToOpen(purpose: 'open' | 'merge'): Promise<string | null>;
  chooseArticle(): Promise<string | null>;
  chooseSaveTarget(suggestedName: string): Promise<string | null>;
  chooseExportTarget(format: 'pdf' | 'md' | 'html', suggestedName: string): Promise<string | null>;
}

interface Persisted {
  current: { workingPath: string; filePath: string | null; dirty: boolean } | null;
  recent: string[];
}

const RECENT_LIMIT = 10;
const ARTICLE_SIZE_LIMIT = 5 * 1024 * 1024;

export interface DocumentSessionOptions {
  userData: string;
  /** Who is writing now (the user may give or change their name while the app runs). */
  author: () => string;
  dialogs: Dialogs;
  receiveWorker: WorkerLauncher;
  /** Told after every change of document or of its saved state (the shell updates menu, title and recent documents). */
  onChange?: (state: DocumentState) => void;
}

export class DocumentSession {
  workspace: Workspace;
  #filePath: string | null;
  #dirty: boolean;
  #recent: string[];
  readonly #options: DocumentSessionOptions;
  readonly #statePath: string;
  readonly #defaultPath: string;
  readonly #documentsDir: string;
  #search: { db: Workspace['db']; search: Search } | null = null;
  #writer: { db: Workspace['db']; author: string; writer: BriefWriter } | null = null;

  constructor(options: DocumentSessionOptions) {
    this.#options = options;
    this.#statePath = join(options.userData, 'session.json');
    this.#defaultPath = join(options.userData, STORE_FILE);
    this.#documentsDir = join(options.userData, 'documents');
    mkdirSync(this.#documentsDir, { recursive: true });
    // What a receive or a merge left here when the app was killed during it (partial stores, received copies).
    removeStaleReceiveLeftovers(this.#documentsDir);
    const persisted = this.#load();
    this.#recent = persisted.recent;
    // Reopen the last brief, as it was left (unsaved changes included: they live in the working copy).
    const last = persisted.current && existsSync(persisted.current.workingPath) ? persisted.current : null;
    this.workspace = openWorkspace(last?.workingPath ?? this.#defaultPath, options.author());
    this.#filePath = last?.filePath ?? null;
    this.#dirty = last?.dirty ?? false;
  }

  state(): DocumentState {
    const brief = this.workspace.briefs.getBriefTitle();
    return {
      name: this.#filePath ? basename(this.#filePath) : (brief ?? 'Untitled brief'),
      filePath: this.#filePath,
      dirty: this.#dirty,
      recent: [...this.#recent],
      // A count, not the review's views: this runs after every edit (views number claims and compare fields).
      openConflicts: openConflicts(this.workspace.db).length,
      history: this.#writerOf().historyState(),
    };
  }

  markEdited(): void {
    if (!this.#dirty) {
      this.#dirty = true;
      this.#persist();
    }
  }

  async newBrief(kind: 'blank' | 'article'): Promise<DocumentState | null> {
    let article;
    if (kind === 'article') {
      const path = await this.#options.dialogs.chooseArticle();
      if (!path) return null;
      if (statSync(path).size > ARTICLE_SIZE_LIMIT)
        throw new StoreError(
          'bad-article',
          'That article is larger than 5 MB; Briefing Desk imports article text files, not documents or archives.',
        );
      article = parseArticle(readFileSync(path, 'utf8'));
    }
    const workingPath = this.#newWorkingPath();
    const db = openStore(workingPath);
    try {
      if (article) importArticle(db, article, { author: this.#options.author() });
      else createEmptyBrief(db, 'Untitled brief', this.#options.author());
    } finally {
      db.close();
    }
    this.#switchTo(workingPath, null, kind === 'article');
    return this.state();
  }

  async open(): Promise<DocumentState | null> {
    const path = await this.#options.dialogs.chooseBriefToOpen('open');
    return path ? this.openPath(path) : null;
  }

  /** Opens a file by path: Open Recent, a file dropped on the window, a file the OS hands us. */
  async openPath(path: string): Promise<DocumentState> {
    if (!existsSync(path)) {
      this.#recent = this.#recent.filter((p) => p !== path);
      this.#persist();
      throw new StoreError('not-found', `${basename(path)} is no longer at ${path}; it may have been moved or deleted.`);
    }
    const workingPath = this.#newWorkingPath();
    await receiveBrief(path, workingPath, this.#options.receiveWorker);
    this.#switchTo(workingPath, path, false);
    this.#remember(path);
    return this.state();
  }

  async openRecent(path: string): Promise<DocumentState> {
    if (!this.#recent.includes(path)) throw new StoreError('not-found', 'That file is not in the recent list any more.');
    return this.openPath(path);
  }

  async save(): Promise<DocumentState | null> {
    if (!this.#filePath) return this.saveAs();
    saveCopy(this.workspace.db, this.#filePath);
    this.#dirty = false;
    this.#remember(this.#filePath);
    return this.state();
  }

  async saveAs(): Promise<DocumentState | null> {
    const suggested = suggestedFileName(this.workspace.briefs.getBriefTitle(), 'sqlite');
    const target = await this.#options.dialogs.chooseSaveTarget(this.#filePath ? basename(this.#filePath) : suggested);
    if (!target) return null;
    saveCopy(this.workspace.db, target);
    this.#filePath = target;
    this.#dirty = false;
    this.#remember(target);
    return this.state();
  }

  /** Throws away the changes since the last save by receiving the saved file again. */
  async revert(): Promise<DocumentState> {
    if (!this.#filePath) throw new StoreError('not-found', 'This brief has never been saved, so there is no saved version to go back to.');
    return this.openPath(this.#filePath);
  }

  async merge(): Promise<MergeOutcome | null> {
    const path = await this.#options.dialogs.chooseBriefToOpen('merge');
    if (!path) return null;
    // Named as the receive's own, so a copy left by a crash during the merge is removed at a later start.
    const received = join(this.#documentsDir, `.${PRIVATE_PREFIX}merge-${randomUUID()}.sqlite`);
    try {
      await receiveBrief(path, received, this.#options.receiveWorker);
      const report = mergeInto(this.workspace.db, received, basename(path));
      if (report.added + report.updated + report.conflicts > 0) this.markEdited();
      return { state: this.state(), report, from: basename(path) };
    } finally {
      removeSqliteFile(received);
    }
  }

  /** One writer per open document and author; its statements are prepared once. */
  #writerOf(): BriefWriter {
    const author = this.#options.author();
    if (this.#writer?.db !== this.workspace.db || this.#writer.author !== author)
      this.#writer = { db: this.workspace.db, author, writer: new BriefWriter(this.workspace.db, author) };
    return this.#writer.writer;
  }

  edit(edit: BriefEdit): EditOutcome {
    return this.#edited(this.#writerOf().apply(edit));
  }

  undo(): EditOutcome {
    return this.#edited(this.#writerOf().undo());
  }

  redo(): EditOutcome {
    return this.#edited(this.#writerOf().redo());
  }

  /** After an edit, undo or redo (null: there was nothing to undo or redo). */
  #edited(result: StepResult | null): EditOutcome {
    const changed = result !== null;
    // The session file only needs writing when the brief first becomes edited, not on every keystroke's edit.
    if (changed && !this.#dirty) {
      this.#dirty = true;
      this.#writeSession();
    }
    const state = this.state();
    // The shell still hears of every edit: the Edit menu names what Undo would take back.
    if (changed) this.#options.onChange?.(state);
    // Only what changed goes back: at 100,000 highlights, the whole brief is tens of megabytes.
    return { patch: this.workspace.briefs.getPatch(result?.touched ?? []), state };
  }

  search(query: string): SearchHit[] {
    // One prepared pair of statements per open document.
    if (this.#search?.db !== this.workspace.db) this.#search = { db: this.workspace.db, search: new Search(this.workspace.db) };
    return this.#search.search.query(query);
  }

  conflicts(): ConflictView[] {
    return conflictViews(this.workspace.db);
  }

  resolve(conflictId: string, choice: 'ours' | 'theirs'): DocumentState {
    resolveConflict(this.workspace.db, conflictId, choice);
    this.markEdited();
    return this.state();
  }

  close(): void {
    this.workspace.close();
  }

  #newWorkingPath(): string {
    return join(this.#documentsDir, `${randomUUID()}.sqlite`);
  }

  #switchTo(workingPath: string, filePath: string | null, dirty: boolean): void {
    const previous = this.workspace;
    const previousPath = previous.db.name;
    this.workspace = openWorkspace(workingPath, this.#options.author());
    previous.close();
    // Working copies are ours to remove; the default store (the embedded brief) stays.
    if (previousPath !== this.#defaultPath && previousPath !== workingPath) {
      removeSqliteFile(previousPath);
    }
    this.#filePath = filePath;
    this.#dirty = dirty;
    this.#persist();
  }

  #remember(path: string): void {
    this.#recent = [path, ...this.#recent.filter((p) => p !== path)].slice(0, RECENT_LIMIT);
    this.#persist();
  }

  #load(): Persisted {
    try {
      const parsed = JSON.parse(readFileSync(this.#statePath, 'utf8')) as Partial<Persisted>;
      return {
        current: parsed.current && typeof parsed.current.workingPath === 'string' ? parsed.current : null,
        recent: Array.isArray(parsed.recent) ? parsed.recent.filter((p): p is string => typeof p === 'string') : [],
      };
    } catch {
      return { current: null, recent: [] };
    }
  }

  #persist(): void {
    this.#writeSession();
    this.#options.onChange?.(this.state());
  }

  #writeSession(): void {
    const data: Persisted = {
      current: { workingPath: this.workspace.db.name, filePath: this.#filePath, dirty: this.#dirty },
      recent: this.#recent,
    };
    writeFileAtomic(this.#statePath, JSON.stringify(data, null, 2));
  }
}
