import { LightningElement, wire } from 'lwc';
import { CurrentPageReference } from 'lightning/navigation';
import getInvitation from '@salesforce/apex/AdvocateJoinController.getInvitation';
import join from '@salesforce/apex/AdvocateJoinController.join';
import type { Invitation, JoinResult } from 'c/portalModel';
import { formatLabel } from 'c/localization';
import TITLE from '@salesforce/label/c.Portal_Join_Title';
import CHECKING from '@salesforce/label/c.Portal_Join_Checking';
import UNUSABLE from '@salesforce/label/c.Portal_Join_Unusable';
import USER_NAME from '@salesforce/label/c.Portal_Join_User_Name';
import TERMS from '@salesforce/label/c.Portal_Join_Terms';
import ACCEPT_TERMS from '@salesforce/label/c.Portal_Join_Accept_Terms';
import EMAIL_CONSENT from '@salesforce/label/c.Portal_Join_Email_Consent';
import PASSWORD from '@salesforce/label/c.Portal_Join_Password';
import PASSWORD_AGAIN from '@salesforce/label/c.Portal_Join_Password_Again';
import CREATING from '@salesforce/label/c.Portal_Join_Creating';
import JOIN from '@salesforce/label/c.Portal_Join_Button';
import NO_TOKEN from '@salesforce/label/c.Portal_Join_No_Token';
import TERMS_REQUIRED from '@salesforce/label/c.Portal_Join_Terms_Required';
import PASSWORD_LENGTH from '@salesforce/label/c.Portal_Join_Password_Length';
import PASSWORD_MATCH from '@salesforce/label/c.Portal_Join_Password_Match';
import WELCOME_NAME from '@salesforce/label/c.Portal_Join_Welcome_Name';
import WELCOME from '@salesforce/label/c.Portal_Join_Welcome';
import DEFAULT_PROGRAM from '@salesforce/label/c.Portal_Join_Default_Program';

export const NO_TOKEN_MESSAGE = NO_TOKEN;
export const TERMS_MESSAGE = TERMS_REQUIRED;
export const PASSWORD_LENGTH_MESSAGE = PASSWORD_LENGTH;
export const PASSWORD_MATCH_MESSAGE = PASSWORD_MATCH;

interface PageReference {
  state?: Record<string, string | undefined>;
}

/**
 * Public join page behind the invitation link (/join?token=...): shows the invitation, takes the
 * acceptance of terms, consent and a password, and creates the advocate's sign-in.
 */
export default class JoinProgram extends LightningElement {
  token: string | null = null;
  invitation?: Invitation;
  loading = false;
  joining = false;
  error?: unknown;
  problem: string | null = null;
  result?: JoinResult;
  password = '';
  confirmPassword = '';
  acceptTerms = false;
  consent = false;
  labels = {
    title: TITLE,
    checking: CHECKING,
    unusable: UNUSABLE,
    terms: TERMS,
    acceptTerms: ACCEPT_TERMS,
    emailConsent: EMAIL_CONSENT,
    password: PASSWORD,
    passwordAgain: PASSWORD_AGAIN,
    creating: CREATING,
    join: JOIN
  };
  @wire(CurrentPageReference)
  setPageReference(pageReference: PageReference | undefined): void {
    const token = pageReference?.state?.token?.trim() || null;
    if (token === this.token) return;
    this.token = token;
    this.loadInvitation();
  }

  get noToken(): boolean {
    return !this.loading && !this.token;
  }

  get noTokenMessage(): string {
    return NO_TOKEN_MESSAGE;
  }

  get showForm(): boolean {
    return !!this.invitation && !this.result;
  }

  get greeting(): string {
    const name = this.invitation?.firstName;
    const program = this.invitation?.programName ?? DEFAULT_PROGRAM;
    return name ? formatLabel(WELCOME_NAME, name, program) : formatLabel(WELCOME, program);
  }

  get userNameNote(): string {
    return formatLabel(USER_NAME, this.invitation?.maskedEmail ?? '');
  }

  async loadInvitation(): Promise<void> {
    this.invitation = undefined;
    this.error = undefined;
    if (!this.token) return;
    const token = this.token;
    this.loading = true;
    try {
      const invitation = (await getInvitation({ token })) as Invitation;
      if (token === this.token) this.invitation = invitation;
    } catch (error) {
      if (token === this.token) this.error = error;
    } finally {
      if (token === this.token) this.loading = false;
    }
  }

  handleChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    const name = (event.target as HTMLElement).dataset.field;
    if (name === 'acceptTerms' || name === 'consent') {
      this[name] = event.detail.checked === true;
    } else if (name === 'password' || name === 'confirmPassword') {
      this[name] = event.detail.value ?? '';
    }
    this.problem = null;
  }

  formProblem(): string | null {
    if (!this.acceptTerms || !this.consent) return TERMS_MESSAGE;
    if (this.password.length < 8) return PASSWORD_LENGTH_MESSAGE;
    if (this.password !== this.confirmPassword) return PASSWORD_MATCH_MESSAGE;
    return null;
  }

  async handleJoin(): Promise<void> {
    this.problem = this.formProblem();
    if (this.problem) return;
    this.joining = true;
    this.error = undefined;
    try {
      this.result = (await join({
        request: {
          token: this.token,
          password: this.password,
          acceptTerms: true,
          consent: true
        }
      })) as JoinResult;
      this.password = '';
      this.confirmPassword = '';
      if (this.result.nextUrl) {
        window.location.assign(this.result.nextUrl);
      }
    } catch (error) {
      this.error = error;
    } finally {
      this.joining = false;
    }
  }
}
