/**
 * The translated labels of the package's picklist values (Reward__c Status__c, Entry_Type__c,
 * Reward_Type__c, Milestone__c; Referral__c, Advocate__c and Redemption__c Status__c), so a raw
 * API value such as WON never reaches the screen. An unknown value (a subscriber's own) is shown as
 * it is, which is what the platform shows for a value without a translation.
 */
import CORE_REWARD_STATUS_PENDING from '@salesforce/label/c.Core_Reward_Status_Pending';
import CORE_REWARD_STATUS_APPROVED from '@salesforce/label/c.Core_Reward_Status_Approved';
import CORE_REWARD_STATUS_ISSUED from '@salesforce/label/c.Core_Reward_Status_Issued';
import CORE_REWARD_STATUS_CANCELLED from '@salesforce/label/c.Core_Reward_Status_Cancelled';
import CORE_REWARD_STATUS_REVERSED from '@salesforce/label/c.Core_Reward_Status_Reversed';
import CORE_ENTRY_TYPE_REWARD from '@salesforce/label/c.Core_Entry_Type_Reward';
import CORE_ENTRY_TYPE_REVERSAL from '@salesforce/label/c.Core_Entry_Type_Reversal';
import CORE_ENTRY_TYPE_REDEMPTION from '@salesforce/label/c.Core_Entry_Type_Redemption';
import CORE_ENTRY_TYPE_MANUAL from '@salesforce/label/c.Core_Entry_Type_Manual';
import CORE_REWARD_TYPE_CASH from '@salesforce/label/c.Core_Reward_Type_Cash';
import CORE_REWARD_TYPE_POINTS from '@salesforce/label/c.Core_Reward_Type_Points';
import CORE_MILESTONE_SUBMITTED from '@salesforce/label/c.Core_Milestone_Submitted';
import CORE_MILESTONE_QUALIFIED from '@salesforce/label/c.Core_Milestone_Qualified';
import CORE_MILESTONE_WON from '@salesforce/label/c.Core_Milestone_Won';
import CORE_REFERRAL_STATUS_SUBMITTED from '@salesforce/label/c.Core_Referral_Status_Submitted';
import CORE_REFERRAL_STATUS_IN_REVIEW from '@salesforce/label/c.Core_Referral_Status_In_Review';
import CORE_REFERRAL_STATUS_ACCEPTED from '@salesforce/label/c.Core_Referral_Status_Accepted';
import CORE_REFERRAL_STATUS_REJECTED from '@salesforce/label/c.Core_Referral_Status_Rejected';
import CORE_REFERRAL_STATUS_QUALIFIED from '@salesforce/label/c.Core_Referral_Status_Qualified';
import CORE_REFERRAL_STATUS_WON from '@salesforce/label/c.Core_Referral_Status_Won';
import CORE_REFERRAL_STATUS_LOST from '@salesforce/label/c.Core_Referral_Status_Lost';
import CORE_ADVOCATE_STATUS_INVITED from '@salesforce/label/c.Core_Advocate_Status_Invited';
import CORE_ADVOCATE_STATUS_ACTIVE from '@salesforce/label/c.Core_Advocate_Status_Active';
import CORE_ADVOCATE_STATUS_INACTIVE from '@salesforce/label/c.Core_Advocate_Status_Inactive';
import CORE_ADVOCATE_STATUS_BLOCKED from '@salesforce/label/c.Core_Advocate_Status_Blocked';
import CORE_REDEMPTION_STATUS_REQUESTED from '@salesforce/label/c.Core_Redemption_Status_Requested';
import CORE_REDEMPTION_STATUS_FULFILLED from '@salesforce/label/c.Core_Redemption_Status_Fulfilled';
import CORE_REDEMPTION_STATUS_CANCELLED from '@salesforce/label/c.Core_Redemption_Status_Cancelled';

const PICKLISTS = {
  REWARD_STATUS: {
    Pending: CORE_REWARD_STATUS_PENDING,
    Approved: CORE_REWARD_STATUS_APPROVED,
    Issued: CORE_REWARD_STATUS_ISSUED,
    Cancelled: CORE_REWARD_STATUS_CANCELLED,
    Reversed: CORE_REWARD_STATUS_REVERSED
  },
  ENTRY_TYPE: {
    Reward: CORE_ENTRY_TYPE_REWARD,
    Reversal: CORE_ENTRY_TYPE_REVERSAL,
    Redemption: CORE_ENTRY_TYPE_REDEMPTION,
    Manual: CORE_ENTRY_TYPE_MANUAL
  },
  REWARD_TYPE: {
    CASH: CORE_REWARD_TYPE_CASH,
    POINTS: CORE_REWARD_TYPE_POINTS
  },
  MILESTONE: {
    SUBMITTED: CORE_MILESTONE_SUBMITTED,
    QUALIFIED: CORE_MILESTONE_QUALIFIED,
    WON: CORE_MILESTONE_WON
  },
  REFERRAL_STATUS: {
    Submitted: CORE_REFERRAL_STATUS_SUBMITTED,
    'In Review': CORE_REFERRAL_STATUS_IN_REVIEW,
    Accepted: CORE_REFERRAL_STATUS_ACCEPTED,
    Rejected: CORE_REFERRAL_STATUS_REJECTED,
    Qualified: CORE_REFERRAL_STATUS_QUALIFIED,
    Won: CORE_REFERRAL_STATUS_WON,
    Lost: CORE_REFERRAL_STATUS_LOST
  },
  ADVOCATE_STATUS: {
    Invited: CORE_ADVOCATE_STATUS_INVITED,
    Active: CORE_ADVOCATE_STATUS_ACTIVE,
    Inactive: CORE_ADVOCATE_STATUS_INACTIVE,
    Blocked: CORE_ADVOCATE_STATUS_BLOCKED
  },
  REDEMPTION_STATUS: {
    Requested: CORE_REDEMPTION_STATUS_REQUESTED,
    Fulfilled: CORE_REDEMPTION_STATUS_FULFILLED,
    Cancelled: CORE_REDEMPTION_STATUS_CANCELLED
  }
} as const;

/** The picklists this module knows. */
export type Picklist = keyof typeof PICKLISTS;

/** The label of a picklist value in the user's language; '' for a blank value. */
export function picklistLabel(picklist: Picklist, value: string | null | undefined): string {
  if (!value) return '';
  const labels: Record<string, string> = PICKLISTS[picklist];
  return labels[value] ?? value;
}
