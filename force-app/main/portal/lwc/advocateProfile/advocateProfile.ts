import { LightningElement } from 'lwc';
import getMyAdvocate from '@salesforce/apex/PortalController.getMyAdvocate';
import updateEmailPreferences from '@salesforce/apex/PortalController.updateEmailPreferences';
import requestTaxFormReview from '@salesforce/apex/PortalController.requestTaxFormReview';
import setLeaderboardOptIn from '@salesforce/apex/AdvocateProgressController.setLeaderboardOptIn';
import type { AdvocateView } from 'c/portalModel';
import { formatLabel } from 'c/localization';
import TITLE from '@salesforce/label/c.Portal_Profile_Title';
import LOADING from '@salesforce/label/c.Portal_Profile_Loading';
import LOAD_FAILED from '@salesforce/label/c.Portal_Profile_Load_Failed';
import TAX_FORM from '@salesforce/label/c.Portal_Profile_Tax_Form';
import FORM_TYPE from '@salesforce/label/c.Portal_Profile_Form_Type';
import CHOOSE_FORM from '@salesforce/label/c.Portal_Profile_Choose_Form';
import UPLOAD from '@salesforce/label/c.Portal_Profile_Upload';
import EMAIL_PREFERENCES from '@salesforce/label/c.Portal_Profile_Email_Preferences';
import EMAILS_TOGGLE from '@salesforce/label/c.Portal_Profile_Emails_Toggle';
import ON from '@salesforce/label/c.Portal_Profile_On';
import OFF from '@salesforce/label/c.Portal_Profile_Off';
import SAVE_FAILED from '@salesforce/label/c.Portal_Profile_Save_Failed';
import FORM_W9 from '@salesforce/label/c.Portal_Profile_Form_W9';
import FORM_W8BEN from '@salesforce/label/c.Portal_Profile_Form_W8BEN';
import FORM_W8BENE from '@salesforce/label/c.Portal_Profile_Form_W8BENE';
import CHOOSE_FORM_FIRST from '@salesforce/label/c.Portal_Profile_Choose_Form_First';
import TAX_NONE from '@salesforce/label/c.Portal_Profile_Tax_None';
import TAX_ON_FILE from '@salesforce/label/c.Portal_Profile_Tax_On_File';
import EMAILS_OFF from '@salesforce/label/c.Portal_Profile_Emails_Off';
import EMAILS_ON from '@salesforce/label/c.Portal_Profile_Emails_On';
import LEADERBOARD from '@salesforce/label/c.Portal_Profile_Leaderboard';
import LEADERBOARD_TOGGLE from '@salesforce/label/c.Portal_Profile_Leaderboard_Toggle';
import LEADERBOARD_HELP from '@salesforce/label/c.Portal_Profile_Leaderboard_Help';
import LEADERBOARD_ON from '@salesforce/label/c.Portal_Profile_Leaderboard_On';
import LEADERBOARD_OFF from '@salesforce/label/c.Portal_Profile_Leaderboard_Off';

export const FORM_OPTIONS = [
  { label: FORM_W9, value: 'W-9' },
  { label: FORM_W8BEN, value: 'W-8BEN' },
  { label: FORM_W8BENE, value: 'W-8BEN-E' }
];
export const CHOOSE_FORM_MESSAGE = CHOOSE_FORM_FIRST;

/** The tax forms the advocate can have on file (Advocate__c.Tax_Form_Status__c). */
const TAX_FORMS = new Set(['W-9', 'W-8BEN', 'W-8BEN-E']);

/** Portal: tax form status and upload for review, email preferences and the leaderboard choice. */
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
  labels = {
    title: TITLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    taxForm: TAX_FORM,
    formType: FORM_TYPE,
    chooseForm: CHOOSE_FORM,
    upload: UPLOAD,
    emailPreferences: EMAIL_PREFERENCES,
    emailsToggle: EMAILS_TOGGLE,
    on: ON,
    off: OFF,
    saveFailed: SAVE_FAILED,
    leaderboard: LEADERBOARD,
    leaderboardToggle: LEADERBOARD_TOGGLE,
    leaderboardHelp: LEADERBOARD_HELP
  };

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
    // labels-gate: not text (Tax_Form_Status__c API value)
    const status = this.advocate?.taxFormStatus ?? 'None';
    if (TAX_FORMS.has(status)) return formatLabel(TAX_ON_FILE, status);
    return status === 'None' ? TAX_NONE : status;
  }

  get receivesEmails(): boolean {
    return this.advocate?.emailOptOut !== true;
  }

  get onLeaderboard(): boolean {
    return this.advocate?.leaderboardOptIn === true;
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
      this.message = this.advocate.emailOptOut ? EMAILS_OFF : EMAILS_ON;
    } catch (error) {
      this.saveError = error;
    }
  }

  async handleLeaderboard(event: CustomEvent<{ checked: boolean }>): Promise<void> {
    this.saveError = undefined;
    this.message = null;
    try {
      this.advocate = (await setLeaderboardOptIn({
        optIn: event.detail.checked === true
      })) as AdvocateView;
      this.message = this.advocate.leaderboardOptIn ? LEADERBOARD_ON : LEADERBOARD_OFF;
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
