/**
 * What the portal controllers return (PortalController via PortalViews, RedemptionService,
 * AdvocateJoinController, PublicReferralController), declared once for the portal components,
 * plus the plain-word helpers they share: field checks and screening explanations.
 */

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

const LABELS: Record<keyof typeof LIMITS, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  company: 'Company',
  notes: 'Notes'
};

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
      return `${LABELS[key]} is too long: use at most ${LIMITS[key]} characters.`;
    }
    if (MARKUP_PATTERN.test(value)) {
      return `${LABELS[key]} contains characters or code that are not allowed (such as < or >): type plain text only.`;
    }
  }
  if (!details.lastName.trim()) return 'Enter the last name of the person you refer.';
  if (!details.email.trim()) return 'Enter the email of the person you refer.';
  if (!EMAIL_PATTERN.test(details.email.trim())) {
    return 'Enter the email as an address such as name@company.com.';
  }
  const phone = (details.phone ?? '').trim();
  if (phone && !PHONE_PATTERN.test(phone)) {
    return 'Phone may contain only digits, spaces and + ( ) - . characters.';
  }
  return null;
}

/** What a screening verdict means for the advocate, in plain words. */
export function explainScreening(verdict: string | null, reason: string | null): string {
  switch (reason) {
    case 'DUPLICATE_REFERRAL':
      return 'Someone already referred this person recently, so this referral cannot earn a reward.';
    case 'SELF_REFERRAL':
      return 'You cannot refer yourself or people from your own company.';
    case 'BLOCKED_DOMAIN':
      return 'People with this kind of email address cannot be referred in this program.';
    case 'EXISTING_OPPORTUNITY':
      return 'This person’s company is already talking to our sales team. We will check whether your referral counts and let you know.';
    case 'EXISTING_CONTACT':
      return 'This person is already known to us. We will check whether your referral counts and let you know.';
    case 'EXISTING_LEAD':
      return 'We were already in touch with this person. We will check whether your referral counts and let you know.';
    default:
      break;
  }
  if (verdict === 'ACCEPT') return 'Your referral was accepted. Our team will contact them soon.';
  if (verdict === 'REVIEW') return 'Your referral will be checked by our team before it counts.';
  if (verdict === 'REJECT') return 'This referral cannot be accepted.';
  return 'Your referral was received.';
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
