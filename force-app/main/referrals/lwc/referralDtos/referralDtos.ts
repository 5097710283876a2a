/**
 * What the referral controllers return (LeadOwnershipController, VerbalReferralController),
 * declared once for the components and the local preview; mirrored by their Apex inner classes.
 */

/** The lead itself. */
export interface LeadInfo {
  id: string;
  name: string | null;
  ownerId: string | null;
  ownerName: string | null;
  isConverted: boolean;
}

/** The referral behind the lead and its stored routing decision. */
export interface RoutingInfo {
  referralId: string;
  referralName: string | null;
  referralStatus: string | null;
  programName: string | null;
  /** The program's policy: ADVOCATE_OWNER, QUEUE or ASSIGNMENT_RULES. */
  policy: string | null;
  /** EXISTING_ACCOUNT_OWNER, ADVOCATE_OWNER, QUEUE or ASSIGNMENT_RULES. */
  route: string | null;
  routeLabel: string | null;
  /** The stored sentence saying why the lead went where it went. */
  reason: string | null;
}

/** The referring advocate and its owners. */
export interface OwnershipAdvocate {
  id: string;
  name: string | null;
  contactName: string | null;
  accountName: string | null;
  accountOwnerId: string | null;
  accountOwnerName: string | null;
  relationshipOwnerName: string | null;
}

/** LeadOwnershipController.getOwnership: who referred the lead, how it was routed, who may claim it. */
export interface LeadOwnership {
  /** False when the lead did not come from a referral: `message` says so. */
  hasReferral: boolean;
  message: string | null;
  lead: LeadInfo;
  routing: RoutingInfo | null;
  advocate: OwnershipAdvocate | null;
  /** Whether the running user may claim the lead (the server checks again on claim). */
  canClaim: boolean;
  /** Why the running user cannot claim it, else null. */
  claimBlockedReason: string | null;
}

/** LeadOwnershipController.claim. */
export interface ClaimResult {
  success: boolean;
  message: string;
}

/** One advocate a rep can log a referral for. */
export interface AdvocateOption {
  id: string;
  name: string;
  contactName: string | null;
  accountName: string | null;
  programName: string | null;
}

/** VerbalReferralController.getContext: where the action runs and which advocate fits it. */
export interface VerbalReferralContext {
  /** 'Contact', 'Account' or null (utility bar: no record). */
  contextObject: string | null;
  /** The advocate to preselect (the contact's own advocate record), or null. */
  defaultAdvocateId: string | null;
  /** Advocates of the contact or account (at most 50), for a quick pick. */
  advocates: AdvocateOption[];
  /** A sentence for the rep when the record has no advocate yet, else null. */
  message: string | null;
}

/** What the rep entered (VerbalReferralController.VerbalReferralInput). */
export interface VerbalReferralInput {
  advocateId: string;
  firstName: string | null;
  lastName: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  notes: string | null;
  consentGiven: boolean;
}

/** VerbalReferralController.previewScreening: RULES.md `screen` before saving. */
export interface ScreeningPreview {
  verdict: 'ACCEPT' | 'REVIEW' | 'REJECT';
  reason: string | null;
  matchId: string | null;
  /** A sentence for the rep explaining the verdict. */
  message: string;
}

/** VerbalReferralController.submit. */
export interface VerbalSubmissionResult {
  success: boolean;
  referralId: string | null;
  verdict: string | null;
  reason: string | null;
  message: string;
}

/** A record a referral in review matched, as the reviewer may see it (ReferralReviewController.MatchedRecord). */
export interface ReviewMatch {
  id: string;
  name: string;
  kind: 'Contact' | 'Lead' | 'Opportunity';
}

/** One referral In Review (ReferralReviewController.ReviewRow). */
export interface ReviewRow {
  id: string;
  name: string;
  referredName: string;
  referredEmail: string | null;
  referredCompany: string | null;
  advocateName: string | null;
  programName: string | null;
  submittedDate: string | null;
  /** Screening_Reason__c: EXISTING_OPPORTUNITY, EXISTING_CONTACT, EXISTING_LEAD or another signal. */
  reasonCode: string | null;
  /** The reason in plain words. */
  reason: string;
  /** What accepting does for this referral. */
  acceptEffect: string;
  /** True when accepting attaches the referral to its existing lead. */
  attachesLead: boolean;
  matches: ReviewMatch[];
}

/** ReferralReviewController.getQueue. */
export interface ReviewQueue {
  rows: ReviewRow[];
  truncated: boolean;
  maxRows: number;
}

/** ReferralReviewController.accept and reject: one per referral. */
export interface ReviewDecision {
  referralId: string;
  name: string;
  success: boolean;
  message: string | null;
}
