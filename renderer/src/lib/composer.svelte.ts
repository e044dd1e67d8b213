import type { ExportDocument, ExportFormat, ExportOptions, ExportProgress, ExportResult } from '../../../common/ipc/contract.ts';
import type { Brief } from '../../../common/model.ts';
import { api } from './api.ts';

export interface ThemeChoice {
  id: string;
  label: string;
  included: boolean;
}

/** The composer: what goes into the brief that leaves the building, its live preview, and the export itself. */
export class ComposerState {
  options = $state<ExportOptions | null>(null);
  themes = $state<ThemeChoice[]>([]);
  preview = $state<ExportDocument | null>(null);
  progress = $state<ExportProgress | null>(null);
  result = $state<ExportResult | null>(null);
  error = $state<string | null>(null);
  #previewToken = 0;

  async open(brief: Brief | null): Promise<void> {
    this.error = null;
    this.result = null;
    try {
      const options = await api.exportDefaults();
      this.themes = (brief?.themes ?? []).map((theme) => ({
        id: theme.id,
        label: theme.title ? `${theme.label}: ${theme.title}` : theme.label,
        included: true,
      }));
      this.options = { ...options, themeIds: this.themes.map((t) => t.id) };
      await this.refresh();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  /** Re-composes the preview; a slower earlier answer never overwrites a newer one. */
  async refresh(): Promise<void> {
    if (!this.options) return;
    this.options.themeIds = this.themes.filter((t) => t.included).map((t) => t.id);
    const token = ++this.#previewToken;
    try {
      const preview = await api.exportPreview($state.snapshot(this.options));
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
    void this.refresh();
  }

  toggleClaim(claimId: string, included: boolean): void {
    if (!this.options) return;
    const others = this.options.excludedClaimIds.filter((id) => id !== claimId);
    this.options.excludedClaimIds = included ? others : [...others, claimId];
    void this.refresh();
  }

  async export(format: ExportFormat): Promise<void> {
    if (!this.options || this.progress) return;
    this.error = null;
    this.result = null;
    this.progress = { stage: 'composing', percent: 0 };
    const stop = api.onExportProgress((progress) => (this.progress = progress));
    try {
      this.result = await api.exportRun(format, $state.snapshot(this.options));
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      stop();
      this.progress = null;
    }
  }
}
