import type { BriefEdit, ExportDocument, ExportFormat, ExportOptions, ExportProgress, ExportResult } from '../../../common/ipc/contract.ts';
import type { Brief, Theme } from '../../../common/model.ts';
import { api } from './api.ts';
import type { Notices } from './state/notices.svelte.ts';

export interface ThemeChoice {
  id: string;
  label: string;
  included: boolean;
}

/** How the composer keeps its settings with the brief: the open document's own edit path. */
export interface ComposerConnection {
  /** Makes an edit as the workspace does (OpenDocument.edit): undoable, saved with the file. */
  edit: (edit: BriefEdit) => Promise<{ message: string } | null>;
  /** The brief open now: settings are saved only to the brief they were composed for. */
  briefId: () => string | null;
}

/** How long the composer waits after a change before saving the settings (typing a title is one save, not twenty). */
export const SAVE_DELAY_MS = 400;

/** What an export wrote, in words: "Exported PDF to /home/me/brief.pdf (210 KB)." */
export const exportedText = (result: ExportResult): string =>
  `Exported ${result.format.toUpperCase()} to ${result.path} (${Math.max(1, Math.round(result.bytes / 1024))} KB).`;

/** Settings as comparable text: the same settings give the same text whatever order their keys came in. */
const canonical = (options: ExportOptions) => JSON.stringify(options, Object.keys(options).sort());

/**
 * The composer: what goes into the brief that leaves the building, its live preview, and the export
 * itself. Its settings belong to the brief: it starts from `brief.exportSettings` (or the defaults),
 * saves every change with an 'export.settings' edit (debounced), and follows the brief when its
 * settings change from elsewhere (undo, redo, a merge).
 */
export class ComposerState {
  options = $state<ExportOptions | null>(null);
  themes = $state<ThemeChoice[]>([]);
  preview = $state<ExportDocument | null>(null);
  progress = $state<ExportProgress | null>(null);
  result = $state<ExportResult | null>(null);
  error = $state<string | null>(null);
  /** Whether the settings are kept with the brief: being saved, saved, or not yet changed (null). */
  saved = $state<'saving' | 'saved' | null>(null);
  #previewToken = 0;
  #briefId: string | null = null;
  #defaults: ExportOptions | null = null;
  /** The settings as the brief holds them (loaded, or last sent), canonical: a change is saved only when it differs. */
  #stored: string | null = null;
  /** The brief's own settings as last seen, canonical: what `follow` compares with. */
  #seen: string | null = null;
  #pending: ExportOptions | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #connection: ComposerConnection | null = null;
  /** The workspace's message line: where an export that ends after the composer was left says how it went. */
  readonly #notices: Pick<Notices, 'info' | 'error'> | null;

  constructor(notices: Pick<Notices, 'info' | 'error'> | null = null) {
    this.#notices = notices;
  }

