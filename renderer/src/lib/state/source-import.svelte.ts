import type { SourcePreview } from '../../../../common/ipc/contract.ts';
import { api } from '../api.ts';
import { LIMITS } from '../../../../common/limits.ts';
import {
  countDraft,
  describeCounts,
  draftFromPreview,
  mergeWithNext,
  removeClaim,
  renameTheme,
  sourceAddEdit,
  splitClaim,
  type ClaimAt,
  type ImportDraft,
} from '../import-draft.ts';
import type { EditRefusal, OpenDocument } from './document.svelte.ts';

export type ImportTab = 'source' | 'paste';

/**
 * Files larger than the import limit are not read into the window at all (the main process holds
 * the reader to the same number): a dropped 1 GB file is not turned into base64 in the page first.
 */
const DROP_READ_LIMIT_BYTES = LIMITS.sourceFileBytes;

/** A dropped file's bytes as base64, the form the import channel takes them in. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`${file.name} could not be read; check that it is still there and try again.`));
    reader.readAsDataURL(file);
  });
}

/**
 * One import at a time: the dialog's state from File > Import source…, a file dropped on the window
 * or text pasted, through the preview the analyst adjusts (lib/import-draft.ts), to the one
 * `source.add` edit that adds the source (so one Undo takes it back). A read still under way when
 * the dialog is closed is forgotten when it answers.
 */
export class SourceImport {
  readonly #doc: OpenDocument;
  #open = $state(false);
  #tab = $state<ImportTab>('source');
  /** What is being read ("Reading magnets.md…"); null when idle. */
  #busy = $state<string | null>(null);
  /** Why the last read failed, in one sentence. */
  #error = $state<string | null>(null);
  #preview = $state.raw<SourcePreview | null>(null);
  #refusal = $state<EditRefusal | null>(null);
  /** Counts reads, so an answer for a dialog closed (or a read replaced) meanwhile is dropped. */
  #reads = 0;

  /** The source as the analyst is adjusting it; fields are bound to the dialog's inputs. */
  draft = $state<ImportDraft | null>(null);
  /** The Paste text tab's text. */
  pasted = $state('');

  constructor(doc: OpenDocument) {
    this.#doc = doc;
  }

  get open(): boolean {
    return this.#open;
  }
  get tab(): ImportTab {
    return this.#tab;
  }
  get busy(): string | null {
    return this.#busy;
  }
  get error(): string | null {
    return this.#error;
  }
  get preview(): SourcePreview | null {
    return this.#preview;
  }
  /** Why "Add to brief" was refused; `field` names the input at fault. */
  get refusal(): EditRefusal | null {
    return this.#refusal;
  }

  showTab(tab: ImportTab): void {
    this.#tab = tab;
  }

  /** File > Import source…: the dialog opens, and the file dialog asks which file. Cancelling it leaves the dialog, to paste instead. */
  fromDialog(): Promise<void> {
    this.#open = true;
    this.#tab = 'source';
    return this.#read('Choose a file to import…', () => api.importSource());
  }

  /** A file dropped on the window (not a .sqlite brief): its bytes go to the reader. */
  fromFile(file: File): Promise<void> {
    this.#open = true;
    this.#tab = 'source';
    if (file.size > DROP_READ_LIMIT_BYTES) {
      this.#error = `${file.name} is larger than ${DROP_READ_LIMIT_BYTES / 1024 ** 2} MB; split it and import the part you need.`;
      return Promise.resolve();
    }
    return this.#read(`Reading ${file.name}…`, async () => api.importSourceFile(file.name, await readAsBase64(file)));
  }

  /** The Paste text tab's Read: the pasted text replaces the preview. */
  async fromText(): Promise<void> {
    await this.#read('Reading the pasted text…', () => api.importSourceText(this.pasted));
    if (this.#preview && !this.#error) this.#tab = 'source';
  }

  async #read(label: string, read: () => Promise<SourcePreview | null>): Promise<void> {
    const token = ++this.#reads;
    this.#busy = label;
    this.#error = null;
    try {
      const preview = await read();
      if (token !== this.#reads || !this.#open) return;
      if (preview) {
        this.#preview = preview;
        this.draft = draftFromPreview(preview);
        this.#refusal = null;
      }
    } catch (error) {
      if (token === this.#reads && this.#open) this.#error = (error as Error).message;
    } finally {
      if (token === this.#reads) this.#busy = null;
    }
  }

  renameTheme(theme: number, heading: string): void {
    if (this.draft) this.draft.themes = renameTheme(this.draft.themes, theme, heading);
  }

  mergeWithNext(at: ClaimAt): void {
    if (this.draft) this.draft.themes = mergeWithNext(this.draft.themes, at);
  }

  /** Splits at the caret (an offset in the claim's text) when there is one inside the words, else after the first sentence. */
  split(at: ClaimAt, caret: number | null): void {
    if (this.draft) this.draft.themes = splitClaim(this.draft.themes, at, caret);
  }

  remove(at: ClaimAt): void {
    if (this.draft) this.draft.themes = removeClaim(this.draft.themes, at);
  }

  /** "Add to brief": one edit; the dialog closes and the message line says what came in. */
  async add(): Promise<void> {
    const preview = this.#preview;
    const draft = this.draft;
    if (!preview || !draft || this.#busy) return;
    const edit = sourceAddEdit(preview, $state.snapshot(draft));
    this.#busy = 'Adding the source to the brief…';
    try {
      this.#refusal = await this.#doc.edit(edit);
    } finally {
      this.#busy = null;
    }
    if (this.#refusal) return;
    const counts = describeCounts(countDraft(draft.themes));
    this.close();
    this.#doc.notices.info(`Added “${edit.headline}”: ${counts}. Undo takes it back.`);
  }

  /** Cancel or Escape: nothing is added, and the next import starts afresh. */
  close(): void {
    this.#reads++;
    this.#open = false;
    this.#busy = null;
    this.#error = null;
    this.#preview = null;
    this.#refusal = null;
    this.draft = null;
    this.pasted = '';
    this.#tab = 'source';
  }
}
