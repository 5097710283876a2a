import { LightningElement, api, wire } from 'lwc';
import getContext from '@salesforce/apex/VerbalReferralController.getContext';
import previewScreening from '@salesforce/apex/VerbalReferralController.previewScreening';
import submit from '@salesforce/apex/VerbalReferralController.submit';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { CloseActionScreenEvent } from 'lightning/actions';
import type {
  ScreeningPreview,
  VerbalReferralContext,
  VerbalReferralInput,
  VerbalSubmissionResult
} from 'c/referralDtos';

export const WRONG_PAGE_MESSAGE =
  'Log a verbal referral from a Contact or an Account, or from the utility bar.';
export const ADVOCATE_REQUIRED_MESSAGE = 'Choose the advocate who made the referral.';
export const LAST_NAME_REQUIRED_MESSAGE = "Enter the referred person's last name.";
export const EMAIL_REQUIRED_MESSAGE = "Enter the referred person's email.";
export const EMAIL_FORMAT_MESSAGE = 'Enter the email as an address such as name@company.com.';
export const FIX_FIELDS_MESSAGE = 'Correct the fields marked in red, then try again.';

/** One @, a non-empty local part, no spaces, a domain with a dot (RULES.md screen has the full rule). */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

const SUPPORTED_OBJECTS = ['Contact', 'Account'];

const VERDICT_LABELS: Record<string, string> = {
  ACCEPT: 'Accepted',
  REVIEW: 'Goes to review',
  REJECT: 'Would be rejected'
};

type Validatable = HTMLElement & {
  name?: string;
  value?: unknown;
  checked?: boolean;
  reportValidity?: () => boolean;
  checkValidity?: () => boolean;
};

function emptyForm(): VerbalReferralInput {
  return {
    advocateId: '',
    firstName: null,
    lastName: '',
    email: null,
    phone: null,
    company: null,
    notes: null,
    consentGiven: false
  };
}

/**
 * Logs a referral a customer made in conversation: pick the advocate, enter the referred person,
 * see the screening verdict before saving, save through the submission service (source Verbal).
 * Runs as a quick action on Contact and Account and in the utility bar.
 */
export default class LogVerbalReferral extends LightningElement {
  @api recordId?: string;
  @api objectApiName?: string;

  context?: VerbalReferralContext;
  contextError?: unknown;
  contextLoaded = false;
  form: VerbalReferralInput = emptyForm();
  advocateError: string | null = null;
  formError: string | null = null;
  preview?: ScreeningPreview;
  previewError?: unknown;
  checking = false;
  saving = false;
  saveError?: unknown;
  saved?: VerbalSubmissionResult;

  @wire(getContext, { recordId: '$contextRecordId' })
  wiredContext(result: { data?: VerbalReferralContext; error?: unknown }): void {
    if (result.data) {
      this.context = result.data;
      this.contextError = undefined;
      this.contextLoaded = true;
      if (!this.form.advocateId && result.data.defaultAdvocateId) {
        this.form = { ...this.form, advocateId: result.data.defaultAdvocateId };
      }
    } else if (result.error) {
      this.contextError = result.error;
      this.context = undefined;
      this.contextLoaded = true;
    }
  }

  /** The record id passed to getContext: null in the utility bar (no record), never undefined. */
  get contextRecordId(): string | null {
    return this.isWrongPage ? null : (this.recordId ?? null);
  }

  get isWrongPage(): boolean {
    return !!this.objectApiName && !SUPPORTED_OBJECTS.includes(this.objectApiName);
  }

  get wrongPageMessage(): string {
    return WRONG_PAGE_MESSAGE;
  }

  get isLoading(): boolean {
    return !this.isWrongPage && !this.contextLoaded;
  }

  get hasContextError(): boolean {
    return !this.isWrongPage && !!this.contextError;
  }

  get showForm(): boolean {
    return !this.isWrongPage && this.contextLoaded && !this.contextError;
  }

  get contextMessage(): string | null {
    return this.context?.message ?? null;
  }

  get advocateFilter(): unknown {
    const criteria: { fieldPath: string; operator: string; value: string }[] = [
      { fieldPath: 'Status__c', operator: 'eq', value: 'Active' }
    ];
    if (this.context?.contextObject === 'Account' && this.recordId) {
      criteria.push({ fieldPath: 'Account__c', operator: 'eq', value: this.recordId });
    }
    return { criteria };
  }

  get advocateDisplayInfo(): unknown {
    return { primaryField: 'Name', additionalFields: ['Email__c'] };
  }

  get advocateMatchingInfo(): unknown {
    return { primaryField: { fieldPath: 'Name' }, additionalFields: [{ fieldPath: 'Email__c' }] };
  }