  /** Called by the composer's view while it is shown; the returned function saves what is pending and lets go. */
  connect(connection: ComposerConnection): () => void {
    this.#connection = connection;
    // While the composer is shown, main keeps a print view loaded, so Export starts drawing at once.
    void api.exportWarm(true).catch(() => undefined);
    return () => {
      this.flush();
      if (this.#connection !== connection) return; // A newer view took over: its print view stays.
      void api.exportWarm(false).catch(() => undefined);
      this.#connection = null;
    };
  }

  async open(brief: Brief | null): Promise<void> {
    this.flush();
    this.error = null;
    this.result = null;
    this.saved = null;
    try {
      this.#defaults = await api.exportDefaults();
      this.#briefId = brief?.id ?? null;
      this.#load(brief?.themes ?? [], brief?.exportSettings ?? null);
      await this.refresh();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  /** Sets the form from stored settings (or the defaults): chosen themes in their order, the others after them, unticked. */
  #load(themes: readonly Theme[], stored: ExportOptions | null): void {
    const options: ExportOptions = { ...this.#defaults!, ...stored };
    const label = (theme: Theme) => (theme.title ? `${theme.label}: ${theme.title}` : theme.label);
    const chosen =
      options.themeIds === null ? [...themes] : options.themeIds.flatMap((id) => themes.find((theme) => theme.id === id) ?? []);
    this.themes = [
      ...chosen.map((theme) => ({ id: theme.id, label: label(theme), included: true })),
      ...themes.filter((theme) => !chosen.includes(theme)).map((theme) => ({ id: theme.id, label: label(theme), included: false })),
    ];
    this.options = { ...options, themeIds: chosen.map((theme) => theme.id) };
    this.#stored = canonical(this.current()!);
    this.#seen = stored ? canonical(options) : null;
  }

  /** The settings as the form shows them now. Reading it in an effect tracks every field. */
  current(): ExportOptions | null {
    if (!this.options) return null;
    return { ...$state.snapshot(this.options), themeIds: this.themes.filter((t) => t.included).map((t) => t.id) };
  }

  /**
   * The form changed: the preview is composed again from exactly what the form now shows, and the
   * settings are saved once the changes pause. (Run from an effect, after the bindings have
   * updated; a form `oninput` handler ran before a checkbox's binding and previewed the state
   * before the click.)
   */
  changed(current: ExportOptions): void {
    void this.refresh(current);
    if (canonical(current) === this.#stored) {
      // Changed back before it was saved: nothing to save, and the brief holds what the form shows.
      if (this.#pending) this.saved = 'saved';
      clearTimeout(this.#timer);
      this.#pending = null;
      return;
    }
    this.#pending = current;
    this.saved = 'saving';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }

  /** Saves the pending change now (on leaving the composer, before exporting). */
  flush(): void {
    clearTimeout(this.#timer);
    const pending = this.#pending;
    this.#pending = null;
    const connection = this.#connection;
    if (!pending || !connection || connection.briefId() !== this.#briefId) return;
    const before = this.#stored;
    this.#stored = canonical(pending);
    this.saved = 'saving';
    void connection.edit({ kind: 'export.settings', options: pending }).then((refused) => {
      const latest = this.#stored === canonical(pending);
      // Refused (the reason is shown by the document): the next change tries again.
      if (refused && latest) this.#stored = before;
      if (latest) this.saved = refused ? null : 'saved';
      // Said where the user is looking: the settings were not kept, and why (an export would fail the same way).
      if (refused && latest) this.error = `These settings were not kept with the brief: ${refused.message}`;
    });
  }

  /**
   * The brief changed without the composer (an edit, undo, redo, a merge): the preview is composed
   * again, and the form follows the brief's settings where they changed (to the defaults when the
   * brief has none any more: its first settings undone); another brief: the composer starts on it.
   */
  follow(brief: Brief | null): void {
    // Another brief was opened (New, Open, Revert…) while the composer is shown: it starts from that brief's settings.
    if (this.options && (brief?.id ?? null) !== this.#briefId) {
      void this.open(brief);
      return;
    }
    if (!brief || !this.#defaults || !this.options || brief.id !== this.#briefId) return;
    const stored = brief.exportSettings ?? null;
    const seen = stored ? canonical({ ...this.#defaults, ...stored }) : null;
    if (this.#pending || seen === this.#seen) {
      // The settings are the form's (or a change to them is waiting to be saved): the brief's words may have changed.
      void this.refresh();
    } else if (seen !== null && seen === this.#stored) {
      this.#seen = seen; // The form's own save, come back.
      void this.refresh();
    } else this.#load(brief.themes, stored); // The form changes, and its preview with it.
  }

  /** Re-composes the preview; a slower earlier answer never overwrites a newer one. */
  async refresh(current: ExportOptions | null = this.current()): Promise<void> {
    if (!current) return;
    const token = ++this.#previewToken;
    try {
      const preview = await api.exportPreview(current);
      if (token === this.#previewToken) this.preview = preview;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  move(index: number, by: -1 | 1): void {
    const target = index + by;
    if (target < 0 || target >= this.themes.length) return;
    const themes = [...this.themes];
    [themes[index], themes[target]] = [themes[target]!, themes[index]!];
    this.themes = themes;
  }

  toggleClaim(claimId: string, included: boolean): void {
    if (!this.options) return;
    const others = this.options.excludedClaimIds.filter((id) => id !== claimId);
    this.options.excludedClaimIds = included ? others : [...others, claimId];
  }

  async export(format: ExportFormat): Promise<void> {
    const options = this.current();
    if (!options || this.progress) return;
    this.flush();
    this.error = null;
    this.result = null;
    this.progress = { stage: 'composing', percent: 0 };
    const stop = api.onExportProgress((progress) => (this.progress = progress));
    try {
      this.result = await api.exportRun(format, options);
      // The composer was left while it ran: the workspace says where the file went.
      if (this.result && !this.#connection) this.#notices?.info(exportedText(this.result));
    } catch (error) {
      this.error = (error as Error).message;
      if (!this.#connection) this.#notices?.error(this.error);
    } finally {
      stop();
      this.progress = null;
    }
  }
}
