import { LightningElement } from 'lwc';
import getMyReferrals from '@salesforce/apex/PortalController.getMyReferrals';
import type { ReferralView } from 'c/portalModel';
import { formatDate, formatLabel } from 'c/localization';
import { picklistLabel } from 'c/picklistLabels';
import TITLE from '@salesforce/label/c.Portal_Referrals_Title';
import REFRESH from '@salesforce/label/c.Portal_Referrals_Refresh';
import LOADING from '@salesforce/label/c.Portal_Referrals_Loading';
import LOAD_FAILED from '@salesforce/label/c.Portal_Referrals_Load_Failed';
import EMPTY from '@salesforce/label/c.Portal_Referrals_Empty';
import REFERRED_ON from '@salesforce/label/c.Portal_Referrals_Referred_On';
import PROGRESS from '@salesforce/label/c.Portal_Referrals_Progress';
import TEXT_SUBMITTED from '@salesforce/label/c.Portal_Referrals_Text_Submitted';
import TEXT_IN_REVIEW from '@salesforce/label/c.Portal_Referrals_Text_In_Review';
import TEXT_ACCEPTED from '@salesforce/label/c.Portal_Referrals_Text_Accepted';
import TEXT_QUALIFIED from '@salesforce/label/c.Portal_Referrals_Text_Qualified';
import TEXT_WON from '@salesforce/label/c.Portal_Referrals_Text_Won';
import TEXT_REJECTED from '@salesforce/label/c.Portal_Referrals_Text_Rejected';
import TEXT_LOST from '@salesforce/label/c.Portal_Referrals_Text_Lost';

/** The path every referral walks, in order (values are Referral__c.Status__c API names). */
// labels-gate: not text (Referral__c.Status__c API values)
export const STEPS = ['Submitted', 'Accepted', 'Qualified', 'Won'].map((value) => ({
  label: picklistLabel('REFERRAL_STATUS', value),
  value
}));

const STATUS_TEXT: Record<string, string> = {
  Submitted: TEXT_SUBMITTED,
  'In Review': TEXT_IN_REVIEW,
  Accepted: TEXT_ACCEPTED,
  Qualified: TEXT_QUALIFIED,
  Won: TEXT_WON,
  Rejected: TEXT_REJECTED,
  Lost: TEXT_LOST
};

/** A referral with where it stands on the path. */
export interface ReferralRow extends ReferralView {
  currentStep: string;
  hasError: boolean;
  statusText: string;
  ariaLabel: string;
  referredOn: string;
}

/** Where a referral stands on the path; Rejected and Lost stop at the step they reached. */
export function toRow(referral: ReferralView): ReferralRow {
  let currentStep = 'Submitted'; // labels-gate: not text (API value)
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
      // labels-gate: not text (API values)
      currentStep = referral.qualifiedDate ? 'Qualified' : 'Accepted';
      break;
    default:
      break;
  }
  const statusText =
    referral.statusReason ||
    STATUS_TEXT[referral.status] ||
    picklistLabel('REFERRAL_STATUS', referral.status);
  return {
    ...referral,
    currentStep,
    hasError,
    statusText,
    ariaLabel: formatLabel(
      PROGRESS,
      referral.referredName,
      picklistLabel('REFERRAL_STATUS', referral.status)
    ),
    // a date-only value: the calendar day, wherever the advocate is
    referredOn: formatLabel(REFERRED_ON, referral.name, formatDate(referral.submittedDate))
  };
}

/** Portal: the advocate's referrals, each with its progress as a path. */
export default class MyReferrals extends LightningElement {
  rows: ReferralRow[] = [];
  loading = true;
  error?: unknown;
  steps = STEPS;
  labels = {
    title: TITLE,
    refresh: REFRESH,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    empty: EMPTY
  };

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
