import type { Locator, Page } from '@playwright/test';
import { PartObject } from './page-object.ts';
import { SidePanel } from './side-panel.ts';

/** What the Accept form takes; each field left out keeps the form's suggestion. */
export interface FigureFields {
  name?: string;
  value?: string;
  unit?: string;
  asOf?: string;
}

/** The form Accept… opens under a figure: an indicator made from it, prefilled for the analyst to edit. */
export class AcceptFigureForm extends PartObject {
  readonly name = this.root.getByRole('textbox', { name: 'Indicator name' });
  readonly value = this.root.getByRole('textbox', { name: 'Value' });
  readonly unit = this.root.getByRole('textbox', { name: 'Unit' });
  readonly asOf = this.root.getByRole('textbox', { name: /As of/ });
  readonly statedAs = this.root.getByRole('combobox', { name: 'Stated as' });
}

/** The Figures tab: figures the claims state, offered as indicators, by claim. */
export class FiguresPanel extends SidePanel {
  /** Every figure still offered, as its quote in the claim's words. */
  readonly quotes = this.root.getByTestId('figure-quote');
  readonly kinds = this.root.getByTestId('figure-kind');
  readonly allAnswered = this.root.getByText('Every figure has been taken or dismissed.');

  constructor(page: Page) {
    super(page, 'Figures');
  }

  /** The group of figures of one claim ("5.1"). */
  claim(number: string): Locator {
    return this.root.getByRole('listitem', { name: `Claim ${number}`, exact: true });
  }

  /** Opens the Accept form of the figure quoting these words. */
  async startAccepting(quote: string): Promise<AcceptFigureForm> {
    await this.root.getByRole('button', { name: `Accept… “${quote}”`, exact: true }).click();
    return new AcceptFigureForm(this.root.getByRole('form', { name: `New indicator from “${quote}”` }));
  }

  /** Accepts a figure as an indicator, changing the fields given. */
  async accept(quote: string, fields: FigureFields = {}): Promise<void> {
    const form = await this.startAccepting(quote);
    for (const [field, value] of Object.entries(fields) as [keyof FigureFields, string][]) await form[field].fill(value);
    await form.root.getByRole('button', { name: 'Add indicator' }).click();
  }

  async dismiss(quote: string): Promise<void> {
    await this.root.getByRole('button', { name: `Dismiss “${quote}”`, exact: true }).click();
  }
}
