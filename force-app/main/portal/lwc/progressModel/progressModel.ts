/**
 * What AdvocateProgressController returns (AdvocateProgress views and the leaderboard), declared
 * once for the portal's progress, timeline and leaderboard components, and the words they share:
 * what a reward rule pays ("5% to 7% of the deal, by deal size") and the milestone names.
 */
import { formatCurrency, formatLabel, formatNumber } from 'c/localization';
import POINTS from '@salesforce/label/c.Portal_Progress_Payout_Points';
import PERCENT from '@salesforce/label/c.Portal_Progress_Payout_Percent';
import PERCENT_RANGE from '@salesforce/label/c.Portal_Progress_Payout_Percent_Range';
import RANGE from '@salesforce/label/c.Portal_Progress_Payout_Range';
import CAP from '@salesforce/label/c.Portal_Progress_Payout_Cap';
import AND from '@salesforce/label/c.Portal_Progress_And';
import SUBMITTED from '@salesforce/label/c.Portal_Timeline_Milestone_Submitted';
import QUALIFIED from '@salesforce/label/c.Portal_Timeline_Milestone_Qualified';
import WON from '@salesforce/label/c.Portal_Timeline_Milestone_Won';
import LOST from '@salesforce/label/c.Portal_Timeline_Milestone_Lost';
import REJECTED from '@salesforce/label/c.Portal_Timeline_Milestone_Rejected';

/** AdvocateProgress.Payout */
export interface Payout {
  milestone: string;
  rewardType: string;
  calculation: string;
  value: number | null;
  valueFrom: number | null;
  maxReward: number | null;
  currencyCode: string | null;
}

/** AdvocateProgress.PointsMovement */
export interface PointsMovement {
  id: string;
  kind: string;
  points: number;
  status: string;
  milestone: string | null;
  recordedAt: string;
  issuedOn: string | null;
}

/** AdvocateProgress.Badge */
export interface Badge {
  key: string;
  earned: boolean;
  earnedOn: string | null;
  current: number;
  target: number;
  remaining: number;
}

/** AdvocateProgress.CatalogTarget */
export interface CatalogTarget {
  name: string;
  pointsCost: number;
  pointsToGo: number;
}

/** AdvocateProgress.ProgressView */
export interface ProgressView {
  pointsBalance: number;
  pointsEarned: number;
  pointsRedeemed: number;
  pointsClawedBack: number;
  pointsPending: number;
  pointsHistory: PointsMovement[];
  badges: Badge[];
  nextBadge: Badge | null;
  payouts: Payout[];
  nextMilestone: string | null;
  nextMilestoneReferral: string | null;
  nextMilestonePayouts: Payout[];
  openReferrals: number;
  nextCatalogItem: CatalogTarget | null;
}

/** AdvocateProgress.StepReward */
export interface StepReward {
  rewardType: string;
  entryType: string;
  amount: number | null;
  currencyCode: string | null;
  points: number | null;
  status: string;
  recordedAt: string;
}

/** AdvocateProgress.TimelineStep */
export interface TimelineStep {
  milestone: string;
  state: string;
  reachedOn: string | null;
  rewards: StepReward[];
  expected: Payout[];
}

/** AdvocateProgress.ReferralTimeline */
export interface ReferralTimeline {
  id: string;
  referredName: string;
  status: string | null;
  statusReason: string | null;
  nextStep: string;
  steps: TimelineStep[];
}

/** AdvocateProgressController.LeaderboardEntry */
export interface LeaderboardEntry {
  rank: number;
  displayName: string;
  score: number;
  isMe: boolean;
}

/** AdvocateProgressController.LeaderboardView */
export interface LeaderboardView {
  optedIn: boolean;
  myScore: number | null;
  myRank: number | null;
  participants: number;
  entries: LeaderboardEntry[];
}

/** Milestone names for the timeline and the progress card. */
export const MILESTONE_LABELS: Record<string, string> = {
  SUBMITTED,
  QUALIFIED,
  WON,
  LOST,
  REJECTED
};

function amount(value: number | null, p: Payout): string {
  return p.rewardType === 'CASH'
    ? formatCurrency(value, p.currencyCode)
    : formatLabel(POINTS, formatNumber(value));
}

/** What one rule pays, in words: "100 points", "5% of the deal", "5% to 7% of the deal (at most $2,500)". */
export function payoutText(p: Payout): string {
  let text: string;
  switch (p.calculation) {
    case 'PERCENT':
      text = formatLabel(PERCENT, formatNumber(p.value, 2));
      break;
    case 'TIERED_PERCENT':
      text =
        p.valueFrom === p.value
          ? formatLabel(PERCENT, formatNumber(p.value, 2))
          : formatLabel(PERCENT_RANGE, formatNumber(p.valueFrom, 2), formatNumber(p.value, 2));
      break;
    case 'TIERED_FLAT':
      text =
        p.valueFrom === p.value
          ? amount(p.value, p)
          : formatLabel(RANGE, amount(p.valueFrom, p), amount(p.value, p));
      break;
    default:
      text = amount(p.value, p);
  }
  const capped = p.calculation !== 'FLAT' && p.maxReward !== null && p.maxReward !== undefined;
  return capped ? formatLabel(CAP, text, amount(p.maxReward, p)) : text;
}

/** Several rules of one milestone: "100 points and 5% of the deal". */
export function payoutsText(payouts: Payout[]): string {
  return payouts
    .map(payoutText)
    .reduce((all, next) => (all ? formatLabel(AND, all, next) : next), '');
}
