import { LightningElement, api, wire } from 'lwc';
import ACCOUNT from '@salesforce/schema/Account';
import CONTACT from '@salesforce/schema/Contact';
import ADVOCATE from '@salesforce/schema/Advocate__c';
import ADVOCATE_ACCOUNT from '@salesforce/schema/Advocate__c.Account__c';
import ADVOCATE_EMAIL from '@salesforce/schema/Advocate__c.Email__c';
import ADVOCATE_STATUS from '@salesforce/schema/Advocate__c.Status__c';
import REFERRAL from '@salesforce/schema/Referral__c';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
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
import TITLE from '@salesforce/label/c.Referrals_Verbal_Title';
import LOADING from '@salesforce/label/c.Referrals_Verbal_Loading';
import FORM_FAILED from '@salesforce/label/c.Referrals_Verbal_Form_Failed';
import OPEN from '@salesforce/label/c.Referrals_Verbal_Open';
import ANOTHER from '@salesforce/label/c.Referrals_Verbal_Another';
import ADVOCATE_LABEL from '@salesforce/label/c.Referrals_Verbal_Advocate';
import ADVOCATE_SEARCH from '@salesforce/label/c.Referrals_Verbal_Advocate_Search';
import ADVOCATE_HELP from '@salesforce/label/c.Referrals_Verbal_Advocate_Help';
import REFERRED_PERSON from '@salesforce/label/c.Referrals_Verbal_Referred_Person';
import FIRST_NAME from '@salesforce/label/c.Referrals_Verbal_First_Name';
import LAST_NAME from '@salesforce/label/c.Referrals_Verbal_Last_Name';
import EMAIL from '@salesforce/label/c.Referrals_Verbal_Email';
import PHONE from '@salesforce/label/c.Referrals_Verbal_Phone';
import COMPANY from '@salesforce/label/c.Referrals_Verbal_Company';
import NOTES from '@salesforce/label/c.Referrals_Verbal_Notes';
import EMAIL_MISMATCH from '@salesforce/label/c.Referrals_Verbal_Email_Mismatch';
import EMAIL_HELP from '@salesforce/label/c.Referrals_Verbal_Email_Help';
import CONSENT from '@salesforce/label/c.Referrals_Verbal_Consent';
import CHECK from '@salesforce/label/c.Referrals_Verbal_Check';
import CHECK_TITLE from '@salesforce/label/c.Referrals_Verbal_Check_Title';
import CHECKING from '@salesforce/label/c.Referrals_Verbal_Checking';
import SCREENING_FAILED from '@salesforce/label/c.Referrals_Verbal_Screening_Failed';
import NOT_SAVED from '@salesforce/label/c.Referrals_Verbal_Not_Saved';
import CANCEL from '@salesforce/label/c.Referrals_Verbal_Cancel';
import SAVE from '@salesforce/label/c.Referrals_Verbal_Save';
import SAVING from '@salesforce/label/c.Referrals_Verbal_Saving';
import WRONG_PAGE from '@salesforce/label/c.Referrals_Verbal_Wrong_Page';
import ADVOCATE_REQUIRED from '@salesforce/label/c.Referrals_Verbal_Advocate_Required';
import LAST_NAME_REQUIRED from '@salesforce/label/c.Referrals_Verbal_Last_Name_Required';
import EMAIL_REQUIRED from '@salesforce/label/c.Referrals_Verbal_Email_Required';
import EMAIL_FORMAT from '@salesforce/label/c.Referrals_Verbal_Email_Format';
import FIX_FIELDS from '@salesforce/label/c.Referrals_Verbal_Fix_Fields';
import VERDICT_ACCEPT from '@salesforce/label/c.Referrals_Verbal_Verdict_Accept';
import VERDICT_REVIEW from '@salesforce/label/c.Referrals_Verbal_Verdict_Review';
import VERDICT_REJECT from '@salesforce/label/c.Referrals_Verbal_Verdict_Reject';
import LOGGED from '@salesforce/label/c.Referrals_Verbal_Logged';

