import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/errorMessages';

/** Shows the sentences of an error in the SLDS error style, announced to screen readers. */
export default class ErrorPanel extends LightningElement {
  /** The error(s) to show: anything a wire, Apex call or UI API request produced. */
  @api errors: unknown;
  /** A short title above the sentences. */
  @api friendlyMessage = 'This component could not load its data.';

  get messages(): string[] {
    return reduceErrors(this.errors);
  }

  get hasMessages(): boolean {
    return this.messages.length > 0;
  }
}
