import type { Locator, Page } from '@playwright/test';
import { SidePanel } from './side-panel.ts';

/** The Judgments tab: the bottom line and the key judgments with their evidence. */
export class JudgmentsPanel extends SidePanel {
  readonly bottomLine = this.root.getByRole('region', { name: 'Bottom line' });
  readonly judgments = this.root.getByRole('listitem', { name: /^Key judgment \d+$/ });

  constructor(page: Page) {
    super(page, 'Judgments');
  }

  /** The n-th key judgment's card (from 1). */
  judgment(n: number): Locator {
    return this.root.getByRole('listitem', { name: `Key judgment ${n}`, exact: true });
  }

  async writeBottomLine(text: string): Promise<void> {
    await this.bottomLine.getByRole('button', { name: /Write the bottom line|Edit bottom line/ }).click();
    await this.bottomLine.getByRole('textbox', { name: 'Bottom line' }).fill(text);
    await this.bottomLine.getByRole('button', { name: 'Save' }).click();
  }

  /** Adds a key judgment with a likelihood ("likely") and a confidence ("moderate"), as the form's selects name them. */
  async addJudgment(text: string, likelihood?: RegExp, confidence?: string): Promise<void> {
    await this.root.getByRole('button', { name: 'New key judgment' }).click();
    const form = this.root.getByRole('form', { name: 'New key judgment' });
    await form.getByRole('textbox', { name: 'Key judgment' }).fill(text);
    if (likelihood)
      await form
        .getByRole('combobox', { name: 'Likelihood' })
        .selectOption({ label: await this.optionLabel(form, 'Likelihood', likelihood) });
    if (confidence) await form.getByRole('combobox', { name: 'Confidence' }).selectOption({ label: confidence });
    await form.getByRole('button', { name: 'Save' }).click();
  }

  /** Links a claim ("2.1") to the n-th judgment as supporting or cutting against it. */
  async linkClaim(n: number, claimNumber: string, stance: 'Supports' | 'Cuts against' = 'Supports'): Promise<void> {
    const card = this.judgment(n);
    await card.getByRole('button', { name: `Link evidence to KJ${n}` }).click();
    const form = card.getByRole('form', { name: `Link evidence to KJ${n}` });
    await form
      .getByRole('combobox', { name: 'Claim' })
      .selectOption({ label: await this.optionLabel(form, 'Claim', new RegExp(`^Claim ${claimNumber.replace('.', '\\.')}:`)) });
    await form.getByRole('radio', { name: stance }).check();
    await form.getByRole('button', { name: 'Link' }).click();
  }

  private async optionLabel(form: Locator, select: string, pattern: RegExp): Promise<string> {
    const labels = await form.getByRole('combobox', { name: select }).locator('option').allInnerTexts();
    const label = labels.find((text) => pattern.test(text));
    if (!label) throw new Error(`No ${select} option matches ${pattern}`);
    return label;
  }
}
