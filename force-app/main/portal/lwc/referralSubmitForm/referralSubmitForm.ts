import { LightningElement } from 'lwc';
import submitReferral from '@salesforce/apex/PortalController.submitReferral';
import { normaliseEmail } from 'c/referralEngine';
import {
  LIMITS,
  cleanedDetails,
  emptyDetails,
  explainScreening,
  referralProblem,
  type ReferralDetails,
  type SubmissionView
} from 'c/portalModel';

export const CONSENT_MESSAGE =
  'Confirm that the person agreed to be contacted: we only contact people who said yes.';
export const ALREADY_SENT_MESSAGE =
  'You already referred this email address a moment ago; check My Referrals before sending it again.';

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
    if (verdict === 'ACCEPT') return 'Thank you, your referral was accepted';
    if (verdict === 'REVIEW') return 'Thank you, your referral will be reviewed';
    if (verdict === 'REJECT') return 'Your referral was recorded but cannot count';
    return 'Thank you, your referral was received';
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