  get hasPreview(): boolean {
    return !!this.preview;
  }

  get previewLabel(): string {
    return this.preview ? (VERDICT_LABELS[this.preview.verdict] ?? this.preview.verdict) : '';
  }

  get previewClass(): string {
    const verdict = this.preview?.verdict;
    const theme =
      verdict === 'ACCEPT'
        ? 'slds-theme_success'
        : verdict === 'REVIEW'
          ? 'slds-theme_warning'
          : 'slds-theme_error';
    return `slds-badge ${theme} verdict`;
  }

  get checkDisabled(): boolean {
    return this.checking || this.saving;
  }

  get saveDisabled(): boolean {
    return this.saving;
  }

  get isSaved(): boolean {
    return !!this.saved;
  }

  get savedMessage(): string {
    return this.saved?.message ?? '';
  }

  get savedUrl(): string {
    return this.saved?.referralId ? `/lightning/r/Referral__c/${this.saved.referralId}/view` : '';
  }

  handleAdvocateChange(event: CustomEvent<{ recordId?: string | null }>): void {
    this.form = { ...this.form, advocateId: event.detail?.recordId ?? '' };
    this.advocateError = null;
    this.preview = undefined;
  }

  handleFieldChange(event: Event): void {
    const target = event.target as Validatable;
    const name = target.name as keyof VerbalReferralInput | undefined;
    if (!name) return;
    const detail = (event as CustomEvent<{ value?: unknown; checked?: boolean }>).detail ?? {};
    if (name === 'consentGiven') {
      this.form = { ...this.form, consentGiven: !!(detail.checked ?? target.checked) };
      return;
    }
    const raw = detail.value ?? target.value;
    this.form = { ...this.form, [name]: raw === undefined || raw === null ? null : String(raw) };
    if (name === 'email') this.preview = undefined;
  }

  /** Checks every field in the browser; returns false (and shows why) when the form is not ready. */
  private validateForm(requireAll: boolean): boolean {
    const problems: string[] = [];
    if (!this.form.advocateId) {
      this.advocateError = ADVOCATE_REQUIRED_MESSAGE;
      problems.push(ADVOCATE_REQUIRED_MESSAGE);
    }
    const fields = [
      ...(this.template?.querySelectorAll('lightning-input, lightning-textarea') ?? [])
    ] as Validatable[];
    let fieldsValid = true;
    for (const field of fields) {
      if (!requireAll && field.name !== 'email') continue;
      // reportValidity shows each field's own message; it is false when the field is invalid.
      if (field.reportValidity && field.reportValidity() === false) fieldsValid = false;
    }
    if (requireAll && !this.form.lastName?.trim()) problems.push(LAST_NAME_REQUIRED_MESSAGE);
    const email = this.form.email?.trim() ?? '';
    if (!email) problems.push(EMAIL_REQUIRED_MESSAGE);
    else if (!EMAIL_PATTERN.test(email)) problems.push(EMAIL_FORMAT_MESSAGE);
    if (!fieldsValid && problems.length === 0) problems.push(FIX_FIELDS_MESSAGE);
    this.formError = problems.length > 0 ? problems.join(' ') : null;
    return problems.length === 0;
  }

  async handleCheck(): Promise<void> {
    this.previewError = undefined;
    if (!this.validateForm(false)) return;
    this.checking = true;
    try {
      this.preview = (await previewScreening({
        advocateId: this.form.advocateId,
        email: this.form.email
      })) as ScreeningPreview;
    } catch (e) {
      this.preview = undefined;
      this.previewError = e;
    } finally {
      this.checking = false;
    }
  }

  async handleSave(): Promise<void> {
    this.saveError = undefined;
    if (!this.validateForm(true)) return;
    this.saving = true;
    try {
      const result = (await submit({ input: { ...this.form } })) as VerbalSubmissionResult;
      this.saved = result;
      this.dispatchEvent(
        new ShowToastEvent({
          title: 'Referral logged',
          message: result.message,
          variant: result.verdict === 'REJECT' ? 'warning' : 'success'
        })
      );
      if (this.recordId) this.dispatchEvent(new CloseActionScreenEvent());
    } catch (e) {
      this.saveError = e;
    } finally {
      this.saving = false;
    }
  }

  handleNew(): void {
    const advocateId = this.context?.defaultAdvocateId ?? '';
    this.form = { ...emptyForm(), advocateId };
    this.saved = undefined;
    this.preview = undefined;
    this.saveError = undefined;
    this.previewError = undefined;
  }

  handleCancel(): void {
    this.dispatchEvent(new CloseActionScreenEvent());
  }
}
