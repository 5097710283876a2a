/**
 * Input and output types of the seven decisions. Field names are exactly the docs/rules.md JSON.
 * Optional (`?`) fields have a default or are optional in docs/rules.md; `| null` fields are nullable.
 */

export type Milestone = 'SUBMITTED' | 'QUALIFIED' | 'WON';
export type Recipient = 'ADVOCATE' | 'REFERRED';
export type RewardType = 'CASH' | 'POINTS';
export type Calculation = 'FLAT' | 'PERCENT' | 'TIERED';
export type TierCalculation = 'FLAT' | 'PERCENT';
export type TierMode = 'STEP' | 'MARGINAL';
export type RewardStatus = 'PENDING' | 'APPROVED' | 'ISSUED' | 'CANCELLED' | 'REVERSED';
export type RoutingPolicy = 'ADVOCATE_OWNER' | 'QUEUE' | 'ASSIGNMENT_RULES';
export type Route = 'EXISTING_ACCOUNT_OWNER' | 'ADVOCATE_OWNER' | 'QUEUE' | 'ASSIGNMENT_RULES';
export type Verdict = 'ACCEPT' | 'REVIEW' | 'REJECT';
export type ScreenReason =
  | 'INVALID_EMAIL'
  | 'BLOCKED_DOMAIN'
  | 'SELF_REFERRAL'
  | 'DUPLICATE_REFERRAL'
  | 'EXISTING_OPPORTUNITY'
  | 'EXISTING_CONTACT'
  | 'EXISTING_LEAD';

/** A `YYYY-MM-DD` calendar date. */
export type DateString = string;

// ---- reward

export interface Tier {
  upTo: number | null;
  calculation: TierCalculation;
  value: number;
}

export interface Rule {
  id: string;
  active: boolean;
  milestone: Milestone;
  recipient: Recipient;
  rewardType: RewardType;
  calculation: Calculation;
  /** FLAT: money or points; PERCENT: percent; ignored (may be absent) for TIERED. */
  value?: number | null;
  tiers?: Tier[] | null;
  tierMode?: TierMode | null;
  minDealAmount?: number | null;
  maxReward?: number | null;
  startDate?: DateString | null;
  endDate?: DateString | null;
}

export interface RewardInput {
  program: { currency: string; annualCashCapPerAdvocate?: number | null };
  rules: Rule[];
  referral: { id: string; milestone: Milestone; milestoneDate: DateString };
  deal: { amount: number | null; currency: string } | null;
  rates?: Record<string, number> | null;
  existingKeys?: string[] | null;
  advocateCashYtd?: number | null;
}

interface RewardDecisionBase {
  key: string;
  ruleId: string;
  milestone: Milestone;
  recipient: Recipient;
  capped: boolean;
}

export interface CashRewardDecision extends RewardDecisionBase {
  rewardType: 'CASH';
  amount: number;
  currency: string;
}

export interface PointsRewardDecision extends RewardDecisionBase {
  rewardType: 'POINTS';
  points: number;
}

export type RewardDecision = CashRewardDecision | PointsRewardDecision;

// ---- clawback

export interface LedgerReward {
  key: string;
  milestone: Milestone;
  rewardType: RewardType;
  status: RewardStatus;
  /** CASH rewards. */
  amount?: number;
  /** POINTS rewards. */
  points?: number;
}

export interface ClawbackInput {
  program: { clawbackDays: number };
  wonDate: DateString;
  reversalDate: DateString;
  rewards: LedgerReward[];
}

export type ClawbackAction =
  | { key: string; action: 'CANCEL' }
  | { key: string; action: 'REVERSE'; amount: number }
  | { key: string; action: 'REVERSE'; points: number };

// ---- score

export interface ScoreWeights {
  submitted: number;
  qualified: number;
  won: number;
  revenuePer1000: number;
  halfLifeDays: number;
  priorConversion: number;
  priorStrength: number;
  minMultiplier: number;
  maxMultiplier: number;
}

export interface ScoreReferral {
  advocateId: string;
  submittedDate: DateString;
  qualifiedDate: DateString | null;
  wonDate: DateString | null;
  wonAmount: number | null;
}

export interface ScoreInput {
  asOf: DateString;
  weights: ScoreWeights;
  referrals: ScoreReferral[];
}

export interface ScoreRow {
  advocateId: string;
  score: number;
  rank: number;
  submitted: number;
  qualified: number;
  won: number;
}

// ---- route

export interface RouteInput {
  policy: RoutingPolicy;
  protectExistingAccounts: boolean;
  queueId: string | null;
  advocate: { relationshipOwnerId: string | null; accountOwnerId: string | null };
  matchedAccountOwnerId: string | null;
  activeUserIds: string[];
}

export interface RouteResult {
  ownerId: string | null;
  route: Route;
}

// ---- screen

export interface ScreenInput {
  today: DateString;
  program: { duplicateWindowDays: number; blockedDomains?: string[] | null };
  advocate: { email: string | null; accountId: string | null };
  referred: { email: string };
  existing?: {
    contacts?: {
      id: string;
      email: string | null;
      accountId: string | null;
      accountHasOpenOpportunity?: boolean | null;
    }[];
    leads?: { id: string; email: string | null; isConverted?: boolean | null }[];
    referrals?: { id: string; email: string | null; submittedDate: DateString; status: string }[];
  };
}

export interface ScreenResult {
  verdict: Verdict;
  reason: ScreenReason | null;
  matchId: string | null;
}

// ---- metrics

export interface MetricsInput {
  periodStart: DateString;
  periodEnd: DateString;
  advocates: { id: string; enrolledDate: DateString }[];
  referrals: { id: string; advocateId: string; submittedDate: DateString; won: boolean }[];
}

export interface TopShare {
  referralShare: number;
  dealShare: number;
}

export interface MetricsResult {
  enrolled: number;
  active: number;
  activeRate: number;
  referrals: number;
  referralsPerAdvocate: number;
  won: number;
  conversionRate: number;
  referrerDistribution: { one: number; twoToTen: number; elevenPlus: number };
  top1Pct: TopShare;
  top10Pct: TopShare;
}

// ---- propensity

export type PropensityBand = 'HIGH' | 'MEDIUM' | 'LOW' | 'EXCLUDED';
export type PropensityReason = 'OPTED_OUT';

/** One contact who could be asked for a referral (docs/rules.md section 7). */
export interface PropensityContact {
  id: string;
  /** Won opportunities on the contact's account in the last 3 years. */
  wonDeals: number;
  lastWonDate: DateString | null;
  /** First won deal or account start. */
  customerSince: DateString | null;
  openCases: number;
  /** NPS/CSAT scaled to 0-10. */
  satisfaction: number | null;
  /** Referrals the contact already made as an advocate. */
  referrals: number;
  /** Of those, qualified or won (at most `referrals`). */
  qualifiedReferrals: number;
  /** Share (0-1) of the program's emails opened or clicked. */
  emailEngagement: number | null;
  optedOut: boolean;
}

export interface PropensityInput {
  asOf: DateString;
  contacts: PropensityContact[];
}

/** Integer points per signal; their sum, floored at 0, is the score. */
export interface PropensityBreakdown {
  wonDeals: number;
  recency: number;
  tenure: number;
  /** 0 or negative. */
  openCases: number;
  satisfaction: number;
  referrals: number;
  engagement: number;
}

export interface PropensityRow {
  id: string;
  score: number;
  band: PropensityBand;
  breakdown: PropensityBreakdown;
  reason: PropensityReason | null;
}
