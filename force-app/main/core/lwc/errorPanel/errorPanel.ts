import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/errorMessages';
import ERROR from '@salesforce/label/c.Core_Error_Icon';
import DEFAULT_MESSAGE from '@salesforce/label/c.Core_Error_Default';

/** Shows the sentences of an error in the SLDS error style, announced to screen readers. */
export default class ErrorPanel extends LightningElement {
  /** The error(s) to show: anything a wire, Apex call or UI API request produced. */
  @api errors: unknown;
  /** A short title above the sentences. */
  @api friendlyMessage = DEFAULT_MESSAGE;
  labels = { error: ERROR };

  get messages(): string[] {
    return reduceErrors(this.errors);
  }

  get hasMessages(): boolean {
    return this.messages.length > 0;
  }
}
