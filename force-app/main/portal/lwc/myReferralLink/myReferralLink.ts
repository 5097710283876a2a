import { LightningElement } from 'lwc';
import getMyAdvocate from '@salesforce/apex/PortalController.getMyAdvocate';
import type { AdvocateView } from 'c/portalModel';

export const COPIED_MESSAGE = 'Link copied. Paste it into an email or a message.';
export const COPY_FAILED_MESSAGE =
  'Your browser did not let us copy the link: select it and copy it by hand.';

/** Portal: the advocate's personal referral link and code, to copy and share. */
export default class MyReferralLink extends LightningElement {
  advocate?: AdvocateView;
  loading = true;
  error?: unknown;
  feedback: string | null = null;

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
    const subject = encodeURIComponent(this.advocate?.offerHeadline ?? 'A recommendation');
    const body = encodeURIComponent(
      `I recommend them. Use my link to get in touch: ${this.advocate?.referralLink ?? ''}`
    );
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
        title: this.advocate?.offerHeadline ?? 'A recommendation',
        url: this.advocate?.referralLink ?? ''
      });
    } catch {
      // the person closed the share sheet: nothing to report
    }
  }
}
