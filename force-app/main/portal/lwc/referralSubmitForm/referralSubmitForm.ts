import { LightningElement } from 'lwc';
import submitReferral from '@salesforce/apex/PortalController.submitReferral';
import { normaliseEmail } from 'c/referralEngine';
import TITLE from '@salesforce/label/c.Portal_Refer_Title';
import ANOTHER from '@salesforce/label/c.Portal_Refer_Another';
import INTRO from '@salesforce/label/c.Portal_Refer_Intro';
import NOTES from '@salesforce/label/c.Portal_Refer_Notes';
import CONSENT from '@salesforce/label/c.Portal_Refer_Consent';
import SEND_FAILED from '@salesforce/label/c.Portal_Refer_Send_Failed';
import SENDING from '@salesforce/label/c.Portal_Refer_Sending';
import SEND from '@salesforce/label/c.Portal_Refer_Send';
import CONSENT_REQUIRED from '@salesforce/label/c.Portal_Refer_Consent_Required';
import ALREADY_SENT from '@salesforce/label/c.Portal_Refer_Already_Sent';
import RESULT_ACCEPTED from '@salesforce/label/c.Portal_Refer_Result_Accepted';
import RESULT_REVIEW from '@salesforce/label/c.Portal_Refer_Result_Review';
import RESULT_REJECTED from '@salesforce/label/c.Portal_Refer_Result_Rejected';
import RESULT_RECEIVED from '@salesforce/label/c.Portal_Refer_Result_Received';
import {
  FIELD_LABELS,
  LIMITS,
  cleanedDetails,
  emptyDetails,
  explainScreening,
  referralProblem,
  type ReferralDetails,
  type SubmissionView
} from 'c/portalModel';

export const CONSENT_MESSAGE = CONSENT_REQUIRED;
export const ALREADY_SENT_MESSAGE = ALREADY_SENT;

type FieldName = keyof ReferralDetails;

/**
 * Portal form to refer someone: checks the fields in the browser, submits through
 * PortalController.submitReferral (channel Portal) and explains the screening result in plain words.
 */
export default class ReferralSubmitForm extends LightningElement {
  form: ReferralDetails = emptyDetails();
  problem: string | null = null;
  saving = false;
  error?: unknown;
  result?: SubmissionView;
  limits = LIMITS;
  fields = FIELD_LABELS;
  labels = {
    title: TITLE,
    another: ANOTHER,
    intro: INTRO,
    notes: NOTES,
    consent: CONSENT,
    sendFailed: SEND_FAILED,
    sending: SENDING,
    send: SEND
  };
  private sent = new Set<string>();

  get hasResult(): boolean {
    return this.result !== undefined;
  }

  get explanation(): string {
    return this.result ? explainScreening(this.result.verdict, this.result.reason) : '';
  }

  get resultClass(): string {
    const verdict = this.result?.verdict;
    const theme = verdict === 'ACCEPT' ? 'success' : verdict === 'REJECT' ? 'warning' : 'info';
    return `slds-notify slds-notify_alert slds-alert_${theme}`;
  }

  get resultTitle(): string {
    const verdict = this.result?.verdict;
    if (verdict === 'ACCEPT') return RESULT_ACCEPTED;
    if (verdict === 'REVIEW') return RESULT_REVIEW;
    if (verdict === 'REJECT') return RESULT_REJECTED;
    return RESULT_RECEIVED;
  }

  handleChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    const name = (event.target as HTMLElement).dataset.field as FieldName;
    const value = name === 'consent' ? event.detail.checked === true : (event.detail.value ?? '');
    this.form = { ...this.form, [name]: value };
    this.problem = null;
  }

  async handleSubmit(event?: Event): Promise<void> {
    event?.preventDefault();
    this.error = undefined;
    const problem = referralProblem(this.form) ?? (this.form.consent ? null : CONSENT_MESSAGE);
    const key = normaliseEmail(this.form.email ?? '');
    this.problem = problem ?? (this.sent.has(key) ? ALREADY_SENT_MESSAGE : null);
    if (this.problem) return;
    this.saving = true;
    try {
      this.result = (await submitReferral({
        details: cleanedDetails(this.form)
      })) as SubmissionView;
      this.sent.add(key);
      this.form = emptyDetails();
    } catch (error) {
      this.error = error;
    } finally {
      this.saving = false;
    }
  }

  handleAnother(): void {
    this.result = undefined;
  }
}
