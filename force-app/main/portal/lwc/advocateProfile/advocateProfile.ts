import { LightningElement } from 'lwc';
import getMyAdvocate from '@salesforce/apex/PortalController.getMyAdvocate';
import updateEmailPreferences from '@salesforce/apex/PortalController.updateEmailPreferences';
import requestTaxFormReview from '@salesforce/apex/PortalController.requestTaxFormReview';
import type { AdvocateView } from 'c/portalModel';

export const FORM_OPTIONS = [
  { label: 'W-9 (US persons)', value: 'W-9' },
  { label: 'W-8BEN (individuals outside the US)', value: 'W-8BEN' },
  { label: 'W-8BEN-E (companies outside the US)', value: 'W-8BEN-E' }
];
export const CHOOSE_FORM_MESSAGE = 'Choose which form you are uploading first.';

const TAX_STATUS_TEXT: Record<string, string> = {
  None: 'We have no tax form from you yet. Cash rewards may be held until we receive one.',
  'W-9': 'We have your W-9 on file.',
  'W-8BEN': 'We have your W-8BEN on file.',
  'W-8BEN-E': 'We have your W-8BEN-E on file.'
};

/** Portal: tax form status and upload for review, and email preferences. */
export default class AdvocateProfile extends LightningElement {
  advocate?: AdvocateView;
  loading = true;
  error?: unknown;
  saveError?: unknown;
  formType: string | null = null;
  message: string | null = null;
  problem: string | null = null;
  formOptions = FORM_OPTIONS;
  acceptedFormats = ['.pdf', '.png', '.jpg', '.jpeg'];

  override connectedCallback(): void {
    this.load();
  }

  async load(): Promise<void> {
    try {
      this.advocate = (await getMyAdvocate()) as AdvocateView;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  get hasAdvocate(): boolean {
    return this.advocate !== undefined;
  }

  get taxStatusText(): string {
    const status = this.advocate?.taxFormStatus ?? 'None';
    return TAX_STATUS_TEXT[status] ?? status;
  }

  get receivesEmails(): boolean {
    return this.advocate?.emailOptOut !== true;
  }

  get uploadDisabled(): boolean {
    return !this.formType;
  }

  handleFormType(event: CustomEvent<{ value: string }>): void {
    this.formType = event.detail.value;
    this.problem = null;
  }

  async handleEmails(event: CustomEvent<{ checked: boolean }>): Promise<void> {
    this.saveError = undefined;
    this.message = null;
    try {
      this.advocate = (await updateEmailPreferences({
        optOut: !event.detail.checked
      })) as AdvocateView;
      this.message = this.advocate.emailOptOut
        ? 'You will no longer receive program emails.'
        : 'You will receive program emails again.';
    } catch (error) {
      this.saveError = error;
    }
  }

  async handleUploadFinished(): Promise<void> {
    if (!this.formType) {
      this.problem = CHOOSE_FORM_MESSAGE;
      return;
    }
    this.saveError = undefined;
    try {
      this.message = (await requestTaxFormReview({ formType: this.formType })) as string;
    } catch (error) {
      this.saveError = error;
    }
  }
}
