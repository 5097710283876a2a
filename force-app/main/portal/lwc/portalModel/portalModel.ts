/**
 * What the portal controllers return (PortalController via PortalViews, RedemptionService,
 * AdvocateJoinController, PublicReferralController), declared once for the portal components,
 * plus the plain-word helpers they share: field checks and screening explanations.
 */

import FIRST_NAME from '@salesforce/label/c.Portal_Field_First_Name';
import LAST_NAME from '@salesforce/label/c.Portal_Field_Last_Name';
import EMAIL from '@salesforce/label/c.Portal_Field_Email';
import PHONE from '@salesforce/label/c.Portal_Field_Phone';
import COMPANY from '@salesforce/label/c.Portal_Field_Company';
import NOTES from '@salesforce/label/c.Portal_Field_Notes';
import TOO_LONG from '@salesforce/label/c.Portal_Problem_Too_Long';
import MARKUP from '@salesforce/label/c.Portal_Problem_Markup';
import LAST_NAME_MISSING from '@salesforce/label/c.Portal_Problem_Last_Name_Missing';
import EMAIL_MISSING from '@salesforce/label/c.Portal_Problem_Email_Missing';
import EMAIL_FORMAT from '@salesforce/label/c.Portal_Problem_Email_Format';
import PHONE_FORMAT from '@salesforce/label/c.Portal_Problem_Phone_Format';
import SCREENING_DUPLICATE from '@salesforce/label/c.Portal_Screening_Duplicate';
import SCREENING_SELF from '@salesforce/label/c.Portal_Screening_Self';
import SCREENING_BLOCKED_DOMAIN from '@salesforce/label/c.Portal_Screening_Blocked_Domain';
import SCREENING_EXISTING_OPPORTUNITY from '@salesforce/label/c.Portal_Screening_Existing_Opportunity';
import SCREENING_EXISTING_CONTACT from '@salesforce/label/c.Portal_Screening_Existing_Contact';
import SCREENING_EXISTING_LEAD from '@salesforce/label/c.Portal_Screening_Existing_Lead';
import SCREENING_ACCEPTED from '@salesforce/label/c.Portal_Screening_Accepted';
import SCREENING_REVIEW from '@salesforce/label/c.Portal_Screening_Review';
import SCREENING_REJECTED from '@salesforce/label/c.Portal_Screening_Rejected';
import SCREENING_RECEIVED from '@salesforce/label/c.Portal_Screening_Received';
import { formatLabel } from 'c/localization';

/** The referral form's field labels (custom labels), shared by the portal's forms. */
export const FIELD_LABELS = {
  firstName: FIRST_NAME,
  lastName: LAST_NAME,
  email: EMAIL,
  phone: PHONE,
  company: COMPANY,
  notes: NOTES
} as const;

/** PortalViews.AdvocateView */
export interface AdvocateView {
  id: string;
  firstName: string | null;
  status: string | null;
  referralCode: string | null;
  referralLink: string | null;
  programName: string | null;
  offerHeadline: string | null;
  pointsBalance: number;
  taxFormStatus: string | null;
  taxCountry: string | null;
  emailOptOut: boolean;
  consentDate: string | null;
  /** Advocate__c.Leaderboard_Opt_In__c */
  leaderboardOptIn?: boolean;
}

/** PortalViews.ReferralView */
export interface ReferralView {
  id: string;
  name: string;
  referredName: string;
  company: string | null;
  status: string;
  statusReason: string | null;
  submittedDate: string | null;
  qualifiedDate: string | null;
  wonDate: string | null;
  lostDate: string | null;
}

/** PortalViews.LedgerEntry */
export interface LedgerEntry {
  id: string;
  name: string;
  entryType: string | null;
  rewardType: string | null;
  amount: number | null;
  currencyCode: string | null;
  points: number | null;
  status: string | null;
  milestone: string | null;
  issuedOn: string | null;
  createdDate: string | null;
}

/** PortalViews.RewardsView */
export interface RewardsView {
  pointsBalance: number;
  cashThisYear: number;
  currencyCode: string | null;
  pendingCount: number;
  pendingCash: number;
  pendingPoints: number;
  entries: LedgerEntry[];
}

/** PortalViews.CatalogItem */
export interface CatalogItem {
  id: string;
  name: string;
  description: string | null;
  pointsCost: number;
  imageUrl: string | null;
  stock: number | null;
}

/** PortalViews.RedemptionView */
export interface RedemptionView {
  id: string;
  name: string;
  itemName: string | null;
  points: number;
  status: string;
  requestedOn: string | null;
}

/** RedemptionService.Result */
export interface RedemptionResult {
  success: boolean;
  redemptionId: string | null;
  pointsBalance: number;
  message: string;
}

/** PortalViews.SubmissionView */
export interface SubmissionView {
  success: boolean;
  referralId: string | null;
  verdict: 'ACCEPT' | 'REVIEW' | 'REJECT' | null;
  reason: string | null;
  message: string | null;
}