export const WRONG_PAGE_MESSAGE = WRONG_PAGE;
export const ADVOCATE_REQUIRED_MESSAGE = ADVOCATE_REQUIRED;
export const LAST_NAME_REQUIRED_MESSAGE = LAST_NAME_REQUIRED;
export const EMAIL_REQUIRED_MESSAGE = EMAIL_REQUIRED;
export const EMAIL_FORMAT_MESSAGE = EMAIL_FORMAT;
export const FIX_FIELDS_MESSAGE = FIX_FIELDS;

/** One @, a non-empty local part, no spaces, a domain with a dot (RULES.md screen has the full rule). */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

// API names from the schema, fields included: they carry the namespace prefix once installed
const SUPPORTED_OBJECTS = [CONTACT.objectApiName, ACCOUNT.objectApiName];

type Navigator = {
  [NavigationMixin.Navigate](pageReference: PageReference): void;
  [NavigationMixin.GenerateUrl](pageReference: PageReference): Promise<string>;
};

const VERDICT_LABELS: Record<string, string> = {
  ACCEPT: VERDICT_ACCEPT,
  REVIEW: VERDICT_REVIEW,
  REJECT: VERDICT_REJECT
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
export default class LogVerbalReferral extends NavigationMixin(LightningElement) {
  labels = {
    title: TITLE,
    loading: LOADING,
    formFailed: FORM_FAILED,
    open: OPEN,
    another: ANOTHER,
    advocate: ADVOCATE_LABEL,
    advocateSearch: ADVOCATE_SEARCH,
    advocateHelp: ADVOCATE_HELP,
    referredPerson: REFERRED_PERSON,
    firstName: FIRST_NAME,
    lastName: LAST_NAME,
    lastNameRequired: LAST_NAME_REQUIRED,
    email: EMAIL,
    emailRequired: EMAIL_REQUIRED,
    emailMismatch: EMAIL_MISMATCH,
    emailHelp: EMAIL_HELP,
    phone: PHONE,
    company: COMPANY,
    notes: NOTES,
    consent: CONSENT,
    check: CHECK,
    checkTitle: CHECK_TITLE,
    checking: CHECKING,
    screeningFailed: SCREENING_FAILED,
    notSaved: NOT_SAVED,
    cancel: CANCEL,
    save: SAVE,
    saving: SAVING
  };

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
  /** The new referral's record page URL, generated by the navigation service. */
  savedUrl = '';

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
      { fieldPath: ADVOCATE_STATUS.fieldApiName, operator: 'eq', value: 'Active' }
    ];
    if (this.context?.contextObject === ACCOUNT.objectApiName && this.recordId) {
      criteria.push({
        fieldPath: ADVOCATE_ACCOUNT.fieldApiName,
        operator: 'eq',
        value: this.recordId
      });
    }
    return { criteria };
  }

  get advocateDisplayInfo(): unknown {
    return { primaryField: 'Name', additionalFields: [ADVOCATE_EMAIL.fieldApiName] };
  }

  get advocateMatchingInfo(): unknown {
    return {
      primaryField: { fieldPath: 'Name' },
      additionalFields: [{ fieldPath: ADVOCATE_EMAIL.fieldApiName }]
    };
  }

  get advocateObject(): string {
    return ADVOCATE.objectApiName;
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

  private get savedPage(): PageReference | null {
    const id = this.saved?.referralId;
    return id
      ? {
          type: 'standard__recordPage',
          attributes: { recordId: id, objectApiName: REFERRAL.objectApiName, actionName: 'view' }
        }
      : null;
  }

  private async generateSavedUrl(): Promise<void> {
    const page = this.savedPage;
    this.savedUrl = page
      ? await (this as unknown as Navigator)[NavigationMixin.GenerateUrl](page)
      : '';
  }

  /** Opens the new referral in place (a console subtab in a console app). */
  handleOpenSaved(event: Event): void {
    event.preventDefault();
    const page = this.savedPage;
    if (page) (this as unknown as Navigator)[NavigationMixin.Navigate](page);
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
      this.generateSavedUrl().catch(() => undefined);
      this.dispatchEvent(
        new ShowToastEvent({
          title: LOGGED,
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
    this.savedUrl = '';
    this.preview = undefined;
    this.saveError = undefined;
    this.previewError = undefined;
  }

  handleCancel(): void {
    this.dispatchEvent(new CloseActionScreenEvent());
  }
}
