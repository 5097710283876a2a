// lightning/platformShowToastEvent for the preview: the event the platform's toast container
// listens for; the preview shell shows it as an SLDS toast.
export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super('lightning__showtoast', {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: toast
    });
  }
}
