import type { Locator, Page } from '@playwright/test';
import { sidePanelTab } from './side-panel.ts';

/** The form that adds a value to an indicator; each refusal is named at its field. */
export class NewValueForm {
  readonly root: Locator;
  readonly value: Locator;
  readonly asOf: Locator;
  readonly statedAs: Locator;
  readonly error: Locator;

  constructor(card: Locator) {
    this.root = card.getByRole('form', { name: 'New value' });
    this.value = this.root.getByRole('textbox', { name: 'Value' });
    this.asOf = this.root.getByRole('textbox', { name: /As of/ });
    this.statedAs = this.root.getByRole('combobox', { name: 'Stated as' });
    this.error = this.root.getByRole('alert');
  }

  async submit(): Promise<void> {
    await this.root.getByRole('button', { name: 'Add value', exact: true }).click();
  }
}

/** One indicator's card: its latest value, history and chart, the claim it comes from, its tools. */
export class IndicatorCard {
  readonly value: Locator;
  readonly history: Locator;
  readonly chart: Locator;
  readonly chartCaption: Locator;
  readonly newValueForm: NewValueForm;
  readonly root: Locator;
  private readonly name: string | undefined;

  /** `name`, when known, is the indicator's whole name, as its buttons say it. */
  constructor(root: Locator, name?: string) {
    this.root = root;
    this.name = name;
    this.value = root.getByTestId('indicator-value');
    this.history = root.getByRole('list', { name: 'History' }).getByRole('listitem');
    this.chart = root.locator('figure.chart');
    this.chartCaption = this.chart.locator('figcaption');
    this.newValueForm = new NewValueForm(root);
  }

  /** The button that goes to the claim the indicator comes from ("2.3"); any such button without a number. */
  linkToClaim(number?: string): Locator {
    return this.root.getByRole('button', { name: number ? `From claim ${number}` : /From claim \d\.\d/ });
  }

  /** Words shown on the card (a date: /2025-11-09/). */
  says(text: string | RegExp): Locator {
    return this.root.getByText(text);
  }

  async startAddingValue(): Promise<NewValueForm> {
    await this.root.getByRole('button', { name: this.name ? `Add value to ${this.name}` : /Add value to/ }).click();
    return this.newValueForm;
  }

  /** Adds a value (as the form takes it: "1,350"), with today's date. */
  async addValue(value: string): Promise<void> {
    const form = await this.startAddingValue();
    await form.value.fill(value);
    await form.submit();
  }
}

/** The Indicators tab of the side panel: one card per indicator. */
export class IndicatorsPanel {
  readonly root: Locator;
  readonly tab: Locator;
  readonly heading: Locator;
  /** Every indicator's card. */
  readonly cards: Locator;

  private readonly page: Page;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByRole('complementary', { name: /Indicators/ });
    this.tab = sidePanelTab(page, 'Indicators');
    this.heading = this.root.getByRole('heading', { name: /Indicators/ });
    this.cards = this.root.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
  }

  /** An indicator's card by its name, as the card is named. */
  indicator(name: string): IndicatorCard {
    return new IndicatorCard(this.root.getByRole('listitem', { name }), name);
  }

  /** The cards whose heading matches. */
  indicatorTitled(heading: RegExp): IndicatorCard {
    return new IndicatorCard(this.cards.filter({ has: this.page.getByRole('heading', { name: heading }) }));
  }

  /** Words shown in the panel ("No indicators yet"). */
  says(text: RegExp): Locator {
    return this.root.getByText(text);
  }
}