/** PortalInput.ReferralDetails: what the referral forms send. */
export interface ReferralDetails {
  firstName: string | null;
  lastName: string;
  email: string;
  phone: string | null;
  company: string | null;
  notes: string | null;
  consent: boolean;
}

/** AdvocateJoinController.Invitation */
export interface Invitation {
  firstName: string | null;
  maskedEmail: string | null;
  programName: string | null;
  terms: string | null;
  offerHeadline: string | null;
}

/** AdvocateJoinController.JoinResult */
export interface JoinResult {
  success: boolean;
  message: string;
  nextUrl: string | null;
}

/** PublicReferralController.Offer */
export interface Offer {
  programName: string | null;
  offerHeadline: string | null;
  advocateFirstName: string | null;
  referralCode: string;
  /** True when the admin chose a human check provider: the page sends its token (M7). */
  humanCheck?: boolean;
  /** The program's currency (ISO code), for the friend's cash rewards. */
  currencyCode?: string | null;
  /** The referred person's own rewards (double-sided programs); empty when there are none. */
  friendRewards?: FriendReward[];
}

/** PublicReferralController.FriendReward: one reward the referred person earns. */
export interface FriendReward {
  rewardType: 'CASH' | 'POINTS';
  calculation: 'FLAT' | 'PERCENT' | 'TIERED';
  /** The amount or points (FLAT) or the percent (PERCENT, 10 = 10 %); null when TIERED. */
  value: number | null;
  maxReward: number | null;
  milestone: 'SUBMITTED' | 'QUALIFIED' | 'WON';
}

/** PublicReferralController.Outcome */
export interface Outcome {
  accepted: boolean;
  message: string;
}

/** Field limits, as the server enforces them (PortalInput). */
export const LIMITS = {
  firstName: 40,
  lastName: 80,
  email: 254,
  phone: 40,
  company: 255,
  notes: 2000
} as const;

const LABELS: Record<keyof typeof LIMITS, string> = FIELD_LABELS;

/** One @, a non-empty local part, no spaces, a domain with a dot (the server checks the rest). */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
const PHONE_PATTERN = /^[0-9+()./ -]{5,40}$/;
const MARKUP_PATTERN = /(<|>|javascript:|vbscript:|data:text\/html|\bon[a-z]+\s*=)/i;

/** An empty referral form. */
export function emptyDetails(): ReferralDetails {
  return {
    firstName: null,
    lastName: '',
    email: '',
    phone: null,
    company: null,
    notes: null,
    consent: false
  };
}

/**
 * The first problem with a referral form, as a sentence, or null when it can be sent.
 * The server checks the same again; this only saves a round trip.
 */
export function referralProblem(details: ReferralDetails): string | null {
  for (const key of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    const value = (details[key] ?? '').trim();
    if (value.length > LIMITS[key]) {
      return formatLabel(TOO_LONG, LABELS[key], LIMITS[key]);
    }
    if (MARKUP_PATTERN.test(value)) {
      return formatLabel(MARKUP, LABELS[key]);
    }
  }
  if (!details.lastName.trim()) return LAST_NAME_MISSING;
  if (!details.email.trim()) return EMAIL_MISSING;
  if (!EMAIL_PATTERN.test(details.email.trim())) return EMAIL_FORMAT;
  const phone = (details.phone ?? '').trim();
  if (phone && !PHONE_PATTERN.test(phone)) {
    return PHONE_FORMAT;
  }
  return null;
}

/** What a screening verdict means for the advocate, in plain words. */
export function explainScreening(verdict: string | null, reason: string | null): string {
  switch (reason) {
    case 'DUPLICATE_REFERRAL':
      return SCREENING_DUPLICATE;
    case 'SELF_REFERRAL':
      return SCREENING_SELF;
    case 'BLOCKED_DOMAIN':
      return SCREENING_BLOCKED_DOMAIN;
    case 'EXISTING_OPPORTUNITY':
      return SCREENING_EXISTING_OPPORTUNITY;
    case 'EXISTING_CONTACT':
      return SCREENING_EXISTING_CONTACT;
    case 'EXISTING_LEAD':
      return SCREENING_EXISTING_LEAD;
    default:
      break;
  }
  if (verdict === 'ACCEPT') return SCREENING_ACCEPTED;
  if (verdict === 'REVIEW') return SCREENING_REVIEW;
  if (verdict === 'REJECT') return SCREENING_REJECTED;
  return SCREENING_RECEIVED;
}

/** Trims a form value; blank becomes null. */
export function clean(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed ? trimmed : null;
}

/** The details as the server receives them: trimmed, blanks as null, consent given. */
export function cleanedDetails(form: ReferralDetails): ReferralDetails {
  return {
    firstName: clean(form.firstName),
    lastName: form.lastName.trim(),
    email: form.email.trim(),
    phone: clean(form.phone),
    company: clean(form.company),
    notes: clean(form.notes),
    consent: true
  };
}
