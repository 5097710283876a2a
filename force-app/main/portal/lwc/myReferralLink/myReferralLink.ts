import { LightningElement } from 'lwc';
import getMyAdvocate from '@salesforce/apex/PortalController.getMyAdvocate';
import type { AdvocateView } from 'c/portalModel';
import { formatLabel } from 'c/localization';
import TITLE from '@salesforce/label/c.Portal_Link_Title';
import LOADING from '@salesforce/label/c.Portal_Link_Loading';
import LOAD_FAILED from '@salesforce/label/c.Portal_Link_Load_Failed';
import PERSONAL from '@salesforce/label/c.Portal_Link_Personal';
import CODE from '@salesforce/label/c.Portal_Link_Code';
import INACTIVE from '@salesforce/label/c.Portal_Link_Inactive';
import COPY from '@salesforce/label/c.Portal_Link_Copy';
import SHARE from '@salesforce/label/c.Portal_Link_Share';
import SEND_EMAIL from '@salesforce/label/c.Portal_Link_Send_Email';
import COPIED from '@salesforce/label/c.Portal_Link_Copied';
import COPY_FAILED from '@salesforce/label/c.Portal_Link_Copy_Failed';
import MAIL_SUBJECT from '@salesforce/label/c.Portal_Link_Mail_Subject';
import MAIL_BODY from '@salesforce/label/c.Portal_Link_Mail_Body';

export const COPIED_MESSAGE = COPIED;
export const COPY_FAILED_MESSAGE = COPY_FAILED;

/** Portal: the advocate's personal referral link and code, to copy and share. */
export default class MyReferralLink extends LightningElement {
  advocate?: AdvocateView;
  loading = true;
  error?: unknown;
  feedback: string | null = null;
  labels = {
    title: TITLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    personal: PERSONAL,
    code: CODE,
    inactive: INACTIVE,
    copy: COPY,
    share: SHARE,
    sendEmail: SEND_EMAIL
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

  get hasLink(): boolean {
    return !!this.advocate?.referralLink;
  }

  get isInactive(): boolean {
    return !!this.advocate && this.advocate.status !== 'Active';
  }

  get mailtoUrl(): string {
    const subject = encodeURIComponent(this.advocate?.offerHeadline ?? MAIL_SUBJECT);
    const body = encodeURIComponent(formatLabel(MAIL_BODY, this.advocate?.referralLink ?? ''));
    return `mailto:?subject=${subject}&body=${body}`;
  }

  get canShare(): boolean {
    return typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  }

  async handleCopy(): Promise<void> {
    const link = this.advocate?.referralLink ?? '';
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(link);
        this.feedback = COPIED_MESSAGE;
        return;
      }
    } catch {
      // fall through to the selection fallback (older browsers, iframes without permission)
    }
    this.feedback = this.copyBySelection() ? COPIED_MESSAGE : COPY_FAILED_MESSAGE;
  }

  copyBySelection(): boolean {
    const input = this.template?.querySelector('input.link') as HTMLInputElement | null;
    if (!input) return false;
    input.focus();
    input.select();
    try {
      return typeof document.execCommand === 'function' && document.execCommand('copy');
    } catch {
      return false;
    }
  }

  async handleShare(): Promise<void> {
    try {
      await navigator.share({
        title: this.advocate?.offerHeadline ?? MAIL_SUBJECT,
        url: this.advocate?.referralLink ?? ''
      });
    } catch {
      // the person closed the share sheet: nothing to report
    }
  }
}
