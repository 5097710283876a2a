import { LightningElement, wire } from 'lwc';
import { CurrentPageReference } from 'lightning/navigation';
import getInvitation from '@salesforce/apex/AdvocateJoinController.getInvitation';
import join from '@salesforce/apex/AdvocateJoinController.join';
import type { Invitation, JoinResult } from 'c/portalModel';

export const NO_TOKEN_MESSAGE =
  'Open this page from the link in your invitation email: the link carries your personal invitation.';
export const TERMS_MESSAGE = 'Please accept the program terms and agree to receive program emails.';
export const PASSWORD_LENGTH_MESSAGE = 'Choose a password of at least 8 characters.';
export const PASSWORD_MATCH_MESSAGE =
  'The two passwords are different: type the same password twice.';

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
    return `${name ? `Welcome, ${name}!` : 'Welcome!'} Join ${this.invitation?.programName ?? 'the referral program'}.`;
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
