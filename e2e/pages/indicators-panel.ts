import type { Locator, Page } from '@playwright/test';
import { PartObject } from './page-object.ts';
import { SidePanel } from './side-panel.ts';

/** The form that adds a value to an indicator; each refusal is named at its field. */
export class NewValueForm extends PartObject {
  readonly value = this.root.getByRole('textbox', { name: 'Value' });
  readonly asOf = this.root.getByRole('textbox', { name: /As of/ });
  readonly statedAs = this.root.getByRole('combobox', { name: 'Stated as' });
  readonly error = this.root.getByRole('alert');

  constructor(card: Locator) {
    super(card.getByRole('form', { name: 'New value' }));
  }

  async submit(): Promise<void> {
    await this.root.getByRole('button', { name: 'Add value', exact: true }).click();
  }
}

/** One indicator's card: its latest value, history and chart, the claim it comes from, its tools. */
export class IndicatorCard extends PartObject {
  readonly value = this.root.getByTestId('indicator-value');
  readonly history = this.root.getByRole('list', { name: 'History' }).getByRole('listitem');
  readonly chart = this.root.locator('figure.chart');
  readonly chartCaption = this.chart.locator('figcaption');
  readonly newValueForm = new NewValueForm(this.root);
  private readonly name: string | undefined;

  /** `name`, when known, is the indicator's whole name, as its buttons say it. */
  constructor(root: Locator, name?: string) {
    super(root);
    this.name = name;
  }

  /** The button that goes to the claim the indicator comes from ("2.3"); any such button without a number. */
  linkToClaim(number?: string): Locator {
    return this.root.getByRole('button', { name: number ? `From claim ${number}` : /From claim \d+\.\d+/ });
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
export class IndicatorsPanel extends SidePanel {
  /** Every indicator's card. */
  readonly cards = this.items.filter({ has: this.page.getByRole('heading', { level: 3 }) });

  constructor(page: Page) {
    super(page, 'Indicators');
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
