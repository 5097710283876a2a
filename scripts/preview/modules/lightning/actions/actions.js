// lightning/actions for the preview: the quick-action close event (the shell closes its panel).
export class CloseActionScreenEvent extends CustomEvent {
  constructor() {
    super('close', { bubbles: true, composed: true });
  }
}
