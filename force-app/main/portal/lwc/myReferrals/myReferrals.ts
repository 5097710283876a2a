import { LightningElement } from 'lwc';
import getMyReferrals from '@salesforce/apex/PortalController.getMyReferrals';
import type { ReferralView } from 'c/portalModel';

/** The path every referral walks, in order. */
export const STEPS = [
  { label: 'Submitted', value: 'Submitted' },
  { label: 'Accepted', value: 'Accepted' },
  { label: 'Qualified', value: 'Qualified' },
  { label: 'Won', value: 'Won' }
];

const STATUS_TEXT: Record<string, string> = {
  Submitted: 'We received your referral and are looking at it.',
  'In Review': 'Our team is checking whether this referral counts.',
  Accepted: 'Accepted: our sales team is in touch.',
  Qualified: 'Good news: this is a real opportunity now.',
  Won: 'Won! Thank you, your reward is on its way.',
  Rejected: 'This referral could not be accepted.',
  Lost: 'This opportunity did not work out this time.'
};

/** A referral with where it stands on the path. */
export interface ReferralRow extends ReferralView {
  currentStep: string;
  hasError: boolean;
  statusText: string;
  ariaLabel: string;
}

/** Where a referral stands on the path; Rejected and Lost stop at the step they reached. */
export function toRow(referral: ReferralView): ReferralRow {
  let currentStep = 'Submitted';
  let hasError = false;
  switch (referral.status) {
    case 'Accepted':
    case 'Qualified':
    case 'Won':
      currentStep = referral.status;
      break;
    case 'Rejected':
      hasError = true;
      break;
    case 'Lost':
      hasError = true;
      currentStep = referral.qualifiedDate ? 'Qualified' : 'Accepted';
      break;
    default:
      break;
  }
  const statusText = referral.statusReason || STATUS_TEXT[referral.status] || referral.status;
  return {
    ...referral,
    currentStep,
    hasError,
    statusText,
    ariaLabel: `Progress of the referral of ${referral.referredName}: ${referral.status}`
  };
}

/** Portal: the advocate's referrals, each with its progress as a path. */
export default class MyReferrals extends LightningElement {
  rows: ReferralRow[] = [];
  loading = true;
  error?: unknown;
  steps = STEPS;

  override connectedCallback(): void {
    this.load();
  }

  get isEmpty(): boolean {
    return !this.loading && !this.error && this.rows.length === 0;
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  async load(): Promise<void> {
    this.loading = true;
    this.error = undefined;
    try {
      const referrals = (await getMyReferrals()) as ReferralView[];
      this.rows = referrals.map(toRow);
    } catch (error) {
      this.error = error;
      this.rows = [];
    } finally {
      this.loading = false;
    }
  }

  handleRefresh(): void {
    this.load();
  }
}
